"""Builds WS-Management response and fault envelopes as a Windows WinRM service writes them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

_ENVELOPE_OPEN = (
    '<s:Envelope xml:lang="en-US" xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
    'xmlns:x="http://schemas.xmlsoap.org/ws/2004/09/transfer" '
    'xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" '
    'xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell" '
    'xmlns:p="http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd">'
)
_ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
FAULT_ACTION = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault"


@dataclass(frozen=True)
class WsmanFault:
    """One WS-Man fault: SOAP code, WS-Man subcode, the Windows error code and its text."""

    subcode: str
    code: int
    message: str
    soap_code: str = "s:Receiver"
    http_status: int = 500


OPERATION_TIMED_OUT = WsmanFault(
    "w:TimedOut", 2150858793,
    "The WS-Management service cannot complete the operation within the time specified in OperationTimeout.",
)
SHELL_NOT_FOUND = WsmanFault(
    "w:InvalidSelectors", 2150858843,
    "The request for the Windows Remote Shell with ShellId {shell_id} failed because the shell was not found "
    "on the server. Possible causes are: the specified ShellId is incorrect or the shell no longer exists on "
    "the server. Provide the correct ShellId or create a new shell and retry the operation.",
    soap_code="s:Sender",
)
COMMAND_NOT_FOUND = WsmanFault(
    "w:InvalidParameter", 2150858843,
    "The Windows Remote Shell received a request to perform an operation on a command identifier that does "
    "not exist. Either the command has completed execution or the client specified an invalid command "
    "identifier. Check the command identifier and try again.",
    soap_code="s:Sender",
)
ACTION_NOT_SUPPORTED = WsmanFault(
    "a:ActionNotSupported", 2150858771,
    "The WS-Management service cannot process the request because the action is not supported: {action}",
    soap_code="s:Sender",
)
INVALID_REQUEST = WsmanFault(
    "w:SchemaValidationError", 2150858817,
    "The WS-Management service cannot process the request because the XML is invalid: {detail}",
    soap_code="s:Sender",
)
PROTOCOL_ERROR = WsmanFault(
    "w:InternalError", 2152992672,
    "The request to the PowerShell plugin failed: {detail}",
)


def envelope(action: str, relates_to: str, body: str) -> bytes:
    """A response envelope; ``body`` is already-serialised XML for the s:Body."""
    header = (
        f"<s:Header><a:Action>{escape(action)}</a:Action>"
        f"<a:MessageID>uuid:{str(uuid.uuid4()).upper()}</a:MessageID>"
        f"<a:To>{_ANONYMOUS}</a:To>"
        f"<a:RelatesTo>{escape(relates_to)}</a:RelatesTo></s:Header>"
    )
    return f"{_ENVELOPE_OPEN}{header}<s:Body>{body}</s:Body></s:Envelope>".encode("utf-8")


def fault_envelope(fault: WsmanFault, relates_to: str, machine: str, **details: str) -> bytes:
    """A fault envelope with the WSManFault detail pypsrp reads the code from."""
    message = escape(fault.message.format(**details) if details else fault.message)
    body = (
        f"<s:Fault><s:Code><s:Value>{fault.soap_code}</s:Value><s:Subcode><s:Value>{fault.subcode}</s:Value>"
        f"</s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">{message} </s:Text></s:Reason>"
        f"<s:Detail><f:WSManFault xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" "
        f"Code={quoteattr(str(fault.code))} Machine={quoteattr(machine)}><f:Message>{message} </f:Message>"
        f"</f:WSManFault></s:Detail></s:Fault>"
    )
    return envelope(FAULT_ACTION, relates_to, body)
