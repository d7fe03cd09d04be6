"""psrpcore's client runspace pool, refusing document type declarations inside PSRP messages.

psrpcore hands each message's CLIXML to ElementTree, which would read a DTD and expand its
entities. A message that carries one is never parsed as XML here: its text arrives as a
plain string, as pypsrp treats it (a DTD in output is no VM; nothing is expanded).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from psrpcore import ClientRunspacePool
from psrpcore._payload import PSRPMessage


class GuardedRunspacePool(ClientRunspacePool):
    """A ``ClientRunspacePool`` whose incoming messages are checked before psrpcore parses them.

    Hooks ``_process_message`` of the pinned psrpcore 0.3 (the one place it parses a message).
    """

    def _process_message(self, message: PSRPMessage) -> Any:
        data = message.data
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            text = escape(bytes(data).decode("utf-8", "replace"))
            message = PSRPMessage(message.message_type, bytearray(f"<S>{text}</S>".encode("utf-8")),
                                  message.runspace_pool_id, message.pipeline_id, message.object_id,
                                  message.stream_type)
        return super()._process_message(message)
