"""psrpcore's ServerRunspacePool, with shortcuts that leave the wire unchanged.

A client message it has seen before (the refresh, the pool's opening) is decoded only
once, and a plain string written to a pipeline (a line of ``ConvertTo-Csv``) is
serialised without building an ElementTree: ``<S>text</S>`` with psrpcore's own escaping,
the bytes psrpcore's serializer and ``ElementTree.tostring`` give. The pool's opening
answers are serialised once per host (``OpeningAnswers``), and a lone message whose CLIXML
is made is framed without psrpcore's general packing loop.
"""

from __future__ import annotations

import re
import struct
import uuid
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from psrpcore import PSRPCoreError, PSRPEvent, PSRPPayload, ServerRunspacePool, StreamType
from psrpcore._payload import PSRPMessage
from psrpcore.types import (
    ApplicationPrivateData,
    PSRPMessageType,
    PSVersion,
    RunspacePoolStateMsg,
    SessionCapability,
    serialize,
)
from psrpcore.types._serializer import _serialize_string

from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessage, DecodedMessageCache
from hvmanager.simulator.psrp.opening_answers import OpeningAnswers

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

    def __init__(self, cache: DecodedMessageCache, answers: OpeningAnswers | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._decoded = cache
        self._answers = answers
        # Messages queued while psrpcore's buffer was empty: (type, object id, bytes, pipeline, stream).
        self._ready: list[tuple[PSRPMessageType, int, bytes, uuid.UUID | None, StreamType]] = []
        self._guids: dict[uuid.UUID, bytes] = {}
        # The client's SessionCapability and the text of its versions (the answers' key).
        self._their_versions: tuple[Any, tuple[str, str] | None] = (None, None)

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
        kind = type(message)
        if kind is str and message_type is not None:
            # psrpcore's serializer costs ~30 us per string, mostly setting itself up and ElementTree.
            self.queue_clixml(message_type, clixml_string(message), pipeline_id, stream_type)
            return
        key = self._opening_key(message) if message_type is None and kind in _OPENING else None
        if key is None:
            super().prepare_message(message, message_type, pipeline_id, stream_type)
            return
        assert self._answers is not None  # _opening_key gives None without them
        data = self._answers.clixml(key, lambda: self._serialise(message))
        self.queue_clixml(PSRPMessageType.get_message_id(kind), data, pipeline_id, stream_type)

    def _opening_key(self, message: Any) -> tuple[Any, ...] | None:
        """What an opening answer's CLIXML depends on, or None for one to serialise as usual."""
        if self._answers is None:
            return None
        their = self.their_capability
        if their is not self._their_versions[0]:  # the client's, read once per pool
            versions = (_version_text(their.protocolversion), _version_text(their.SerializationVersion)) \
                if their is not None else None
            self._their_versions = (their, versions)
        versions = self._their_versions[1]
        kind = type(message)
        if kind is SessionCapability:
            return (kind.__name__, versions, _version_text(message.PSVersion), _version_text(message.protocolversion),
                    _version_text(message.SerializationVersion), bytes(message.TimeZone or b""))
        if kind is ApplicationPrivateData:
            # psrpcore makes this message from the pool's own data (a copy of it in the message).
            if self.application_private_data is not self._answers.private_data:
                return None
            return (kind.__name__, versions)
        if message.ExceptionAsErrorRecord is not None:  # a RunspacePoolStateMsg
            return None
        return (kind.__name__, versions, int(message.RunspaceState))

    def _serialise(self, message: Any) -> bytes:
        """The CLIXML psrpcore's ``prepare_message`` makes of a message object."""
        element = serialize(message, self._cipher, our_capability=self.our_capability,
                            their_capability=self.their_capability)
        return ElementTree.tostring(element, encoding="utf-8", method="xml")

    def queue_clixml(self, message_type: PSRPMessageType, data: bytes, pipeline_id: uuid.UUID | None,
                     stream_type: StreamType = StreamType.default) -> None:
        """Queue a message whose CLIXML is made already, exactly as ``prepare_message`` would.

        While psrpcore's send buffer is empty the message waits in a list of its own, as
        its object id and bytes; ``data_to_send`` hands such a lone message out as the one
        fragment psrpcore would cut from it, and gives anything else back to psrpcore first.
        """
        object_id = self._fragment_counter
        raw = b"".join((_TO_CLIENT.pack(1, message_type.value), self._guid_le(self.runspace_pool_id),
                        self._guid_le(pipeline_id), data))
        if self._send_buffer:
            self._send_buffer.append(PSRPMessage(message_type, bytearray(raw), self.runspace_pool_id,
                                                 pipeline_id, object_id, stream_type))
        else:
            self._ready.append((message_type, object_id, raw, pipeline_id, stream_type))

    def data_to_send(self, amount: int | None = None) -> PSRPPayload | None:
        """psrpcore's next payload (its ``PSRPMessage``s, packed and fragmented by it)."""
        ready = self._ready
        if ready:
            if len(ready) == 1 and not self._send_buffer:
                _, object_id, raw, pipeline_id, stream_type = ready[0]
                if amount is None or len(raw) + _FRAGMENT_HEADER <= amount:
                    ready.clear()
                    return PSRPPayload(_FRAGMENT.pack(object_id, 0, _WHOLE, len(raw)) + raw, stream_type,
                                       pipeline_id)
            # Several, or too long for one fragment: psrpcore packs them (they came first).
            self._send_buffer[:0] = [PSRPMessage(kind, bytearray(raw), self.runspace_pool_id, pipeline_id,
                                                 object_id, stream_type)
                                     for kind, object_id, raw, pipeline_id, stream_type in ready]
            ready.clear()
        elif not self._send_buffer:
            return None  # the common answer to the drain's last call, without psrpcore's set-up
        return super().data_to_send(amount)

    def _guid_le(self, value: uuid.UUID | None) -> bytes:
        # .NET's byte order of a GUID, kept per id: a refresh writes 42 messages of one pipeline.
        if value is None:
            return _EMPTY_ID
        known = self._guids.get(value)
        if known is None:
            if len(self._guids) > 64:
                self._guids.clear()
            known = self._guids[value] = value.bytes_le
        return known


_CREATE = PSRPMessageType.CreatePipeline
_OPENING = frozenset({SessionCapability, ApplicationPrivateData, RunspacePoolStateMsg})
_REPEATED = frozenset({_CREATE, PSRPMessageType.SessionCapability, PSRPMessageType.InitRunspacePool})


def _version_text(version: Any) -> str:
    """``str()`` of a version: a PSVersion from its fields, without psrpcore's walk of its
    properties on each of the four reads (~10 us a version, five versions per pool)."""
    if type(version) is not PSVersion:
        return str(version)
    fields = object.__getattribute__(version, "__dict__")
    return ".".join([str(fields[name]) for name in _VERSION_FIELDS if fields.get(name) is not None])


_VERSION_FIELDS = ("major", "minor", "build", "revision")

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
