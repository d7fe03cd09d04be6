"""What the worker thread knows about one call, and how it learns that the caller gave up."""

from __future__ import annotations

import threading
import time


class CallCancelled(Exception):
    """Raised on the worker thread when the awaiting side gave up on a call."""


class Call:
    """What the worker thread knows about one call: when to give up, and how far it got."""

    def __init__(self, timeout_s: float | None) -> None:
        self.cancel = threading.Event()
        self.deadline = None if timeout_s is None else time.monotonic() + timeout_s
        # "queued" -> "connecting" -> "running" (the host accepted the pipeline) -> "done"
        self.phase = "queued"

    def remaining(self, default: float) -> float:
        """Seconds left before the deadline (``default`` when there is none), at least 0."""
        if self.deadline is None:
            return default
        return max(0.0, self.deadline - time.monotonic())

    def check(self) -> None:
        """Raise ``CallCancelled`` when the awaiting side gave up."""
        if self.cancel.is_set():
            raise CallCancelled()
