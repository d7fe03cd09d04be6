"""A session that can run a follow-up on its transport's own thread right after a pipeline."""

from __future__ import annotations

import abc
import time
from typing import Any, Callable

from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.powershell_session import PowerShellSession
from hvmanager.remoting.result import Result

FollowUp = Callable[[Result], Any]


class FollowUpSession(PowerShellSession, abc.ABC):
    """``run`` plus ``run_then``: work on a pipeline's output (the refresh's parse) done where
    the transport runs (its worker or network thread), with no hop to an executor and back.

    Core checks for this capability; both the threaded sessions and the network-loop
    sessions have it. Subclasses implement ``_run_then`` with the effective timeout.
    """

    def __init__(self, host: str, default_timeout_s: float) -> None:
        self.host = host
        self._default_timeout_s = default_timeout_s

    async def run(self, pipeline: Pipeline, timeout: float | None = None) -> Result:
        """Run one pipeline; stop it on the host when ``timeout`` passes or the task is cancelled."""
        result, _ = await self.run_then(pipeline, None, timeout)
        return result

    async def run_then(self, pipeline: Pipeline, then: FollowUp | None,
                       timeout: float | None = None) -> tuple[Result, Any]:
        """Like ``run``, then call ``then(result)`` on the transport's thread right after the pipeline.

        Returns the result and ``then``'s value (None without ``then``). ``then`` never fails
        the run: an exception it raises is returned in place of its value.
        """
        if not pipeline.commands:
            raise ValueError("A pipeline needs at least one command.")
        started = time.monotonic()
        effective = self._default_timeout_s if timeout is None else timeout
        result, after = await self._run_then(pipeline, then, effective)
        return Result(result.records, result.errors, time.monotonic() - started), after

    @abc.abstractmethod
    async def _run_then(self, pipeline: Pipeline, then: FollowUp | None,
                        timeout_s: float | None) -> tuple[Result, Any]:
        """Run the pipeline, then ``follow_up(then, result)`` on the transport's thread."""

    @staticmethod
    def follow_up(then: FollowUp | None, result: Result) -> tuple[Result, Any]:
        """``(result, then(result))``; the exception ``then`` raised in place of its value."""
        if then is None:
            return result, None
        try:
            return result, then(result)
        except Exception as error:  # the caller decides what a failed follow-up means
            return result, error
