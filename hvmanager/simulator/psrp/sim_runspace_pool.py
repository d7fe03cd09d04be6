"""psrpcore's ServerRunspacePool, with shortcuts that leave the wire unchanged.

A client message it has seen before (the refresh, the pool's opening) is decoded only
once, and a plain string written to a pipeline (a line of ``ConvertTo-Csv``) is
serialised without building an ElementTree: ``<S>text</S>`` with psrpcore's own escaping,
the bytes psrpcore's serializer and ``ElementTree.tostring`` give. A message whose CLIXML
is ready (such a string, a pipeline's final state) is framed at once as the one fragment
psrpcore would cut from it, instead of waiting in psrpcore's send buffer.
"""

from __future__ import annotations

import re
import struct
import uuid
from collections import deque
from typing import Any
from xml.sax.saxutils import escape

from psrpcore import PSRPCoreError, PSRPEvent, PSRPPayload, ServerRunspacePool, StreamType
from psrpcore._payload import PSRPMessage, create_message
from psrpcore.types import PSRPMessageType
from psrpcore.types._serializer import _serialize_string

from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessage, DecodedMessageCache

#: MS-PSRP 2.2.4: object id, fragment id, start/end flags, blob length (big-endian), then
#: 2.2.1: destination (1: the client) and message type (little-endian).
_FRAGMENT = struct.Struct(">QQBI")
_TO_CLIENT = struct.Struct("<iI")
_FRAGMENT_HEADER = _FRAGMENT.size
_WHOLE = 0x3  # the first fragment and the last
_EMPTY_ID = bytes(16)


class SimRunspacePool(ServerRunspacePool):
    """A ``ServerRunspacePool`` whose repeated client messages go through a ``DecodedMessageCache``.

    A CreatePipeline, SessionCapability or InitRunspacePool message seen before yields the
    event (and pipeline metadata) psrpcore would have built, without parsing its CLIXML
    again; psrpcore still processes the event. Every other message is psrpcore's.
    """

    def __init__(self, cache: DecodedMessageCache, fragment_size: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._decoded = cache
        # ``data_to_send``'s amount: a ready message this long or shorter is one fragment.
        self._fragment_size = fragment_size
        self._framed: deque[PSRPPayload] = deque()

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
        self.queue_clixml(message_type, clixml_string(message), pipeline_id, stream_type)

    def queue_clixml(self, message_type: PSRPMessageType, data: bytes, pipeline_id: uuid.UUID | None,
                     stream_type: StreamType = StreamType.default) -> None:
        """Queue a message whose CLIXML is made already, as ``prepare_message`` would.

        When nothing else waits to be sent and the message fits one fragment of
        ``fragment_size``, it is framed now: the fragment psrpcore's ``data_to_send`` would
        cut from it alone (the same object id, fragment id 0, start and end). The pool's
        owner drains after every message, so a payload of one message is what psrpcore
        gave too.
        """
        size = len(data) + 40  # the message header: destination, type, pool id, pipeline id
        if (self._send_buffer or stream_type is not StreamType.default or self._fragment_size is None
                or size + _FRAGMENT_HEADER > self._fragment_size):
            raw = create_message(False, message_type, data, self.runspace_pool_id, pipeline_id)
            self._send_buffer.append(PSRPMessage(message_type, bytearray(raw), self.runspace_pool_id,
                                                 pipeline_id, self._fragment_counter, stream_type))
            return
        frame = b"".join((_FRAGMENT.pack(self._fragment_counter, 0, _WHOLE, size),
                          _TO_CLIENT.pack(1, message_type.value), self.runspace_pool_id.bytes_le,
                          pipeline_id.bytes_le if pipeline_id is not None else _EMPTY_ID, data))
        self._framed.append(PSRPPayload(frame, stream_type, pipeline_id))

    def data_to_send(self, amount: int | None = None) -> PSRPPayload | None:
        """Framed messages first (they were queued while psrpcore's buffer was empty)."""
        if self._framed:
            return self._framed.popleft()
        return super().data_to_send(amount)


_CREATE = PSRPMessageType.CreatePipeline
_REPEATED = frozenset({_CREATE, PSRPMessageType.SessionCapability, PSRPMessageType.InitRunspacePool})


#: What psrpcore escapes (``_x`` and control characters) or XML does (markup); only in
#: ASCII text: anything beyond it takes the full path.
_PLAIN_UNSAFE = re.compile("[\x00-\x1f\x7f&<>]|_[xX]")


def clixml_string(text: str) -> bytes:
    """A .NET string as psrpcore serialises it: ``<S>`` with its escaping, XML-escaped, UTF-8."""
    if not text:
        return b"<S />"  # ElementTree writes an element without text in its short form
    if text.isascii() and _PLAIN_UNSAFE.search(text) is None:
        return b"<S>" + text.encode("ascii") + b"</S>"  # nothing to escape (a CSV line, mostly)
    body = escape(_serialize_string(text))
    return b"<S>" + body.encode("utf-8", "xmlcharrefreplace") + b"</S>"
