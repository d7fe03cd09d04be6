"""A psrpcore ServerPipeline that can also end Failed with an error record."""

from __future__ import annotations

from psrpcore import ServerPipeline
from psrpcore.types import ErrorRecord, PSInvocationState


class SimServerPipeline(ServerPipeline):
    """psrpcore has ``complete()`` and ``stop()`` but no public way to end a pipeline Failed."""

    def fail(self, error: ErrorRecord) -> None:
        """End the pipeline Failed; the record goes to the client as ExceptionAsErrorRecord."""
        self._change_state(PSInvocationState.Failed, error)
