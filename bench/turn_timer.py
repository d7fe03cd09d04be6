"""Which event-loop callbacks on the Qt thread ran long: what a UI gap was made of."""

from __future__ import annotations

import asyncio.events
import heapq
import itertools
import threading
import time
from typing import Any, Callable


class TurnTimer:
    """Times every asyncio callback (qasync runs each one from a Qt timer event) and the
    Qt slots named in ``install``; keeps the slowest few with what they were.

    The 5 ms ticker says *that* the loop was busy; this says *with what*. A long
    callback whose own CPU is small waited: for the GIL (worker threads), for a lock, or
    for the CPU (the process was not scheduled).
    """

    def __init__(self, keep: int = 8, threshold_ms: float = 20.0) -> None:
        self._keep = keep
        self._threshold = threshold_ms
        self._slowest: list[tuple[float, int, str, float]] = []  # min-heap
        self._order = itertools.count()
        self.over_threshold = 0
        self._installed: list[tuple[Any, str, Any]] = []

    def install(self, *slots: tuple[type, str]) -> None:
        """Wrap ``asyncio.events.Handle._run`` and each ``(class, method)`` (before the
        objects whose methods Qt connects are built)."""
        timer = self

        original_run = asyncio.events.Handle._run
        # Only the installing (Qt) thread's callbacks: the network loop's thread runs asyncio
        # callbacks too, and its turns are no UI gap.
        qt_thread = threading.get_ident()

        def timed_run(handle: asyncio.events.Handle) -> None:
            if threading.get_ident() != qt_thread:
                original_run(handle)
                return
            began, cpu = time.perf_counter(), time.thread_time()
            try:
                original_run(handle)
            finally:
                timer._record(began, cpu, handle)

        self._patch(asyncio.events.Handle, "_run", timed_run)
        for owner, name in slots:
            self._patch(owner, name, self._timed(getattr(owner, name), f"{owner.__name__}.{name}"))

    def _timed(self, method: Callable[..., Any], label: str) -> Callable[..., Any]:
        timer = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            began, cpu = time.perf_counter(), time.thread_time()
            try:
                return method(*args, **kwargs)
            finally:
                timer._record(began, cpu, label)
        return timed

    def _patch(self, owner: Any, name: str, replacement: Any) -> None:
        self._installed.append((owner, name, owner.__dict__[name]))
        setattr(owner, name, replacement)

    def uninstall(self) -> None:
        """Put the originals back."""
        for owner, name, original in reversed(self._installed):
            setattr(owner, name, original)
        self._installed = []

    def mark(self) -> None:
        """Forget what was recorded so far."""
        self._slowest = []
        self.over_threshold = 0

    def _record(self, began: float, cpu: float, what: Any) -> None:
        elapsed = (time.perf_counter() - began) * 1000.0
        if elapsed < self._threshold:
            return
        self.over_threshold += 1
        entry = (elapsed, next(self._order), what, (time.thread_time() - cpu) * 1000.0)
        if len(self._slowest) < self._keep:
            heapq.heappush(self._slowest, entry)
        elif elapsed > self._slowest[0][0]:
            heapq.heapreplace(self._slowest, entry)

    def figures(self) -> dict[str, Any]:
        """The slowest callbacks (wall and own-CPU milliseconds, what) and how many
        passed the threshold."""
        slowest = sorted(self._slowest, reverse=True)
        return {"slow_turns_over_ms": self._threshold, "slow_turns": self.over_threshold,
                "slowest_turns": [{"ms": round(ms, 1), "cpu_ms": round(cpu, 1),
                                   "what": _describe(what)[:160]}
                                  for ms, _, what, cpu in slowest]}


def _describe(what: Any) -> str:
    if isinstance(what, str):
        return what
    callback = getattr(what, "_callback", None)
    task = getattr(callback, "__self__", None)
    coroutine = getattr(task, "get_coro", lambda: None)()
    if coroutine is not None:
        frame = getattr(coroutine, "cr_frame", None)
        where = f" at line {frame.f_lineno}" if frame is not None else ""
        return f"task {getattr(coroutine, '__qualname__', coroutine)}{where}"
    return repr(callback)
