"""The app's asyncio loop: qasync's, with ready callbacks and timers batched on two Qt timers."""

from __future__ import annotations

import asyncio
import heapq
import math
import time
from collections import deque
from typing import Any, Callable

import qasync
from PySide6.QtCore import QObject, Qt, QTimer, Signal

#: A batch of ready callbacks hands the thread back to Qt (paint, input) after this long;
#: the rest run on the next turn, in order.
RUN_BUDGET_S = 0.008
#: QTimer takes milliseconds as a C int.
_LONGEST_MS = 2**31 - 1


class _Waker(QObject):
    """Posts one wake-up to the loop's thread (a queued signal) for callbacks handed over
    by other threads."""

    wake = Signal()


class BatchedEventLoop(qasync.QEventLoop):
    """qasync's event loop, with the cost per callback taken out of Qt.

    qasync gives every ``call_soon`` a Qt timer of its own (``startTimer``, a timer
    event dispatched into Python, ``killTimer``) after checking whether the callback is a
    coroutine function, and every call from another thread a queued signal and then such
    a timer. A window on hundreds of hosts makes thousands of these a second. Here ready
    callbacks wait in one queue run by one zero-delay timer (in order, a batch per Qt
    turn, within ``RUN_BUDGET_S``); timers wait in a heap behind one precise Qt timer set
    for the earliest; callbacks from other threads gather in a queue behind one wake-up
    until the loop's thread takes them. Everything else (sockets, executors, running and
    stopping) is qasync's.
    """

    def __init__(self, app: Any = None, set_running_loop: bool = False,
                 already_running: bool = False) -> None:
        self._batch: deque[asyncio.Handle] = deque()
        self._timers: list[asyncio.TimerHandle] = []  # a heap, by when()
        self._cancelled_timers = 0
        self._armed_for = math.inf  # when() the clock timer is set for
        self._incoming: deque[asyncio.Handle] = deque()  # from other threads
        self._woken = False
        self._pump = QTimer()
        self._pump.setSingleShot(True)
        self._pump.setInterval(0)
        self._pump.timeout.connect(self._run_batch)
        self._clock = QTimer()
        self._clock.setSingleShot(True)
        # Precise: a coarse timer may fire up to 5 % early, and a callback must never run
        # before its time (it would be put back and waited for again).
        self._clock.setTimerType(Qt.TimerType.PreciseTimer)
        self._clock.timeout.connect(self._run_due)
        self._waker = _Waker()
        # Queued even from this thread: a wake-up never runs callbacks inside the call
        # that handed them over.
        self._waker.wake.connect(self._take_incoming, Qt.ConnectionType.QueuedConnection)
        super().__init__(app, set_running_loop, already_running)

    # --- ready callbacks ---------------------------------------------------------------------

    def call_soon(self, callback: Callable[..., Any], *args: Any,
                  context: Any = None) -> asyncio.Handle:
        """Run ``callback(*args)`` on a coming turn, after those already waiting."""
        handle = asyncio.Handle(callback, args, self, context)
        self._batch.append(handle)
        if not self._pump.isActive():
            self._pump.start()
        return handle

    def _run_batch(self) -> None:
        # Only what was waiting when the batch began: callbacks these schedule run on the
        # next turn, so Qt's own events get their turn in between (as asyncio does).
        batch = self._batch
        if self.is_closed():  # as qasync: nothing runs after close
            batch.clear()
            return
        deadline = time.perf_counter() + RUN_BUDGET_S
        for _ in range(len(batch)):
            handle = batch.popleft()
            if not handle._cancelled:
                handle._run()
            if time.perf_counter() > deadline:
                break
        if batch and not self._pump.isActive():
            self._pump.start()

    # --- timers ------------------------------------------------------------------------------

    def call_later(self, delay: float, callback: Callable[..., Any], *args: Any,
                   context: Any = None) -> asyncio.TimerHandle:
        """Run ``callback(*args)`` once ``delay`` seconds have passed."""
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when: float, callback: Callable[..., Any], *args: Any,
                context: Any = None) -> asyncio.TimerHandle:
        """Run ``callback(*args)`` at ``when`` on the loop's clock (``time()``), not before."""
        timer = asyncio.TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._timers, timer)
        timer._scheduled = True
        if when < self._armed_for:
            self._arm()
        return timer

    def _timer_handle_cancelled(self, handle: asyncio.TimerHandle) -> None:
        # Called by TimerHandle.cancel(). Cancelled timers stay in the heap until they come
        # due (transport timeouts are cancelled by the hundred); purge when they dominate.
        if handle._scheduled:
            self._cancelled_timers += 1
            if self._cancelled_timers > 64 and self._cancelled_timers * 2 > len(self._timers):
                live = [timer for timer in self._timers if not timer._cancelled]
                for timer in self._timers:
                    if timer._cancelled:
                        timer._scheduled = False
                heapq.heapify(live)
                self._timers = live
                self._cancelled_timers = 0

    def _arm(self) -> None:
        timers = self._timers
        while timers and timers[0]._cancelled:
            heapq.heappop(timers)._scheduled = False
            self._cancelled_timers = max(0, self._cancelled_timers - 1)
        if not timers:
            self._clock.stop()
            self._armed_for = math.inf
            return
        when = timers[0].when()
        self._armed_for = when
        milliseconds = math.ceil(max(0.0, when - self.time()) * 1000.0)
        self._clock.start(min(milliseconds, _LONGEST_MS))

    def _run_due(self) -> None:
        now = self.time()
        timers = self._timers
        while timers and timers[0].when() <= now:
            timer = heapq.heappop(timers)
            timer._scheduled = False
            if timer._cancelled:
                self._cancelled_timers = max(0, self._cancelled_timers - 1)
            else:
                self._batch.append(timer)
        self._arm()
        self._run_batch()

    # --- other threads -----------------------------------------------------------------------

    def call_soon_threadsafe(self, callback: Callable[..., Any], *args: Any,
                             context: Any = None) -> asyncio.Handle:
        """``call_soon`` from any thread: one wake-up for all that arrive before the loop's
        thread takes them."""
        handle = asyncio.Handle(callback, args, self, context)
        if self.is_closed():
            return handle  # as qasync: a late hand-over from a worker is dropped
        self._incoming.append(handle)  # deque.append is atomic
        if not self._woken:
            # A second wake-up (two threads at once) finds the queue empty: harmless. A
            # lost one cannot happen: the loop clears the flag before it takes the queue.
            self._woken = True
            self._waker.wake.emit()
        return handle

    def _take_incoming(self) -> None:
        self._woken = False
        incoming, batch = self._incoming, self._batch
        while incoming:
            batch.append(incoming.popleft())
        if batch:
            self._run_batch()

    # --- shutdown ----------------------------------------------------------------------------

    def close(self) -> None:
        """qasync's close, then forget every callback still waiting."""
        if self.is_closed():
            return
        super().close()
        self._pump.stop()
        self._clock.stop()
        self._waker.wake.disconnect(self._take_incoming)
        self._batch.clear()
        self._incoming.clear()
        for timer in self._timers:
            timer._scheduled = False
        self._timers = []
        self._armed_for = math.inf
