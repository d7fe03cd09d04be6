"""The one rule both WinRM sessions follow when a host no longer knows their runspace pool."""

from __future__ import annotations

import logging
from typing import Awaitable, Callable, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class StalePool(Exception):
    """The host rejected a pipeline before running it because it no longer knows the pool.

    A session raises it (wrapping the user-facing ``error``) only for answers that prove
    the pipeline never ran; ``run_reopening`` (blocking transports) or
    ``run_reopening_async`` (transports on the network loop) then runs it once more on a
    new pool.
    """

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error

    @staticmethod
    def run_reopening(run_once: Callable[[], T], pool_was_reused: bool, host: str) -> T:
        """``run_once()``; when the host forgot a pool we had used before (it restarted), run
        it again: the host never ran it, so nothing happens twice. A pool that was new
        when rejected is a real failure, reported as such."""
        try:
            return run_once()
        except StalePool as stale:
            stale.allow_second_try(pool_was_reused, host)
        try:
            return run_once()
        except StalePool as again:  # a new pool rejected too: a real failure
            raise again.error from None

    @staticmethod
    async def run_reopening_async(run_once: Callable[[], Awaitable[T]], pool_was_reused: bool, host: str) -> T:
        """``run_reopening`` for a coroutine: the same rule, awaited."""
        try:
            return await run_once()
        except StalePool as stale:
            stale.allow_second_try(pool_was_reused, host)
        try:
            return await run_once()
        except StalePool as again:  # a new pool rejected too: a real failure
            raise again.error from None

    def allow_second_try(self, pool_was_reused: bool, host: str) -> None:
        """Return when the pipeline may run again on a new pool; else raise the user's error."""
        if not pool_was_reused:
            raise self.error from None
        log.info("pool on %s is gone (%s); reopening", host, self.error)
