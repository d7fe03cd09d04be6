"""A hostile host's answers to a pipeline Receive (test-only faults of the lab).

Each fault answers the client's Receive for a pipeline with something a real host never
sends, to prove the client survives it: a body that never ends, a document type
declaration with entities, objects nested thousands deep, known properties with the
wrong types, or output that keeps coming forever. The real pipeline still runs in the
pool behind; the client's Signal/Terminate cleans it up as usual.
"""

from __future__ import annotations

import base64
import threading
import uuid
from dataclasses import dataclass
from typing import BinaryIO, Callable

from hvmanager.simulator.wsman import fault_plan as fp
from hvmanager.simulator.wsman import soap_response as sr
from hvmanager.simulator.wsman.psrp_forgery import PsrpForgery
from hvmanager.simulator.wsman.soap_request import NS, SoapRequest

_SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/"
_RECEIVE_RESPONSE = _SHELL + "ReceiveResponse"
_DONE = _SHELL + "CommandState/Done"
_RUNNING = _SHELL + "CommandState/Running"
DEFAULT_HUGE_BYTES = 1 << 30
DEFAULT_DEPTH = 3000
_ENDLESS_TEXT = 48 * 1024
_STREAM_CHUNK = 64 * 1024
_TYPE_NAMES = ('<TN RefId="0"><T>Selected.Microsoft.HyperV.PowerShell.VirtualMachine</T>'
               '<T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>')


@dataclass(frozen=True)
class HostileReply:
    """Either a whole envelope (``body``) or a body of ``stream_bytes`` written in pieces."""

    body: bytes = b""
    stream_bytes: int = 0
    declared_length: bool = False


def hostile_reply(faults: fp.FaultPlan, request: SoapRequest) -> HostileReply | None:
    """The hostile answer to a pipeline Receive when a hostile fault is active, else None."""
    desired = request.body.find("rsp:DesiredStream", NS) if request.body is not None else None
    command_id = desired.attrib.get("CommandId") if desired is not None else None
    if not command_id:
        return None  # pool-level Receives (opening the pool) stay sound
    for kind in fp.HOSTILE_FAULTS:
        options = faults.fire(kind)
        if options is not None:
            forgery = PsrpForgery(_uuid(request.selectors.get("ShellId", "")), _uuid(command_id))
            return _BUILDERS[kind](request, command_id, forgery, options)
    return None


def stream_body(wfile: BinaryIO, reply: HostileReply, stopping: threading.Event,
                send_headers: Callable[[tuple[tuple[str, str], ...]], None]) -> int:
    """Write a ``stream_bytes`` body (chunked unless its length is declared); returns the
    bytes written before the client hung up or the host stopped."""
    if reply.declared_length:
        send_headers((("Content-Length", str(reply.stream_bytes)),))
    else:
        send_headers((("Transfer-Encoding", "chunked"),))
    piece = (b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>'
             + b"A" * _STREAM_CHUNK)[:_STREAM_CHUNK]
    sent = 0
    try:
        while sent < reply.stream_bytes and not stopping.is_set():
            data = piece[: reply.stream_bytes - sent]
            wfile.write(data if reply.declared_length else b"%x\r\n%s\r\n" % (len(data), data))
            sent += len(data)
        if not reply.declared_length:
            wfile.write(b"0\r\n\r\n")
        wfile.flush()
    except OSError:
        pass  # the client refused the rest: that is the point
    return sent


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        return uuid.UUID(int=0)


def _receive_envelope(request: SoapRequest, command_id: str, payloads: list[bytes], done: bool) -> bytes:
    streams = "".join(f'<rsp:Stream Name="stdout" CommandId="{command_id.upper()}">'
                      f"{base64.b64encode(p).decode()}</rsp:Stream>" for p in payloads)
    state = f'<rsp:CommandState CommandId="{command_id.upper()}" State="{_DONE if done else _RUNNING}"/>'
    return sr.envelope(_RECEIVE_RESPONSE, request.message_id,
                       f"<rsp:ReceiveResponse>{streams}{state}</rsp:ReceiveResponse>")


