"""Read WS-Management answer envelopes: the fields the shell operations need, or the fault.

expat (through ElementTree's C parser) reads the envelope; a document type declaration is
refused before parsing (SOAP 1.2 forbids them, and they are how entity expansion attacks
start), so the parser never sees one.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from xml.etree import ElementTree

_S = "{http://www.w3.org/2003/05/soap-envelope}"
_A = "{http://schemas.xmlsoap.org/ws/2004/08/addressing}"
_W = "{http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd}"
_RSP = "{http://schemas.microsoft.com/wbem/wsman/1/windows/shell}"
_F = "{http://schemas.microsoft.com/wbem/wsman/1/wsmanfault}"
_DONE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done"
#: The WS-Man fault of a Receive whose long poll ended without output: poll again.
TIMED_OUT_CODE = 2150858793


class DocumentTypeRefused(ValueError):
    """The answer carried a document type declaration (never parsed)."""


class MalformedReply(ValueError):
    """The answer is not a WS-Management envelope we can read."""


@dataclass(frozen=True)
class Fault:
    """A WS-Man fault: its Windows code (0 when absent), subcode and the host's reason text."""

    code: int
    subcode: str
    reason: str

    @property
    def timed_out(self) -> bool:
        """A long poll that ended without data (``w:TimedOut``)."""
        return self.code == TIMED_OUT_CODE or self.subcode.endswith(":TimedOut")


@dataclass(frozen=True)
class Reply:
    """One parsed answer: RelatesTo, the shell id a Create returned, stream data (decoded,
    with the CommandId it belongs to), whether the command is Done, or the fault."""

    relates_to: str = ""
    shell_id: str = ""
    streams: tuple[tuple[str, bytes], ...] = ()
    done: bool = False
    fault: Fault | None = None


class ReplyParser:
    """Parses answer envelopes (stateless; one per session is enough)."""

    def parse(self, body: bytes) -> Reply:
        """The ``Reply`` in ``body``; raises ``DocumentTypeRefused`` or ``MalformedReply``."""
        if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
            raise DocumentTypeRefused()
        try:
            root = ElementTree.fromstring(body)
        except ElementTree.ParseError as error:
            raise MalformedReply(f"XML: {error}") from None
        header = root.find(_S + "Header")
        envelope_body = root.find(_S + "Body")
        if root.tag != _S + "Envelope" or envelope_body is None:
            raise MalformedReply("not a SOAP envelope")
        relates_to = ""
        if header is not None:
            relates = header.find(_A + "RelatesTo")
            relates_to = (relates.text or "").strip() if relates is not None else ""
        fault = envelope_body.find(_S + "Fault")
        if fault is not None:
            return Reply(relates_to=relates_to, fault=_fault(fault))
        streams: list[tuple[str, bytes]] = []
        done = False
        shell_id = ""
        for element in envelope_body.iter():
            tag = element.tag
            if tag == _RSP + "Stream":
                text = element.text
                if text:
                    try:
                        data = base64.b64decode(text, validate=True)
                    except (binascii.Error, ValueError):
                        raise MalformedReply("a stream is not base64") from None
                    streams.append((element.get("CommandId", ""), data))
            elif tag == _RSP + "CommandState":
                done = element.get("State", "") == _DONE
            elif tag == _W + "Selector" and element.get("Name") == "ShellId":
                shell_id = (element.text or "").strip()
            elif tag == _RSP + "ShellId" and not shell_id:
                shell_id = (element.text or "").strip()
        return Reply(relates_to=relates_to, shell_id=shell_id, streams=tuple(streams), done=done)


def _fault(fault: ElementTree.Element) -> Fault:
    subcode = fault.find(f"{_S}Code/{_S}Subcode/{_S}Value")
    reason = fault.find(f"{_S}Reason/{_S}Text")
    detail = fault.find(f"{_S}Detail/{_F}WSManFault")
    code = 0
    text = (reason.text or "").strip() if reason is not None else ""
    if detail is not None:
        try:
            code = int(detail.get("Code", "0"))
        except ValueError:
            code = 0
        message = detail.find(_F + "Message")
        if not text and message is not None:
            text = "".join(message.itertext()).strip()
    return Fault(code=code, subcode=(subcode.text or "").strip() if subcode is not None else "", reason=text)
