"""A psrpcore pipeline whose CreatePipeline data comes ready-made (``pipeline_clixml``)."""

from __future__ import annotations

from psrpcore import ClientPowerShell
from psrpcore.types import PSRPMessageType

from hvmanager.remoting.winrm.guarded_runspace_pool import GuardedRunspacePool


class ReadyMadePipeline(ClientPowerShell):
    """A ``ClientPowerShell`` that keeps only the pipeline's state.

    ``ClientPowerShell`` builds its commands as a tree of PSObjects, only to serialise them
    when it starts; here the pool is given the serialised commands instead (``use_clixml``),
    so that tree is never built.
    """

    def __init__(self, pool: GuardedRunspacePool, clixml: bytes) -> None:
        # The pipeline base's constructor: registers with the pool, state NotStarted.
        super(ClientPowerShell, self).__init__(pool)
        self._message_type = PSRPMessageType.CreatePipeline
        pool.use_clixml(self.pipeline_id, clixml)
