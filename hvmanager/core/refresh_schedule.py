"""When one host refreshes next: coalesced requests, interval ticks that drop when busy, retries."""

from __future__ import annotations

import asyncio
import random
import time
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


#: A periodic refresh starts at most once per this many durations of the last attempt:
#: when the machine or the host is overloaded, refreshes take longer and ticks thin out
#: (hundreds of hosts on a busy client would otherwise refresh back to back). The first
#: attempt includes the wait for a connection slot, so while hundreds of hosts still
#: connect, those already in refresh rarely: every host's first rows come first.
BUSY_FACTOR = 5.0
#: ... but never beyond this many intervals.
MAX_STRETCH = 5.0


class RefreshSchedule(Generic[T]):
    """The timing of one refresh loop (virt-manager's tick that skips work when busy).

    The loop calls ``begin()`` before each attempt, ``end(result)`` after it, then awaits
    ``wait_next(retry_delay)``. ``request()`` asks for one more attempt after the current
    one: any number of requests during an attempt give exactly one more. Periodic ticks
    fall on whole intervals from a randomly phased anchor, so ticks that pass during a long
    attempt are dropped, never queued, and hosts started together drift apart; the period
    stretches to ``BUSY_FACTOR`` times the last attempt's duration when that is longer
    (at most ``MAX_STRETCH`` intervals).
    ``waiter()`` resolves with the result of the first attempt that begins after the call.
    ``requested`` says whether the attempt under way was asked for (``request``/``waiter``)
    rather than started by a periodic tick or a retry.
    """

    def __init__(self, interval_s: float, rng: random.Random | None = None) -> None:
        self._interval = interval_s
        self._rng = rng or random.Random()
        self._anchor: float | None = None
        self._pending = False
        self._wake = asyncio.Event()
        self._begun = 0
        self._ended = 0
        self._waiters: list[tuple[int, asyncio.Future]] = []
        self._began_at = 0.0
        self._last_duration = 0.0
        self._requested = False

    @property
    def interval_s(self) -> float:
        """Seconds between periodic attempts (0 or less: only on request)."""
        return self._interval

    def set_interval(self, seconds: float) -> None:
        """A new period, counted from the next wait."""
        self._interval = seconds
        self._anchor = None
        self._wake.set()  # a sleeping loop recomputes its delay (it does not refresh)

    def request(self) -> None:
        """One more attempt as soon as the current one (if any) ends."""
        self._pending = True
        self._wake.set()

    def waiter(self) -> asyncio.Future:
        """A future for the result of the next attempt to begin (a request is made too)."""
        future = asyncio.get_running_loop().create_future()
        self._waiters.append((self._begun + 1, future))
        self.request()
        return future

    @property
    def requested(self) -> bool:
        """True when the current (or last) attempt was asked for, False when a tick or a
        retry started it."""
        return self._requested

    def begin(self) -> None:
        """An attempt starts: requests made until now are served by it."""
        self._requested = self._pending
        self._pending = False
        self._wake.clear()
        self._begun += 1
        self._began_at = time.monotonic()

    def end(self, result: T) -> None:
        """The attempt ended with ``result``: wake those waiting for it."""
        self._ended += 1
        self._last_duration = time.monotonic() - self._began_at
        still = []
        for target, future in self._waiters:
            if target > self._ended:
                still.append((target, future))
            elif not future.done():
                future.set_result(result)
        self._waiters = still

    def release_all(self, result: T) -> None:
        """Resolve every waiter with ``result`` (the session closes)."""
        for _, future in self._waiters:
            if not future.done():
                future.set_result(result)
        self._waiters = []

    async def wait_next(self, retry_delay: Callable[[], float | None] | None = None) -> None:
        """Wait for a request, the next tick, or (when ``retry_delay`` gives a value) a retry.

        ``retry_delay`` returns None when the last attempt succeeded (ticks apply), a number
        of seconds for a timed retry, or ``float("inf")`` to wait for a request only.
        """
        while not self._pending:
            delay = self._delay(retry_delay() if retry_delay is not None else None)
            if delay is None:
                await self._wake.wait()
            else:
                # One timer on the same event, not wait_for (a task around the wait plus a
                # timeout: several more event-loop callbacks per refresh, x hundreds of hosts).
                expired: list[bool] = []
                timer = asyncio.get_running_loop().call_later(delay, self._expire, expired)
                try:
                    await self._wake.wait()
                finally:
                    timer.cancel()
                if expired:
                    return
            self._wake.clear()  # woken without a request: the interval changed, recompute

    def _expire(self, expired: list[bool]) -> None:
        expired.append(True)
        self._wake.set()

    def _delay(self, retry: float | None) -> float | None:
        if retry is not None:
            return None if retry == float("inf") else retry
        if self._interval <= 0:
            return None
        now = time.monotonic()
        if self._anchor is None:
            # A random phase (up to half a period) so hosts connected together do not all
            # refresh in the same instant forever: hundreds of hosts spread their load.
            self._anchor = now - self._rng.uniform(0.0, self._interval / 2)
        # Whole periods since the anchor: ticks that passed during a long refresh are dropped.
        period = max(self._interval, min(BUSY_FACTOR * self._last_duration, MAX_STRETCH * self._interval))
        return period - ((now - self._anchor) % period)
