"""A psrpcore ServerPipeline that behaves like PowerShell's server-side pipeline driver."""

from __future__ import annotations

from psrpcore import InvalidPipelineState, ServerPipeline
from psrpcore.types import ErrorRecord, PSInvocationState


class SimServerPipeline(ServerPipeline):
    """Adds ``fail`` and keeps ``start`` silent.

    PowerShell's server only tells the client about final states (Completed, Failed,
    Stopped); psrpcore would also send Running. psrpcore has no public way to end a
    pipeline Failed.
    """

    def start(self) -> None:
        """Mark the pipeline running without a PipelineState message."""
        if self.state != PSInvocationState.NotStarted:
            raise InvalidPipelineState("start a pipeline", self.state, [PSInvocationState.NotStarted])
        self._change_state(PSInvocationState.Running, emit=False)

    def fail(self, error: ErrorRecord) -> None:
        """End the pipeline Failed; the record goes to the client as ExceptionAsErrorRecord."""
        self._change_state(PSInvocationState.Failed, error)
