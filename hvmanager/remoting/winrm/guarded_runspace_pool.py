"""psrpcore's client runspace pool, with a DTD guard and ready-made CreatePipeline data.

* A message carrying a document type declaration is never parsed as XML: psrpcore would
  hand it to ElementTree, which reads the DTD and expands its entities. Its text arrives
  as a plain string instead, as pypsrp treats it (a DTD in output is no VM).
* A pipeline's CreatePipeline data can be given ready-made (``pipeline_clixml``), so a
  refresh does not serialise the same commands again; the pool's own opening messages
  are always ready-made (the same for every pool).
* An output object with a date or duration psrpcore cannot read (``<DT>not a date</DT>``)
  is read again with those values as text, as pypsrp keeps them: the object is not lost
  and the pipeline does not fail over one bad value.
* The host's ApplicationPrivateData (its PSVersionTable and the like: nested objects that
  cost psrpcore more than the rest of opening) is not read: nothing here uses it.
* Opening queues the ready-made messages without building psrpcore's InitRunspacePool and
  HostInfo objects first (~0.1 ms per pool), and the pool's answers (SessionCapability,
  the empty ApplicationPrivateData, RunspacePoolState: the same bytes from every host of
  one kind) are deserialised once per distinct text, not once per pool (~0.25 ms).

Hooks ``prepare_message`` and ``_process_message`` of the pinned psrpcore 0.3, the one
place each message is built and parsed.
"""

from __future__ import annotations

import functools
import re
import uuid
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from psrpcore import ClientRunspacePool, PSRPEvent, StreamType
from psrpcore._payload import PSRPMessage, create_message
from psrpcore.types import InitRunspacePool, PSRPMessageType, RunspacePoolState, SessionCapability, deserialize

from hvmanager.remoting.winrm.pipeline_clixml import pool_open_clixml

# An empty ApplicationPrivateData, as psrpcore reads it.
_NO_PRIVATE_DATA = (b'<Obj RefId="0"><MS><Obj N="ApplicationPrivateData" RefId="1"><TN RefId="0">'
                    b"<T>System.Management.Automation.PSPrimitiveDictionary</T><T>System.Collections.Hashtable</T>"
                    b"<T>System.Object</T></TN><DCT /></Obj></MS></Obj>")


# The pool's answers to opening, read through ``_pool_answer`` (psrpcore only reads them).
_POOL_ANSWERS = (PSRPMessageType.SessionCapability, PSRPMessageType.ApplicationPrivateData,
                 PSRPMessageType.RunspacePoolState)
# A date or duration element, to be read as a string instead.
_DATE_OR_DURATION = re.compile(rb"<(DT|TS)(\s[^>]*)?>([^<]*)</\1>")


class GuardedRunspacePool(ClientRunspacePool):
    """A ``ClientRunspacePool`` that refuses DTDs and sends ready-made CreatePipeline data."""

    def __init__(self) -> None:
        super().__init__()
        self._prepared: dict[uuid.UUID, bytes] = {}

    def use_clixml(self, pipeline_id: uuid.UUID, clixml: bytes) -> None:
        """Send ``clixml`` as the CreatePipeline data of ``pipeline_id`` (when it starts)."""
        self._prepared[pipeline_id] = clixml

    def open(self) -> None:
        """psrpcore's ``open`` of a default pool: the state goes to Opening and the two
        ready-made opening messages are queued (what ``prepare_message`` would queue)."""
        if self.state != RunspacePoolState.BeforeOpen or self.host is not None or self.application_arguments:
            super().open()
            return
        self._change_state(RunspacePoolState.Opening)
        for kind in (PSRPMessageType.SessionCapability, PSRPMessageType.InitRunspacePool):
            self._queue(kind, pool_open_clixml(kind.name), None, StreamType.default)

    def prepare_message(self, message: Any, message_type: PSRPMessageType | None = None,
                        pipeline_id: uuid.UUID | None = None,
                        stream_type: StreamType = StreamType.default) -> None:
        clixml = self._ready_made(message, message_type, pipeline_id)
        if clixml is None:
            super().prepare_message(message, message_type, pipeline_id, stream_type)
            return
        self._queue(message_type or PSRPMessageType.get_message_id(type(message)), clixml, pipeline_id, stream_type)

    def _queue(self, kind: PSRPMessageType, clixml: bytes, pipeline_id: uuid.UUID | None,
               stream_type: StreamType) -> None:
        data = create_message(True, kind, clixml, self.runspace_pool_id, pipeline_id)
        self._send_buffer.append(PSRPMessage(kind, bytearray(data), self.runspace_pool_id, pipeline_id,
                                             self._fragment_counter, stream_type))

    def _ready_made(self, message: Any, message_type: PSRPMessageType | None,
                    pipeline_id: uuid.UUID | None) -> bytes | None:
        if pipeline_id is not None:
            if message_type != PSRPMessageType.CreatePipeline:
                return None
            return self._prepared.pop(pipeline_id, None)
        if message_type is None and type(message) in (SessionCapability, InitRunspacePool):
            return pool_open_clixml(type(message).__name__)
        return None

    def _process_message(self, message: PSRPMessage) -> Any:
        if message.message_type == PSRPMessageType.ApplicationPrivateData:
            message = _with_data(message, _NO_PRIVATE_DATA)
        data = message.data
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            text = escape(data.decode("utf-8", "replace"))
            message = _with_data(message, f"<S>{text}</S>".encode("utf-8"))
        elif message.message_type in _POOL_ANSWERS and b"<SS" not in data:  # no SecureString: no cipher needed
            # psrpcore's _process_message, with the object read once per distinct text.
            event = PSRPEvent.create(message.message_type, _pool_answer(bytes(message.data)),
                                     message.runspace_pool_id, message.pipeline_id)
            getattr(self, f"_process_{message.message_type.name}")(event)
            return event
        try:
            return super()._process_message(message)
        except ValueError:
            if message.message_type != PSRPMessageType.PipelineOutput or not _DATE_OR_DURATION.search(data):
                raise
            return super()._process_message(_with_data(message, _DATE_OR_DURATION.sub(rb"<S\2>\3</S>", data)))


@functools.lru_cache(maxsize=16)
def _pool_answer(data: bytes) -> Any:
    """The object in one of the pool's answers to opening (psrpcore's deserialisation of
    ``data``; its events and the pool only read it)."""
    return deserialize(ElementTree.fromstring(data), None)


def _with_data(message: PSRPMessage, data: bytes) -> PSRPMessage:
    return PSRPMessage(message.message_type, bytearray(data), message.runspace_pool_id, message.pipeline_id,
                       message.object_id, message.stream_type)
