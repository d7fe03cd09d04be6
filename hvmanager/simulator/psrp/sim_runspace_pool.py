"""psrpcore's ServerRunspacePool, with two shortcuts that leave the wire unchanged.

A client message it has seen before (the refresh, the pool's opening) is decoded only
once, and a plain string written to a pipeline (a line of ``ConvertTo-Csv``) is
serialised without building an ElementTree: ``<S>text</S>`` with psrpcore's own escaping,
the bytes psrpcore's serializer and ``ElementTree.tostring`` give.
"""

from __future__ import annotations

import uuid
from typing import Any
from xml.sax.saxutils import escape

from psrpcore import PSRPCoreError, PSRPEvent, ServerRunspacePool, StreamType
from psrpcore._payload import PSRPMessage, create_message
from psrpcore.types import PSRPMessageType
from psrpcore.types._serializer import _serialize_string

from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessage, DecodedMessageCache


class SimRunspacePool(ServerRunspacePool):
    """A ``ServerRunspacePool`` whose repeated client messages go through a ``DecodedMessageCache``.

    A CreatePipeline, SessionCapability or InitRunspacePool message seen before yields the
    event (and pipeline metadata) psrpcore would have built, without parsing its CLIXML
    again; psrpcore still processes the event. Every other message is psrpcore's.
    """

    def __init__(self, cache: DecodedMessageCache, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._decoded = cache

    def _process_message(self, message: Any) -> PSRPEvent:
        kind = message.message_type
        if kind not in _REPEATED:
            return super()._process_message(message)
        data = bytes(message.data)
        decoded = self._decoded.get(data)
        if decoded is None:
            event = super()._process_message(message)
            # The event's PSObject has no public accessor; it is what psrpcore decoded. For a
            # pipeline, psrpcore has just made its metadata from it.
            metadata = self.pipeline_table[message.pipeline_id].metadata if kind == _CREATE else None
            self._decoded.put(data, DecodedMessage(event._ps_object, metadata))
            return event
        if kind == _CREATE:
            pipeline = self.pipeline_table.get(message.pipeline_id)
            if pipeline is None:  # as psrpcore answers a CreatePipeline for an unknown pipeline
                raise PSRPCoreError(f"Failed to find pipeline for incoming event {message.pipeline_id!s}")
            pipeline.metadata = decoded.metadata
            return PSRPEvent.create(kind, decoded.ps_object, message.runspace_pool_id, message.pipeline_id)
        event = PSRPEvent.create(kind, decoded.ps_object, message.runspace_pool_id, message.pipeline_id)
        getattr(self, f"_process_{kind.name}")(event)
        return event

    def prepare_message(self, message: Any, message_type: PSRPMessageType | None = None,
                        pipeline_id: uuid.UUID | None = None,
                        stream_type: StreamType = StreamType.default) -> None:
        if type(message) is not str or message_type is None:
            super().prepare_message(message, message_type, pipeline_id, stream_type)
            return
        # psrpcore's serializer costs ~30 us per string, mostly setting itself up and ElementTree.
        raw = create_message(False, message_type, clixml_string(message),  # False: to the client
                             self.runspace_pool_id, pipeline_id)
        self._send_buffer.append(PSRPMessage(message_type, bytearray(raw), self.runspace_pool_id, pipeline_id,
                                             self._fragment_counter, stream_type))


_CREATE = PSRPMessageType.CreatePipeline
_REPEATED = frozenset({_CREATE, PSRPMessageType.SessionCapability, PSRPMessageType.InitRunspacePool})


def clixml_string(text: str) -> bytes:
    """A .NET string as psrpcore serialises it: ``<S>`` with its escaping, XML-escaped, UTF-8."""
    if not text:
        return b"<S />"  # ElementTree writes an element without text in its short form
    body = escape(_serialize_string(text))
    return b"<S>" + body.encode("utf-8", "xmlcharrefreplace") + b"</S>"
