import threading
import time

import pytest

from hvmanager.remoting.worker_thread import WorkerThread


def test_jobs_run_in_order_on_one_dedicated_thread():
    worker = WorkerThread("test-worker")
    seen = []
    futures = [worker.submit(lambda i=i: seen.append((i, threading.current_thread().name)) or i)
               for i in range(5)]
    assert [f.result(5) for f in futures] == list(range(5))
    assert [i for i, _ in seen] == list(range(5))
    assert {name for _, name in seen} == {"test-worker"}
    assert worker.stop(5)


def test_exceptions_reach_the_future():
    worker = WorkerThread("test-worker")
    future = worker.submit(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        future.result(5)
    assert worker.stop(5)


def test_stop_is_bounded_even_when_a_job_hangs_and_the_thread_is_a_daemon():
    worker = WorkerThread("test-worker")
    release = threading.Event()
    worker.submit(release.wait)
    started = time.monotonic()
    assert worker.stop(0.2) is False
    assert time.monotonic() - started < 1.0
    with pytest.raises(RuntimeError):
        worker.submit(lambda: None)
    release.set()
    deadline = time.monotonic() + 5
    while worker.is_alive and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not worker.is_alive


def test_a_thread_still_being_started_counts_as_alive_and_stops_within_the_bound():
    worker = WorkerThread("test-worker")
    assert worker.is_alive  # at once, whether or not the helper has started the thread yet
    seen = []
    worker.post(lambda: seen.append("posted"))
    future = worker.submit(lambda: seen.append("submitted") or threading.current_thread().name)
    assert worker.stop(5)
    assert not worker.is_alive
    assert seen == ["posted", "submitted"] and future.result(0) == "test-worker"
    with pytest.raises(RuntimeError):
        worker.post(lambda: None)

