"""The refresh timing of one host: coalesced requests, dropped ticks, waiters, retries."""

import asyncio
import time

from hvmanager.core.refresh_schedule import RefreshSchedule


class Loop:
    """A refresh loop like HostSession's, whose attempts just take ``attempt_s``."""

    def __init__(self, schedule, attempt_s, retry=None):
        self.schedule = schedule
        self.attempt_s = attempt_s
        self.retry = retry
        self.starts = []

    async def run(self):
        while True:
            self.schedule.begin()
            self.starts.append(time.monotonic())
            await asyncio.sleep(self.attempt_s)
            self.schedule.end(len(self.starts))
            await self.schedule.wait_next(self.retry)


async def _with_loop(loop, body):
    task = asyncio.get_running_loop().create_task(loop.run())
    try:
        return await body()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def test_requests_during_an_attempt_give_exactly_one_more():
    loop = Loop(RefreshSchedule(0), attempt_s=0.1)

    async def body():
        await asyncio.sleep(0.02)
        for _ in range(10):
            loop.schedule.request()
        await asyncio.sleep(0.5)
        return len(loop.starts)

    assert asyncio.run(_with_loop(loop, body)) == 2


def test_ticks_that_fall_during_a_long_attempt_are_dropped():
    loop = Loop(RefreshSchedule(0.02), attempt_s=0.1)

    async def body():
        await asyncio.sleep(0.65)
        return list(loop.starts)

    starts = asyncio.run(_with_loop(loop, body))
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert 2 <= len(starts) <= 7  # never a backlog of 0.02 s ticks
    assert all(gap >= 0.1 for gap in gaps)


def test_ticks_thin_out_to_busy_factor_times_a_slow_attempt():
    # 0.1 s attempts on a 0.2 s period: the period stretches to 5 x 0.1 s.
    loop = Loop(RefreshSchedule(0.2), attempt_s=0.1)

    async def body():
        await asyncio.sleep(1.3)
        return list(loop.starts)

    starts = asyncio.run(_with_loop(loop, body))
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert 2 <= len(starts) <= 4
    assert all(gap >= 0.45 for gap in gaps)


def test_the_stretch_stops_at_max_stretch_intervals():
    # 0.1 s attempts on a 0.05 s period: 5 x 0.1 s would be 0.5 s, capped at 5 x 0.05 s.
    loop = Loop(RefreshSchedule(0.05), attempt_s=0.1)

    async def body():
        await asyncio.sleep(1.3)
        return list(loop.starts)

    starts = asyncio.run(_with_loop(loop, body))
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert 4 <= len(starts) <= 7
    assert all(gap >= 0.22 for gap in gaps)


def test_fast_attempts_keep_the_interval():
    loop = Loop(RefreshSchedule(0.1), attempt_s=0.005)

    async def body():
        await asyncio.sleep(0.75)
        return len(loop.starts)

    assert asyncio.run(_with_loop(loop, body)) >= 5


def test_waiter_gets_the_result_of_an_attempt_that_began_after_the_call():
    loop = Loop(RefreshSchedule(0), attempt_s=0.05)

    async def body():
        await asyncio.sleep(0.01)  # attempt 1 runs now
        first = await loop.schedule.waiter()
        second = await loop.schedule.waiter()
        return first, second

    assert asyncio.run(_with_loop(loop, body)) == (2, 3)


def test_interval_change_wakes_without_refreshing_and_zero_means_on_request_only():
    loop = Loop(RefreshSchedule(10), attempt_s=0.0)

    async def body():
        await asyncio.sleep(0.05)
        loop.schedule.set_interval(0)
        await asyncio.sleep(0.2)
        quiet = len(loop.starts)
        loop.schedule.set_interval(0.05)
        await asyncio.sleep(0.28)
        return quiet, len(loop.starts)

    quiet, later = asyncio.run(_with_loop(loop, body))
    assert quiet == 1
    assert 4 <= later <= 7


def test_retries_use_their_delay_and_infinity_waits_for_a_request():
    delays = iter([0.05, float("inf")])
    loop = Loop(RefreshSchedule(10), attempt_s=0.0, retry=lambda: next(delays, None))

    async def body():
        await asyncio.sleep(0.2)
        waited = len(loop.starts)
        loop.schedule.request()
        await asyncio.sleep(0.05)
        return waited, len(loop.starts)

    assert asyncio.run(_with_loop(loop, body)) == (2, 3)


def test_release_all_answers_every_waiter():
    async def body():
        schedule = RefreshSchedule(0)
        futures = [schedule.waiter(), schedule.waiter()]
        schedule.release_all("closed")
        return [await f for f in futures]

    assert asyncio.run(body()) == ["closed", "closed"]


def test_requested_tells_an_asked_attempt_from_a_tick():
    schedule = RefreshSchedule(0.05)
    seen = []

    async def body():
        schedule.begin()  # the first attempt: nobody asked
        seen.append(schedule.requested)
        schedule.end(1)
        await schedule.wait_next()  # the tick
        schedule.begin()
        seen.append(schedule.requested)
        schedule.end(2)
        schedule.request()
        await schedule.wait_next()
        schedule.begin()
        seen.append(schedule.requested)
        schedule.end(3)
        waiter = schedule.waiter()
        await schedule.wait_next()
        schedule.begin()
        seen.append(schedule.requested)
        schedule.end(4)
        return await waiter

    assert asyncio.run(body()) == 4
    assert seen == [False, False, True, True]
