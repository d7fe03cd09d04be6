"""What one pipeline on a WinRM shell has produced so far."""

from __future__ import annotations

from typing import Any

from psrpcore import ClientPowerShell
from psrpcore.types import PSInvocationState

from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.record import Record
from hvmanager.remoting.winrm.fragment_demux import FragmentDemux

FINISHED = (PSInvocationState.Completed, PSInvocationState.Failed, PSInvocationState.Stopped)


class PipelineRun:
    """A started pipeline: its psrpcore object, the records and error records received, the
    record that failed it (the PipelineState's reason), if any, and its fragment reader."""

    def __init__(self, shell: ClientPowerShell) -> None:
        self.shell = shell
        self.pipeline_id = shell.pipeline_id
        self.records: list[Record] = []
        self.errors: list[ErrorInfo] = []
        self.reason: Any = None
        #: Reads this pipeline's stream of fragments (a fragment may span two Receives).
        self.demux = FragmentDemux()

    @property
    def finished(self) -> bool:
        """True once the host reported a final state (Completed, Failed or Stopped)."""
        return self.shell.state in FINISHED

    @property
    def state(self) -> PSInvocationState:
        """The pipeline's PSRP state."""
        return self.shell.state
