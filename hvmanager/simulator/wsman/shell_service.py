"""The WinRS shell operations (Create, Command, Send, Receive, Signal, Delete) over PSRP pools."""

from __future__ import annotations

import base64
import binascii
import threading
import uuid
from dataclasses import dataclass
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from hvmanager.simulator.engine_api import PipelineRunner
from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessageCache
from hvmanager.simulator.psrp.errors import PoolClosedError, ProtocolViolationError, UnknownPipelineError
from hvmanager.simulator.psrp.opening_answers import OpeningAnswers
from hvmanager.simulator.psrp.pool_session import PoolSession
from hvmanager.simulator.psrp.runner_threads import RunnerThreads
from hvmanager.simulator.wsman import soap_response as sr
from hvmanager.simulator.wsman.soap_request import NS, SoapRequest

_TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer/"
_SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/"
_DONE = _SHELL + "CommandState/Done"
_RUNNING = _SHELL + "CommandState/Running"
# Windows' default MaxEnvelopeSizekb (winrm get winrm/config).
MAX_ENVELOPE_KB = 500
# Room for the envelope around the base64 streams of a ReceiveResponse.
_ENVELOPE_OVERHEAD = 2048


@dataclass(frozen=True)
class WsmanReply:
    """HTTP status and envelope for one WS-Man request."""

    status: int
    body: bytes


