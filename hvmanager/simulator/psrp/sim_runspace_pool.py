"""psrpcore's ServerRunspacePool, decoding a CreatePipeline message it has seen before only once."""

from __future__ import annotations

from typing import Any

from psrpcore import PSRPCoreError, PSRPEvent, ServerRunspacePool
from psrpcore.types import PSRPMessageType

from hvmanager.simulator.psrp.create_pipeline_cache import CreatePipelineCache, DecodedPipeline


class SimRunspacePool(ServerRunspacePool):
    """A ``ServerRunspacePool`` whose CreatePipeline messages go through a ``CreatePipelineCache``.

    A message seen before yields the same event and pipeline metadata psrpcore would have
    built, without parsing its CLIXML again. Every other message is psrpcore's.
    """

    def __init__(self, cache: CreatePipelineCache, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._create_cache = cache

    def _process_message(self, message: Any) -> PSRPEvent:
        if message.message_type != PSRPMessageType.CreatePipeline:
            return super()._process_message(message)
        data = bytes(message.data)
        decoded = self._create_cache.get(data)
        if decoded is None:
            event = super()._process_message(message)  # psrpcore sets the pipeline's metadata
            # The event's PSObject has no public accessor; it is what psrpcore decoded.
            self._create_cache.put(data, DecodedPipeline(
                event._ps_object, self.pipeline_table[message.pipeline_id].metadata))
            return event
        pipeline = self.pipeline_table.get(message.pipeline_id)
        if pipeline is None:  # as psrpcore answers a CreatePipeline for an unknown pipeline
            raise PSRPCoreError(f"Failed to find pipeline for incoming event {message.pipeline_id!s}")
        pipeline.metadata = decoded.metadata
        return PSRPEvent.create(message.message_type, decoded.ps_object, message.runspace_pool_id,
                                message.pipeline_id)
