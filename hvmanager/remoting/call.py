"""What the worker thread knows about one call, and how it learns that the caller gave up."""

from __future__ import annotations

import threading
import time


class CallCancelled(Exception):
    """Raised on the worker thread when the awaiting side gave up on a call."""


class CallDeadline:
    """When a call must give up, and how far it got: what both kinds of call share (a
    worker thread's ``Call``, a network loop's ``NetworkCall``)."""

    __slots__ = ("timeout_s", "deadline", "phase")

    def __init__(self, timeout_s: float | None) -> None:
        self.timeout_s = timeout_s
        self.deadline = None if timeout_s is None else time.monotonic() + timeout_s
        # "queued" -> "connecting" -> "running" (the host accepted the pipeline) -> "done"
        self.phase = "queued"

    def remaining(self, default: float) -> float:
        """Seconds left before the deadline (``default`` when there is none), at least 0."""
        if self.deadline is None:
            return default
        return max(0.0, self.deadline - time.monotonic())

    def overdue(self) -> bool:
        """True once the deadline has passed."""
        return self.deadline is not None and time.monotonic() > self.deadline


class Call(CallDeadline):
    """What the worker thread knows about one call: its deadline, and whether the caller gave up."""

    __slots__ = ("cancel",)

    def __init__(self, timeout_s: float | None) -> None:
        super().__init__(timeout_s)
        self.cancel = threading.Event()

    def check(self) -> None:
        """Raise ``CallCancelled`` when the awaiting side gave up."""
        if self.cancel.is_set():
            raise CallCancelled()
