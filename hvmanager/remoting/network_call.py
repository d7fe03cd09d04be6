"""One call of a ``NetworkSession``: its deadline, how far it got, and its one hand-back."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from hvmanager.remoting.network_loop import NetworkLoop

#: The outcome handed back: ``(True, value)`` or ``(False, exception)``.
Outcome = tuple[bool, Any]


class NetworkCall:
    """What the network thread knows about one call, and the caller's future it completes.

    The outcome goes back once, through ``NetworkLoop.hand_back`` (with the other outcomes
    of the same turn: one ``call_soon_threadsafe`` on the caller's loop), as a future
    *result* (never an exception), so that an abandoned call never logs "exception was
    never retrieved". Everything but ``__init__`` runs on the network thread.
    """

    __slots__ = ("timeout_s", "deadline", "phase", "task", "timer", "expired_in", "closing",
                 "abandoned", "_network", "_caller", "_waiter", "_delivered")

    def __init__(self, timeout_s: float | None, network: NetworkLoop, caller: asyncio.AbstractEventLoop,
                 waiter: asyncio.Future) -> None:
        self.timeout_s = timeout_s
        self.deadline = None if timeout_s is None else time.monotonic() + timeout_s
        # "queued" -> "connecting" -> "running" (the host accepted the pipeline) -> "done"
        self.phase = "queued"
        self.task: asyncio.Task | None = None
        self.timer: asyncio.TimerHandle | None = None
        #: The phase the call was in when its timeout passed (None: it did not pass).
        self.expired_in: str | None = None
        #: ``close`` cancelled it (its caller gets "session closed").
        self.closing = False
        #: The caller was cancelled: nobody waits for the outcome.
        self.abandoned = False
        self._network = network
        self._caller = caller
        self._waiter = waiter
        self._delivered = False

    def remaining(self, default: float) -> float:
        """Seconds left before the deadline (``default`` when there is none), at least 0."""
        if self.deadline is None:
            return default
        return max(0.0, self.deadline - time.monotonic())

    def overdue(self) -> bool:
        """True once the deadline has passed."""
        return self.deadline is not None and time.monotonic() > self.deadline

    @property
    def delivered(self) -> bool:
        """True once the outcome was handed back (or the caller stopped waiting)."""
        return self._delivered or self.abandoned

    def deliver(self, outcome: Outcome) -> None:
        """Hand the outcome to the caller's loop, once; later ones are dropped."""
        if self.delivered:
            return
        self._delivered = True
        self._network.hand_back(self._caller, self._waiter, outcome)
