"""The one rule both WinRM sessions follow when a host no longer knows their runspace pool."""

from __future__ import annotations

import logging
from typing import Callable, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class StalePool(Exception):
    """The host rejected a pipeline before running it because it no longer knows the pool.

    A session raises it (wrapping the user-facing ``error``) only for answers that prove
    the pipeline never ran; ``run_reopening`` then runs it once more on a new pool.
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
            if not pool_was_reused:
                raise stale.error from None
            log.info("pool on %s is gone (%s); reopening", host, stale.error)
        try:
            return run_once()
        except StalePool as again:  # a new pool rejected too: a real failure
            raise again.error from None