class ShellService:
    """Keeps this host's shells (one PSRP runspace pool each) and answers shell operations."""

    def __init__(self, runner: PipelineRunner, machine: str, endpoint: str,
                 message_cache: DecodedMessageCache | None = None,
                 opening_answers: OpeningAnswers | None = None,
                 runner_threads: RunnerThreads | None = None) -> None:
        self._runner = runner
        self._message_cache = message_cache or DecodedMessageCache()
        # Built once (its PSVersions cost ~0.25 ms) and serialised once with the other answers;
        # a lab gives all its hosts one (every host answers alike).
        self._answers = opening_answers or OpeningAnswers.windows()
        self._machine = machine
        self.endpoint = endpoint
        # The host's pipelines run on threads kept between pipelines (a lab's hosts share them:
        # then the lab, not this host's close, ends them).
        self._owns_threads = runner_threads is None
        self._threads = runner_threads or RunnerThreads(f"pipeline-{machine}")
        self._lock = threading.Lock()
        self._shells: dict[str, PoolSession] = {}

    def shell_count(self) -> int:
        """Open shells (runspace pools) on this host."""
        with self._lock:
            return len(self._shells)

    def handle(self, request: SoapRequest, owner: str, client_ip: str) -> WsmanReply:
        """Dispatch one request; WS-Man faults come back as replies, never as exceptions."""
        action = request.action.rsplit("/", 1)[-1]
        handlers = {
            "Create": lambda: self._create(request, owner, client_ip),
            "Command": lambda: self._command(request),
            "Send": lambda: self._send(request),
            "Receive": lambda: self._receive(request),
            "Signal": lambda: self._signal(request),
            "Delete": lambda: self._delete(request),
            "Get": lambda: self._get(request),
        }
        handler = handlers.get(action)
        try:
            if handler is None:
                return self._fault(request, sr.ACTION_NOT_SUPPORTED, action=request.action)
            return handler()
        except _ShellMissing as missing:
            return self._fault(request, sr.SHELL_NOT_FOUND, shell_id=str(missing))
        except UnknownPipelineError:
            return self._fault(request, sr.COMMAND_NOT_FOUND)
        except PoolClosedError:
            return self._fault(request, sr.SHELL_NOT_FOUND, shell_id=request.selectors.get("ShellId", ""))
        except (ProtocolViolationError, binascii.Error, ValueError) as exc:
            return self._fault(request, sr.PROTOCOL_ERROR, detail=str(exc))

    def close_all(self) -> None:
        """Close every shell (host stop or restart); end the runner threads if this host made them."""
        with self._lock:
            shells = list(self._shells.values())
            self._shells.clear()
        for session in shells:
            session.close()
        if self._owns_threads:
            self._threads.release()

    # -- operations -----------------------------------------------------------------

    def _create(self, request: SoapRequest, owner: str, client_ip: str) -> WsmanReply:
        shell = request.body
        if shell is None:
            raise ValueError("Create without a Shell element")
        shell_id = (shell.attrib.get("ShellId") or str(uuid.uuid4())).upper()
        creation = shell.find("pwsh:creationXml", NS)
        session = PoolSession(self._runner, message_cache=self._message_cache, answers=self._answers,
                              threads=self._threads)
        if creation is not None and creation.text:
            session.feed(base64.b64decode(creation.text))
        with self._lock:
            self._shells[shell_id] = session
        streams_in = _text(shell, "rsp:InputStreams", "stdin pr")
        streams_out = _text(shell, "rsp:OutputStreams", "stdout")
        resource = escape(request.resource_uri)
        body = (
            f"<x:ResourceCreated><a:Address>{escape(self.endpoint)}</a:Address><a:ReferenceParameters>"
            f"<w:ResourceURI>{resource}</w:ResourceURI><w:SelectorSet>"
            f"<w:Selector Name=\"ShellId\">{shell_id}</w:Selector></w:SelectorSet></a:ReferenceParameters>"
            f"</x:ResourceCreated>"
            f"<rsp:Shell><rsp:ShellId>{shell_id}</rsp:ShellId><rsp:Name>Runspace{self.shell_count()}</rsp:Name>"
            f"<rsp:ResourceUri>{resource}</rsp:ResourceUri><rsp:Owner>{escape(owner)}</rsp:Owner>"
            f"<rsp:ClientIP>{escape(client_ip)}</rsp:ClientIP><rsp:ProcessId>4711</rsp:ProcessId>"
            f"<rsp:IdleTimeOut>PT7200.000S</rsp:IdleTimeOut><rsp:InputStreams>{escape(streams_in)}</rsp:InputStreams>"
            f"<rsp:OutputStreams>{escape(streams_out)}</rsp:OutputStreams>"
            f"<rsp:MaxIdleTimeOut>PT2147483.647S</rsp:MaxIdleTimeOut><rsp:Locale>{escape(request.locale)}</rsp:Locale>"
            f"<rsp:DataLocale>{escape(request.locale)}</rsp:DataLocale><rsp:CompressionMode>XpressCompression"
            f"</rsp:CompressionMode><rsp:ProfileLoaded>Yes</rsp:ProfileLoaded><rsp:Encoding>UTF8</rsp:Encoding>"
            f"<rsp:BufferMode>Block</rsp:BufferMode><rsp:State>Connected</rsp:State>"
            f"<rsp:ShellRunTime>P0DT0H0M0S</rsp:ShellRunTime><rsp:ShellInactivity>P0DT0H0M0S</rsp:ShellInactivity>"
            f"</rsp:Shell>"
        )
        return self._ok(request, _TRANSFER + "CreateResponse", body)

    def _command(self, request: SoapRequest) -> WsmanReply:
        session = self._session(request)
        line = request.body
        if line is None:
            raise ValueError("Command without a CommandLine element")
        command_id = (line.attrib.get("CommandId") or str(uuid.uuid4())).upper()
        pipeline_id = uuid.UUID(command_id)
        session.create_pipeline(pipeline_id)
        for argument in line.findall("rsp:Arguments", NS):
            if argument.text:
                session.feed(base64.b64decode(argument.text), pipeline_id)
        body = f"<rsp:CommandResponse><rsp:CommandId>{command_id}</rsp:CommandId></rsp:CommandResponse>"
        return self._ok(request, _SHELL + "CommandResponse", body)

    def _send(self, request: SoapRequest) -> WsmanReply:
        session = self._session(request)
        send = request.body
        if send is None:
            raise ValueError("Send without a Send element")
        for stream in send.findall("rsp:Stream", NS):
            command_id = stream.attrib.get("CommandId")
            pipeline_id = uuid.UUID(command_id) if command_id else None
            if stream.text:
                session.feed(base64.b64decode(stream.text), pipeline_id, stream.attrib.get("Name") == "pr")
        return self._ok(request, _SHELL + "SendResponse", "<rsp:SendResponse/>")

    def _receive(self, request: SoapRequest) -> WsmanReply:
        session = self._session(request)
        desired = request.body.find("rsp:DesiredStream", NS) if request.body is not None else None
        command_id = desired.attrib.get("CommandId") if desired is not None else None
        pipeline_id = uuid.UUID(command_id) if command_id else None
        max_bytes = max((request.max_envelope_size - _ENVELOPE_OVERHEAD) * 3 // 4, 4096)
        chunk = session.take(pipeline_id, request.operation_timeout_s, max_bytes)
        if chunk is None:
            return self._fault(request, sr.OPERATION_TIMED_OUT)
        id_attr = f" CommandId=\"{command_id.upper()}\"" if command_id else ""
        streams = "".join(
            f"<rsp:Stream Name=\"stdout\"{id_attr}>{base64.b64encode(p).decode()}</rsp:Stream>" for p in chunk.payloads
        )
        state = ""
        if command_id:
            state = f"<rsp:CommandState{id_attr} State=\"{_DONE if chunk.done else _RUNNING}\"/>"
        body = f"<rsp:ReceiveResponse>{streams}{state}</rsp:ReceiveResponse>"
        return self._ok(request, _SHELL + "ReceiveResponse", body)

    def _signal(self, request: SoapRequest) -> WsmanReply:
        session = self._session(request)
        signal = request.body
        if signal is None:
            raise ValueError("Signal without a Signal element")
        command_id = signal.attrib.get("CommandId", "")
        code = _text(signal, "rsp:Code", "").lower()
        pipeline_id = uuid.UUID(command_id) if command_id else None
        if pipeline_id is not None:
            if code.endswith("/terminate"):
                session.close_pipeline(pipeline_id)
            elif code.endswith("ctrl_c") or code.endswith("ctrl_break"):
                session.stop_pipeline(pipeline_id)
        return self._ok(request, _SHELL + "SignalResponse", "<rsp:SignalResponse/>")

    def _delete(self, request: SoapRequest) -> WsmanReply:
        shell_id = request.selectors.get("ShellId", "").upper()
        with self._lock:
            session = self._shells.pop(shell_id, None)
        if session is None:
            raise _ShellMissing(shell_id)
        session.close()
        return self._ok(request, _TRANSFER + "DeleteResponse", "")

    def _get(self, request: SoapRequest) -> WsmanReply:
        if request.resource_uri.endswith("/config"):
            body = (
                "<cfg:Config xmlns:cfg=\"http://schemas.microsoft.com/wbem/wsman/1/config\">"
                f"<cfg:MaxEnvelopeSizekb>{MAX_ENVELOPE_KB}</cfg:MaxEnvelopeSizekb><cfg:MaxTimeoutms>60000"
                "</cfg:MaxTimeoutms><cfg:MaxBatchItems>32000</cfg:MaxBatchItems></cfg:Config>"
            )
            return self._ok(request, _TRANSFER + "GetResponse", body)
        return self._fault(request, sr.ACTION_NOT_SUPPORTED, action=request.action)

    # -- helpers --------------------------------------------------------------------

    def _session(self, request: SoapRequest) -> PoolSession:
        shell_id = request.selectors.get("ShellId", "").upper()
        with self._lock:
            session = self._shells.get(shell_id)
        if session is None:
            raise _ShellMissing(shell_id)
        return session

    def _ok(self, request: SoapRequest, action: str, body: str) -> WsmanReply:
        return WsmanReply(200, sr.envelope(action, request.message_id, body))

    def _fault(self, request: SoapRequest, fault: sr.WsmanFault, **details: str) -> WsmanReply:
        return WsmanReply(fault.http_status, sr.fault_envelope(fault, request.message_id, self._machine, **details))


class _ShellMissing(LookupError):
    """No shell with the request's ShellId selector."""


def _text(element: ElementTree.Element, path: str, default: str) -> str:
    found = element.find(path, NS)
    return found.text if found is not None and found.text else default