def _huge(request: SoapRequest, command_id: str, forgery: PsrpForgery, options: dict) -> HostileReply:
    return HostileReply(stream_bytes=int(options.get("bytes", DEFAULT_HUGE_BYTES)),
                        declared_length=bool(options.get("declared", False)))


def _entity_dtd(options: dict) -> tuple[str, str]:
    if options.get("entity", "laughs") == "external":
        return '<!ENTITY e SYSTEM "file:///etc/passwd">', "&e;"
    laughs = '<!ENTITY a0 "lol lol lol">' + "".join(
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    return laughs, "&a9;"


def _entity(request: SoapRequest, command_id: str, forgery: PsrpForgery, options: dict) -> HostileReply:
    declarations, reference = _entity_dtd(options)
    if options.get("where", "envelope") == "clixml":
        clixml = f'<?xml version="1.0"?><!DOCTYPE S [{declarations}]><S>{reference}</S>'
        return HostileReply(_receive_envelope(request, command_id,
                                              [forgery.output(clixml), forgery.completed()], True))
    envelope = _receive_envelope(request, command_id, [], False).decode("utf-8")
    # The reference sits in a stdout Stream, whose text the client would decode.
    envelope = envelope.replace("</rsp:ReceiveResponse>",
                                f'<rsp:Stream Name="stdout" CommandId="{command_id.upper()}">'
                                f"{reference}</rsp:Stream></rsp:ReceiveResponse>")
    doctype = f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE s:Envelope [{declarations}]>'
    return HostileReply((doctype + envelope).encode("utf-8"))


def _deep(request: SoapRequest, command_id: str, forgery: PsrpForgery, options: dict) -> HostileReply:
    depth = int(options.get("depth", DEFAULT_DEPTH))
    clixml = '<Obj RefId="0"><LST>' + "<Obj><LST>" * depth + "</LST></Obj>" * depth + "</LST></Obj>"
    return HostileReply(_receive_envelope(request, command_id,
                                          [forgery.output(clixml), forgery.completed()], True))


# Each VM gets other wrong types: a number for a name, text for a state or a number, an
# object where a number belongs, an unkeyable id, a list for a name.
_WRONG_VMS = (
    '<I32 N="Id">7</I32><S N="Name">id is a number</S><S N="State">Running</S>',
    '<G N="Id">{a}</G><I32 N="Name">42</I32><S N="State">Banana</S><S N="CPUUsage">lots</S>'
    '<Obj N="MemoryAssigned" RefId="1"><MS><S N="x">y</S></MS></Obj><B N="Uptime">true</B>',
    '<S N="Id">{b}</S><Obj N="Name" RefId="2"><LST><S>a</S><S>b</S></LST></Obj><I32 N="State">2</I32>'
    '<S N="Generation">two</S><DT N="Version">not a date</DT>',
    '<G N="Id">{c}</G><S N="Name">fine name</S><Nil N="State"/><I64 N="MemoryAssigned">-5</I64>',
)


def _wrong_types(request: SoapRequest, command_id: str, forgery: PsrpForgery, options: dict) -> HostileReply:
    ids = {key: str(uuid.uuid5(uuid.NAMESPACE_OID, f"wrong-types-{key}")) for key in "abc"}
    payloads = [forgery.output(f'<Obj RefId="0">{_TYPE_NAMES}<MS>{members.format(**ids)}</MS></Obj>')
                for members in _WRONG_VMS]
    return HostileReply(_receive_envelope(request, command_id, payloads + [forgery.completed()], True))


def _endless(request: SoapRequest, command_id: str, forgery: PsrpForgery, options: dict) -> HostileReply:
    text = "x" * int(options.get("bytes", _ENDLESS_TEXT))
    return HostileReply(_receive_envelope(request, command_id, [forgery.output(f"<S>{text}</S>")], False))


_BUILDERS = {
    fp.HUGE_RESPONSE: _huge,
    fp.ENTITY_XML: _entity,
    fp.DEEP_XML: _deep,
    fp.WRONG_TYPES: _wrong_types,
    fp.ENDLESS_RECEIVE: _endless,
}
