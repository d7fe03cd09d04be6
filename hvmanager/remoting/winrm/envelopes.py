"""WS-Management request envelopes for the PowerShell shell, from prepared byte templates.

Building each envelope as an ElementTree and serialising it cost more client CPU than the
rest of a request; the envelopes differ only in a few fields, so each is one join of
constant bytes and those fields. Every variable text is either a UUID we made, a number, a
base64 string or the escaped endpoint URL: nothing from a host or a user goes in unescaped.
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape

RESOURCE_URI = "http://schemas.microsoft.com/powershell/Microsoft.PowerShell"
#: What a pipeline's Receive answers at most (pypsrp's and Windows PowerShell's default).
MAX_ENVELOPE_SIZE = 153600
_TRANSFER = b"http://schemas.xmlsoap.org/ws/2004/09/transfer/"
_SHELL = b"http://schemas.microsoft.com/wbem/wsman/1/windows/shell/"
SIGNAL_TERMINATE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate"
# As Windows PowerShell's client and pypsrp send it.
SIGNAL_STOP = "powershell/signal/ctrl_c"

_OPEN = (b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
         b'xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
         b'xmlns:wsman="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" '
         b'xmlns:wsmv="http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd" '
         b'xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell" '
         b'xmlns:pwsh="http://schemas.microsoft.com/powershell">'
         b'<s:Header><wsa:Action s:mustUnderstand="true">')
_PROTOCOL_OPTION = (b'<wsman:OptionSet s:mustUnderstand="true"><wsman:Option Name="protocolversion" '
                    b'MustComply="true">2.3</wsman:Option></wsman:OptionSet>')
_COMMAND_OPTION = (b'<wsman:OptionSet><wsman:Option Name="WINRS_SKIP_CMD_SHELL">False</wsman:Option>'
                   b'</wsman:OptionSet>')
_RECEIVE_OPTION = (b'<wsman:OptionSet><wsman:Option Name="WSMAN_CMDSHELL_OPTION_KEEPALIVE">True'
                   b'</wsman:Option></wsman:OptionSet>')


class EnvelopeBuilder:
    """The envelopes of one session (its endpoint, locale and WS-Man session id are fixed).

    Every method returns ``(message_id, envelope)``; the answer's RelatesTo must equal
    ``message_id``.
    """

    def __init__(self, endpoint: str, *, locale: str = "en-US", operation_timeout_s: int = 20) -> None:
        language = escape(locale, {'"': "&quot;"}).encode("utf-8")
        self._middle = (
            b'</wsa:Action><wsmv:DataLocale s:mustUnderstand="false" xml:lang="' + language + b'"/>'
            b'<wsman:Locale s:mustUnderstand="false" xml:lang="' + language + b'"/>'
            b'<wsman:MaxEnvelopeSize s:mustUnderstand="true">%d</wsman:MaxEnvelopeSize>' % MAX_ENVELOPE_SIZE
            + b"<wsa:MessageID>uuid:")
        self._after_id = b"</wsa:MessageID><wsman:OperationTimeout>PT"
        self._tail = (
            b"S</wsman:OperationTimeout><wsa:ReplyTo><wsa:Address s:mustUnderstand=\"true\">"
            b"http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address></wsa:ReplyTo>"
            b'<wsman:ResourceURI s:mustUnderstand="true">' + RESOURCE_URI.encode("ascii")
            + b'</wsman:ResourceURI><wsmv:SessionId s:mustUnderstand="false">uuid:'
            + str(uuid.uuid4()).upper().encode("ascii") + b"</wsmv:SessionId><wsa:To>"
            + escape(endpoint).encode("utf-8") + b"</wsa:To>")
        self._timeout = b"%d" % operation_timeout_s

    def create(self, shell_id: uuid.UUID, creation_xml: bytes) -> tuple[str, bytes]:
        """Create the shell (the runspace pool) with the pool's first PSRP data."""
        body = (b'<rsp:Shell ShellId="' + _id(shell_id) + b'"><rsp:InputStreams>stdin pr</rsp:InputStreams>'
                b"<rsp:OutputStreams>stdout</rsp:OutputStreams><pwsh:creationXml>" + creation_xml
                + b"</pwsh:creationXml></rsp:Shell>")
        return self._envelope(_TRANSFER + b"Create", b"", _PROTOCOL_OPTION, body)

    def command(self, shell_id: uuid.UUID, command_id: uuid.UUID, arguments: bytes) -> tuple[str, bytes]:
        """Create a pipeline; ``arguments`` is its first PSRP data in base64."""
        body = (b'<rsp:CommandLine CommandId="' + _id(command_id) + b'"><rsp:Command></rsp:Command>'
                b"<rsp:Arguments>" + arguments + b"</rsp:Arguments></rsp:CommandLine>")
        return self._envelope(_SHELL + b"Command", _selector(shell_id), _COMMAND_OPTION, body)

    def send(self, shell_id: uuid.UUID, command_id: uuid.UUID | None, data: bytes) -> tuple[str, bytes]:
        """More PSRP data (base64) for the pool (``command_id`` None) or a pipeline."""
        target = b' CommandId="' + _id(command_id) + b'"' if command_id is not None else b""
        body = b'<rsp:Send><rsp:Stream Name="stdin"' + target + b">" + data + b"</rsp:Stream></rsp:Send>"
        return self._envelope(_SHELL + b"Send", _selector(shell_id), b"", body)

    def receive(self, shell_id: uuid.UUID, command_id: uuid.UUID | None, timeout_s: float) -> tuple[str, bytes]:
        """Long-poll for output of the pool (``command_id`` None) or a pipeline."""
        target = b' CommandId="' + _id(command_id) + b'"' if command_id is not None else b""
        body = b"<rsp:Receive><rsp:DesiredStream" + target + b">stdout</rsp:DesiredStream></rsp:Receive>"
        return self._envelope(_SHELL + b"Receive", _selector(shell_id), _RECEIVE_OPTION, body,
                              timeout=b"%.3f" % max(timeout_s, 0.001))

    def signal(self, shell_id: uuid.UUID, command_id: uuid.UUID, code: str) -> tuple[str, bytes]:
        """A signal for a pipeline: ``SIGNAL_STOP`` or ``SIGNAL_TERMINATE``."""
        body = (b'<rsp:Signal CommandId="' + _id(command_id) + b'"><rsp:Code>'
                + code.encode("ascii") + b"</rsp:Code></rsp:Signal>")
        return self._envelope(_SHELL + b"Signal", _selector(shell_id), b"", body)

    def delete(self, shell_id: uuid.UUID) -> tuple[str, bytes]:
        """Delete the shell (closes the runspace pool and its pipelines)."""
        return self._envelope(_TRANSFER + b"Delete", _selector(shell_id), b"", b"")

    def _envelope(self, action: bytes, selector: bytes, options: bytes, body: bytes,
                  timeout: bytes | None = None) -> tuple[str, bytes]:
        message_id = str(uuid.uuid4()).upper()
        envelope = b"".join((_OPEN, action, self._middle, message_id.encode("ascii"), self._after_id,
                             timeout or self._timeout, self._tail, options, selector,
                             b"</s:Header><s:Body>", body, b"</s:Body></s:Envelope>"))
        return "uuid:" + message_id, envelope


def _id(value: uuid.UUID) -> bytes:
    return str(value).upper().encode("ascii")


def _selector(shell_id: uuid.UUID) -> bytes:
    return (b'<wsman:SelectorSet><wsman:Selector Name="ShellId">' + _id(shell_id)
            + b"</wsman:Selector></wsman:SelectorSet>")
