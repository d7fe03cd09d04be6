"""One call of a ``NetworkSession``: its deadline, how far it got, and its one hand-back."""

from __future__ import annotations

import asyncio
from typing import Any

from hvmanager.remoting.call import CallDeadline
from hvmanager.remoting.network_loop import NetworkLoop

#: The outcome handed back: ``(True, value)`` or ``(False, exception)``.
Outcome = tuple[bool, Any]


class NetworkCall(CallDeadline):
    """What the network thread knows about one call, and the caller's future it completes.

    The outcome goes back once, through ``NetworkLoop.hand_back`` (with the other outcomes
    of the same turn: one ``call_soon_threadsafe`` on the caller's loop), as a future
    *result* (never an exception), so that an abandoned call never logs "exception was
    never retrieved". Everything but ``__init__`` runs on the network thread.
    """

    __slots__ = ("task", "timer", "expired_in", "abandoned", "_network", "_caller", "_waiter",
                 "_delivered")

    def __init__(self, timeout_s: float | None, network: NetworkLoop, caller: asyncio.AbstractEventLoop,
                 waiter: asyncio.Future) -> None:
        super().__init__(timeout_s)
        self.task: asyncio.Task | None = None
        self.timer: asyncio.TimerHandle | None = None
        #: The phase the call was in when its timeout passed (None: it did not pass).
        self.expired_in: str | None = None
        #: The caller was cancelled: nobody waits for the outcome.
        self.abandoned = False
        self._network = network
        self._caller = caller
        self._waiter = waiter
        self._delivered = False

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
