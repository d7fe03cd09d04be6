"""RunnerThreads reuses finished threads, never makes a job wait, and leaves none behind."""

from __future__ import annotations

import threading

from hvmanager.simulator.psrp.runner_threads import RunnerThreads
from hvmanager_testing.polling import poll_until


def _named(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name and t.is_alive()]


def test_a_job_after_another_runs_on_the_same_thread() -> None:
    threads = RunnerThreads("runner-test-reuse")
    seen: list[int] = []
    for _ in range(5):
        done = threading.Event()
        threads.run(lambda: (seen.append(threading.get_ident()), done.set()))
        assert done.wait(5)
        assert poll_until(lambda: threads.idle_count() == 1)
    assert len(set(seen)) == 1
    threads.release()
    assert poll_until(lambda: not _named("runner-test-reuse"))


def test_a_job_never_waits_for_a_busy_one() -> None:
    threads = RunnerThreads("runner-test-busy")
    gate, second_ran = threading.Event(), threading.Event()
    threads.run(lambda: gate.wait(5))
    threads.run(second_ran.set)
    assert second_ran.wait(5)  # while the first still blocks
    assert len(_named("runner-test-busy")) == 2
    gate.set()
    threads.release()
    assert poll_until(lambda: not _named("runner-test-busy"))


def test_idle_threads_end_after_their_idle_time_and_work_goes_on_after_release() -> None:
    threads = RunnerThreads("runner-test-idle", idle_s=0.05)
    threads.run(lambda: None)
    assert poll_until(lambda: not _named("runner-test-idle"))
    threads.release()
    ran = threading.Event()
    threads.run(ran.set)
    assert ran.wait(5)
    threads.release()
    assert poll_until(lambda: not _named("runner-test-idle"))
