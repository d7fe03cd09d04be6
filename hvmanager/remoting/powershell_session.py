"""The one surface every PowerShell transport implements."""

from __future__ import annotations

import abc

from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.result import Result


class PowerShellSession(abc.ABC):
    """An open runspace on one host, used from asyncio without ever blocking the loop.

    Implementations do their blocking I/O on a dedicated worker thread. ``run`` raises
    a ``RemotingError`` subclass for transport problems and returns non-terminating
    errors in ``Result.errors``. A pipeline that fails as a whole (terminating error)
    raises ``PowerShellError``.
    """

    @abc.abstractmethod
    async def open(self) -> None:
        """Connect and open the runspace pool (idempotent)."""

    @abc.abstractmethod
    async def run(self, pipeline: Pipeline, timeout: float | None = None) -> Result:
        """Run one pipeline; cancel it on the host when ``timeout`` passes or the task is cancelled."""

    @abc.abstractmethod
    async def close(self) -> None:
        """Close the pool and stop the worker thread (bounded in time, never raises)."""
