"""A psrpcore ServerPipeline that behaves like PowerShell's server-side pipeline driver."""

from __future__ import annotations

from psrpcore import InvalidPipelineState, ServerPipeline
from psrpcore.types import ErrorRecord, PSInvocationState, PSRPMessageType

#: The PipelineState message psrpcore serialises for Completed (state 4), as its bytes.
COMPLETED_STATE = b'<Obj RefId="0"><MS><I32 N="PipelineState">4</I32></MS></Obj>'


class SimServerPipeline(ServerPipeline):
    """Adds ``fail``, keeps ``start`` silent and completes without the serializer.

    PowerShell's server only tells the client about final states (Completed, Failed,
    Stopped); psrpcore would also send Running. psrpcore has no public way to end a
    pipeline Failed. Every pipeline that succeeds ends with the same PipelineState
    message, so its bytes are queued as they are (psrpcore's serializer took ~0.2 ms).
    """

    def complete(self) -> None:
        """Mark the pipeline Completed and queue the PipelineState message."""
        self._change_state(PSInvocationState.Completed, emit=False)
        self.runspace_pool.queue_clixml(PSRPMessageType.PipelineState, COMPLETED_STATE, self.pipeline_id)

    def start(self) -> None:
        """Mark the pipeline running without a PipelineState message."""
        if self.state != PSInvocationState.NotStarted:
            raise InvalidPipelineState("start a pipeline", self.state, [PSInvocationState.NotStarted])
        self._change_state(PSInvocationState.Running, emit=False)

    def fail(self, error: ErrorRecord) -> None:
        """End the pipeline Failed; the record goes to the client as ExceptionAsErrorRecord."""
        self._change_state(PSInvocationState.Failed, error)
