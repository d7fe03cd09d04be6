"""The loop fixture itself: tasks run while qtbot waits, errors are collected, teardown is clean."""

import asyncio

from hvmanager_testing.qasync_loop import QasyncLoop


def test_tasks_run_while_qtbot_waits(event_loop, qtbot):
    done = []

    async def work():
        await asyncio.sleep(0.01)
        done.append(True)

    event_loop.create_task(work())
    qtbot.waitUntil(lambda: done == [True], timeout=2000)


def test_second_test_still_gets_a_working_loop(event_loop, qtbot):
    # Pitfall P1: a teardown that stops the loop makes every later wait time out.
    done = []
    event_loop.call_later(0.01, done.append, 1)
    qtbot.waitUntil(lambda: done == [1], timeout=2000)


def test_unhandled_task_errors_are_collected(qapp, qtbot):
    owner = QasyncLoop(qapp)

    async def boom():
        raise ValueError("boom")

    task = owner.loop.create_task(boom())
    qtbot.waitUntil(task.done, timeout=2000)
    del task
    owner.close()
    assert any("boom" in repr(context.get("exception")) for context in owner.errors)
