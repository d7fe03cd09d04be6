"""One OutOfProc packet: an XML element on its own line (MS-PSRP 3.2.5.4, as pwsh writes it)."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from xml.etree import ElementTree

EMPTY_GUID = uuid.UUID(int=0)
KINDS = ("Data", "DataAck", "Command", "CommandAck", "Signal", "SignalAck", "Close", "CloseAck")


class PacketError(ValueError):
    """A line that is not an OutOfProc packet."""


@dataclass(frozen=True)
class OutOfProcPacket:
    """``kind`` is the element name; ``ps_guid`` the pipeline id or the empty GUID for the pool."""

    kind: str
    ps_guid: uuid.UUID = EMPTY_GUID
    data: bytes = b""
    stream: str = "Default"

    @property
    def pipeline_id(self) -> uuid.UUID | None:
        """The pipeline this packet is for, None for the runspace pool."""
        return None if self.ps_guid == EMPTY_GUID else self.ps_guid

    def encode(self) -> bytes:
        """The packet's line, newline included."""
        guid = str(self.ps_guid).lower()
        if self.kind == "Data":
            payload = base64.b64encode(self.data).decode()
            return f"<Data Stream='{self.stream}' PSGuid='{guid}'>{payload}</Data>\n".encode()
        return f"<{self.kind} PSGuid='{guid}' />\n".encode()

    @classmethod
    def parse(cls, line: bytes | str) -> "OutOfProcPacket":
        """Read one line; raises ``PacketError``."""
        try:
            element = ElementTree.fromstring(line)
        except ElementTree.ParseError as exc:
            raise PacketError(f"not a packet: {line[:80]!r}") from exc
        if element.tag not in KINDS:
            raise PacketError(f"unknown packet {element.tag!r}")
        try:
            guid = uuid.UUID(element.attrib.get("PSGuid", str(EMPTY_GUID)))
        except ValueError as exc:
            raise PacketError("bad PSGuid") from exc
        data = base64.b64decode(element.text or "") if element.tag == "Data" else b""
        return cls(element.tag, guid, data, element.attrib.get("Stream", "Default"))
