"""``NetworkLoop``: one daemon thread with an asyncio loop, started on first use, closed bounded."""

import asyncio
import threading
import time

import pytest

from hvmanager.remoting.network_loop import NetworkLoop


def test_nothing_starts_before_first_use():
    network = NetworkLoop("test-network")
    assert network.thread is None and not network.is_alive
    assert network.close(0.1)  # nothing to wait for


def test_callbacks_run_in_order_on_one_daemon_thread():
    network = NetworkLoop("test-network")
    seen = []
    done = threading.Event()
    for index in range(5):
        network.call_soon(lambda i=index: seen.append((i, threading.current_thread().name)))
    network.call_soon(done.set)
    assert done.wait(5)
    assert [i for i, _ in seen] == list(range(5))
    assert {name for _, name in seen} == {"test-network"}
    assert network.thread.daemon and network.is_alive
    assert network.close(5)
    assert not network.thread.is_alive() or _ends(network.thread)


def test_close_cancels_what_still_runs_and_is_bounded():
    network = NetworkLoop("test-network")
    cancelled = threading.Event()
    started = threading.Event()

    async def forever():
        started.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    network.call_soon(lambda: asyncio.get_running_loop().create_task(forever()))
    assert started.wait(5)
    began = time.monotonic()
    assert network.close(2)
    assert time.monotonic() - began < 1.0
    assert cancelled.is_set()
    with pytest.raises(RuntimeError):
        network.call_soon(print)
    network.call_soon_quietly(print)  # best effort: nothing happens, nothing raised


def test_close_gives_up_at_its_bound_when_the_loop_is_stuck():
    network = NetworkLoop("test-network")
    release = threading.Event()
    network.call_soon(release.wait)  # blocks the loop (what a follow-up must never do for long)
    began = time.monotonic()
    assert network.close(0.2) is False
    assert time.monotonic() - began < 1.0
    release.set()
    assert _ends(network.thread)


def test_aclose_waits_on_the_callers_loop_without_blocking_it():
    network = NetworkLoop("test-network")
    ran = threading.Event()
    network.call_soon(ran.set)
    assert ran.wait(5)

    # The network loop is busy for 0.3 s: a blocking close would hold the caller that long.
    network.call_soon(time.sleep, 0.3)

    async def scenario():
        ticks = 0

        async def tick():
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.001)

        ticker = asyncio.ensure_future(tick())
        closed = await network.aclose(2)
        ticker.cancel()
        return closed, ticks

    closed, ticks = asyncio.run(scenario())
    assert closed
    assert ticks >= 20  # the caller's loop kept turning while the close waited
    assert _ends(network.thread)


def test_creating_and_first_use_never_wait_for_the_thread_start():
    began = time.perf_counter()
    loops = [NetworkLoop(f"test-network-{index}") for index in range(20)]
    for network in loops:
        network.call_soon(lambda: None)
    took = time.perf_counter() - began
    for network in loops:
        assert network.close(5)
    # Thread.start waits for the new thread to run; that wait is on the helper thread.
    assert took < 0.2, f"first use of 20 loops took {took * 1000:.0f} ms"


def _ends(thread: threading.Thread, timeout_s: float = 5.0) -> bool:
    thread.join(timeout_s)
    return not thread.is_alive()
