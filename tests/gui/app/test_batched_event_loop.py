"""BatchedEventLoop: asyncio's callback rules on one Qt timer for ready callbacks, one for
timers and one wake-up for other threads (the ``event_loop`` fixture is one)."""

import asyncio
import threading
import time

from PySide6.QtCore import QTimer

from hvmanager.app.batched_event_loop import RUN_BUDGET_S, BatchedEventLoop


def test_the_fixture_runs_the_apps_loop(event_loop):
    assert isinstance(event_loop, BatchedEventLoop)


def test_ready_callbacks_run_in_order_and_cancelled_ones_never(event_loop, qtbot):
    ran = []
    for number in range(5):
        event_loop.call_soon(ran.append, number)
    event_loop.call_soon(ran.append, "cancelled").cancel()
    event_loop.call_soon(ran.append, 5)
    qtbot.waitUntil(lambda: len(ran) == 6, timeout=2000)
    qtbot.wait(20)
    assert ran == [0, 1, 2, 3, 4, 5]


def test_callbacks_scheduled_by_a_callback_wait_for_the_next_turn(event_loop, qtbot):
    # Qt's own events (here a zero timer started in between) get their turn first, as a
    # callback chain must not starve painting and input.
    order = []

    def first():
        order.append("first")
        QTimer.singleShot(0, lambda: order.append("qt"))
        event_loop.call_soon(lambda: order.append("second"))

    event_loop.call_soon(first)
    qtbot.waitUntil(lambda: len(order) == 3, timeout=2000)
    assert order == ["first", "qt", "second"]


def test_a_long_batch_yields_to_qt_after_its_budget(event_loop, qtbot):
    turns = []
    ticks = []
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: ticks.append(len(turns)))

    def slow(number):
        time.sleep(RUN_BUDGET_S / 2)
        turns.append(number)

    for number in range(12):
        event_loop.call_soon(slow, number)
    ticker.start()
    qtbot.waitUntil(lambda: len(turns) == 12, timeout=3000)
    ticker.stop()
    assert turns == list(range(12))
    # The Qt timer ran while the twelve were still under way: the batch was split.
    assert any(0 < seen < 12 for seen in ticks)


def test_timers_run_in_time_order_never_early_and_cancelled_never(event_loop, qtbot):
    began = event_loop.time()
    fired = []
    for delay in (0.12, 0.03, 0.08, 0.0):
        event_loop.call_later(delay, lambda d=delay: fired.append((d, event_loop.time() - began)))
    event_loop.call_later(0.05, fired.append, "cancelled").cancel()
    event_loop.call_at(began + 0.06, lambda: fired.append((0.06, event_loop.time() - began)))
    qtbot.waitUntil(lambda: len(fired) == 5, timeout=3000)
    qtbot.wait(80)
    assert [delay for delay, _ in fired] == [0.0, 0.03, 0.06, 0.08, 0.12]
    assert all(elapsed >= delay for delay, elapsed in fired)


def test_many_cancelled_timers_are_purged_and_live_ones_still_fire(event_loop, qtbot):
    fired = []
    doomed = [event_loop.call_later(60, fired.append, "never") for _ in range(500)]
    event_loop.call_later(0.05, fired.append, "live")
    for timer in doomed:
        timer.cancel()
    assert len(event_loop._timers) < 200  # not 501 entries waiting a minute
    qtbot.waitUntil(lambda: fired == ["live"], timeout=2000)


def test_callbacks_from_other_threads_all_run_once_on_the_loops_thread(event_loop, qtbot):
    seen = []
    loop_thread = threading.get_ident()

    def worker(name):
        for number in range(300):
            event_loop.call_soon_threadsafe(lambda n=number: seen.append(
                (name, n, threading.get_ident())))

    threads = [threading.Thread(target=worker, args=(name,)) for name in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    qtbot.waitUntil(lambda: len(seen) == 1800, timeout=5000)
    qtbot.wait(20)
    assert len(seen) == 1800 and {ident for _, _, ident in seen} == {loop_thread}
    for name in range(6):  # each thread's callbacks in the order it handed them over
        assert [n for who, n, _ in seen if who == name] == list(range(300))


def test_a_callback_from_the_loops_own_thread_never_runs_inside_the_call(event_loop, qtbot):
    ran = []
    event_loop.call_soon_threadsafe(ran.append, 1)
    assert ran == []
    qtbot.waitUntil(lambda: ran == [1], timeout=2000)


def test_a_failing_callback_is_reported_and_the_rest_still_run(qapp, qtbot):
    from hvmanager_testing.qasync_loop import QasyncLoop

    owner = QasyncLoop(qapp)
    ran = []

    def boom():
        raise ValueError("boom")

    owner.loop.call_soon(boom)
    owner.loop.call_soon(ran.append, "after")
    qtbot.waitUntil(lambda: ran == ["after"], timeout=2000)
    owner.close()
    assert any("boom" in repr(context.get("exception")) for context in owner.errors)


def test_tasks_futures_executors_and_timeouts_work_as_in_asyncio(event_loop, qtbot):
    result = []

    async def scenario():
        gathered = await asyncio.gather(*(asyncio.sleep(0.01 * i, result=i) for i in range(5)))
        total = await event_loop.run_in_executor(None, sum, [1, 2, 3])
        try:
            await asyncio.wait_for(asyncio.sleep(5), 0.05)
            timed_out = False
        except asyncio.TimeoutError:
            timed_out = True
        future = event_loop.create_future()
        threading.Thread(target=lambda: event_loop.call_soon_threadsafe(future.set_result, 7)).start()
        return gathered, total, timed_out, await future

    task = event_loop.create_task(scenario())
    task.add_done_callback(lambda done: result.append(done.result()))
    qtbot.waitUntil(lambda: bool(result), timeout=5000)
    assert result == [([0, 1, 2, 3, 4], 6, True, 7)]


def test_closing_drops_what_waits_and_ignores_late_hand_overs(qapp, qtbot):
    from hvmanager_testing.qasync_loop import QasyncLoop

    owner = QasyncLoop(qapp)
    loop = owner.loop
    ran = []
    loop.call_later(0.5, ran.append, "timer")
    owner.close()
    loop.call_soon_threadsafe(ran.append, "late")  # a worker after the window closed
    loop.call_soon(ran.append, "after close")  # a done callback of a late future
    qtbot.wait(600)
    assert ran == [] and loop.is_closed()
