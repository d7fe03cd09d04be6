"""PowerShell on the local computer without WinRM: psrpcore over a child process's stdio."""

from __future__ import annotations

import logging
import os
import shlex
import time
import uuid
from typing import Any, Callable

from psrpcore import (
    ClientPowerShell,
    ClientRunspacePool,
    ErrorRecordEvent,
    PipelineOutputEvent,
    PipelineStateEvent,
    PSRPPayload,
    RunspacePoolStateEvent,
    StreamType,
)
from psrpcore.types import PSInvocationState, RunspacePoolState

from hvmanager.remoting import psrpcore_conversion, wire_values
from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.errors import HostUnreachable, PowerShellError, ProtocolError, RemotingError
from hvmanager.remoting.outofproc_channel import EMPTY_GUID, OutOfProcChannel
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.result import Result
from hvmanager.remoting.call import Call, CallCancelled
from hvmanager.remoting.threaded_session import ThreadedSession
from hvmanager.remoting.transport_errors import HINT_PROTOCOL, no_reason_given

_UNEXPECTED = QT_TRANSLATE_NOOP("RemotingErrors", "PowerShell for {host} sent something unexpected ({error}).")
_NO_RUNSPACE = QT_TRANSLATE_NOOP("RemotingErrors", "PowerShell for {host} did not open a runspace.")
_BROKEN = QT_TRANSLATE_NOOP("RemotingErrors", "PowerShell for {host} broke the runspace ({why}).")
_LOCAL_COMPUTER = QT_TRANSLATE_NOOP("RemotingErrors", "the local computer")
_NOT_RUNNING = QT_TRANSLATE_NOOP("RemotingErrors", "PowerShell for {host} is not running.")

log = logging.getLogger(__name__)

ENVIRONMENT_VARIABLE = "HVMANAGER_LOCAL_POWERSHELL"
_FRAGMENT_SIZE = 32 * 1024
_FINISHED = (PSInvocationState.Completed, PSInvocationState.Failed, PSInvocationState.Stopped)
_STREAMS = {StreamType.default: "Default", StreamType.prompt_response: "PromptResponse"}


def local_command_line(environ: dict[str, str] | None = None) -> list[str]:
    """The command line of the local PowerShell server: ``HVMANAGER_LOCAL_POWERSHELL`` or the default."""
    environ = os.environ if environ is None else environ
    override = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if override:
        if os.name == "nt":
            return [part[1:-1] if len(part) > 1 and part[0] == part[-1] == '"' else part
                    for part in shlex.split(override, posix=False)]
        return shlex.split(override)
    executable = "powershell.exe" if os.name == "nt" else "pwsh"
    return [executable, "-NoLogo", "-NoProfile", "-NonInteractive", "-s"]


class OutOfProcSession(ThreadedSession):
    """A runspace pool in a PowerShell child process, reached over its stdin and stdout.

    Everything (starting the child, the packet exchange, psrpcore's state machines) happens
    on this session's worker thread. When the child dies, the next ``run`` starts a new one.
    """

    def __init__(self, info: ConnectionInfo | None = None, *, command_line: list[str] | None = None,
                 close_timeout_s: float = 3.0) -> None:
        info = info or ConnectionInfo("localhost", transport="local")
        super().__init__(info.display_name, info.operation_timeout_s, close_timeout_s=close_timeout_s,
                         stop_grace_s=2.0)
        self.info = info
        self.command_line = list(command_line) if command_line else local_command_line()
        self._channel: OutOfProcChannel | None = None
        self._pool: ClientRunspacePool | None = None
        self._acks: set[tuple[str, uuid.UUID]] = set()
        self._outputs: dict[uuid.UUID, list[Any]] = {}
        self._errors: dict[uuid.UUID, list[ErrorInfo]] = {}
        self._reasons: dict[uuid.UUID, Any] = {}

    # --- worker thread -------------------------------------------------------------------

    def _open_blocking(self, call: Call) -> None:
        self._ensure_pool(call)

    def _run_blocking(self, pipeline: Pipeline, call: Call) -> Result:
        pool = self._ensure_pool(call)
        shell = ClientPowerShell(pool)
        for command in pipeline.commands:
            shell.add_command(command.name)
            for name, value in command.parameters:
                shell.add_parameter(name, wire_values.to_psrpcore(value))
        pid = shell.pipeline_id
        self._outputs[pid], self._errors[pid] = [], []
        try:
            self._guard(lambda: self._start(shell, call))
            call.phase = "running"
            while shell.state not in _FINISHED:
                if call.cancel.is_set():
                    self._stop(shell)
                    raise CallCancelled()
                self._guard(lambda: self._pump(0.05))
            return self._finish(shell)
        finally:
            self._outputs.pop(pid, None)
            self._errors.pop(pid, None)
            self._reasons.pop(pid, None)

    def _start(self, shell: ClientPowerShell, call: Call) -> None:
        pid = shell.pipeline_id
        shell.start()
        self._channel_or_fail().send_control("Command", pid)
        self._wait(call, lambda: self._take_ack("CommandAck", pid))
        self._send_pending(call)

    def _finish(self, shell: ClientPowerShell) -> Result:
        pid = shell.pipeline_id
        records = tuple(self._outputs[pid])
        errors = list(self._errors[pid])
        state = shell.state
        self._release(shell)
        if state == PSInvocationState.Failed:
            reason = self._reasons.get(pid)
            first = [psrpcore_conversion.error_info(reason)] if reason is not None \
                else [ErrorInfo("The command failed.")]
            raise PowerShellError(first + errors, host=self.host)
        if state == PSInvocationState.Stopped:
            raise PowerShellError([ErrorInfo("The command was stopped.")] + errors, host=self.host)
        return Result(records=records, errors=tuple(errors))

    def _stop(self, shell: ClientPowerShell) -> None:
        """Signal the child to stop the pipeline, wait briefly for it, then release it."""
        pid = shell.pipeline_id
        try:
            shell.begin_stop()
            self._channel_or_fail().send_control("Signal", pid)
            self._wait_bounded(lambda: shell.state in _FINISHED, 2.0)
            self._release(shell)
        except RemotingError as error:
            log.info("stopping a pipeline on %s failed: %s", self.host, error)
            self._discard()

    def _release(self, shell: ClientPowerShell) -> None:
        pid = shell.pipeline_id
        try:
            shell.close()
        except Exception:
            shell.runspace_pool.pipeline_table.pop(pid, None)
        try:
            self._channel_or_fail().send_control("Close", pid)
            self._wait_bounded(lambda: self._take_ack("CloseAck", pid), 2.0)
        except RemotingError as error:
            log.info("closing a pipeline on %s failed: %s", self.host, error)
            self._discard()

    def _ensure_pool(self, call: Call) -> ClientRunspacePool:
        if self._pool is not None and self._pool.state == RunspacePoolState.Opened \
                and self._channel is not None and self._channel.running:
            return self._pool
        self._discard()
        call.phase = "connecting"
        channel = OutOfProcChannel(self.command_line, self.host)
        channel.start()
        self._channel = channel
        pool = ClientRunspacePool()
        self._pool = pool
        try:
            pool.open()
            self._send_pending(call)
            self._wait(call, lambda: pool.state in (RunspacePoolState.Opened, RunspacePoolState.Broken,
                                                    RunspacePoolState.Closed))
        except (RemotingError, CallCancelled):
            self._discard()
            raise
        except Exception as error:  # psrpcore could not make sense of what the child sent
            self._discard()
            raise ProtocolError(_UNEXPECTED.format(host=self._who(), error=str(error)),
                                HINT_PROTOCOL, self.host) from error
        if pool.state != RunspacePoolState.Opened:
            self._discard()
            raise HostUnreachable(_NO_RUNSPACE.format(host=self._who()), HINT_PROTOCOL, self.host)
        return pool

    def _send_pending(self, call: Call) -> None:
        """Send what psrpcore queued, one packet at a time, each after the previous was acknowledged."""
        pool = self._pool
        while pool is not None and (payload := pool.data_to_send(_FRAGMENT_SIZE)) is not None:
            guid = payload.pipeline_id or EMPTY_GUID
            self._channel_or_fail().send_data(payload.data, _STREAMS.get(payload.stream_type, "Default"), guid)
            self._wait(call, lambda: self._take_ack("DataAck", guid))

    def _wait(self, call: Call, done: Callable[[], bool]) -> None:
        while not done():
            call.check()
            self._pump(0.05)

    def _wait_bounded(self, done: Callable[[], bool], seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while not done():
            if time.monotonic() >= deadline:
                return False
            self._pump(min(0.05, max(0.0, deadline - time.monotonic())))
        return True

    def _pump(self, timeout: float) -> None:
        """Handle at most one packet from the child."""
        packet = self._channel_or_fail().receive(timeout)
        if packet is None:
            return
        if packet.kind != "Data":
            self._acks.add((packet.kind, packet.guid))
            return
        pool = self._pool
        if pool is None:
            return
        stream = StreamType.prompt_response if packet.stream == "PromptResponse" else StreamType.default
        pid = None if packet.guid == EMPTY_GUID else packet.guid
        pool.receive_data(PSRPPayload(packet.data, stream, pid))
        while (event := pool.next_event()) is not None:
            self._on_event(event)

    def _on_event(self, event: Any) -> None:
        pid = event.pipeline_id
        if isinstance(event, PipelineOutputEvent) and pid in self._outputs:
            self._outputs[pid].append(psrpcore_conversion.to_record(event.data))
        elif isinstance(event, ErrorRecordEvent) and pid in self._errors:
            self._errors[pid].append(psrpcore_conversion.error_info(event.record))
        elif isinstance(event, PipelineStateEvent) and event.reason is not None:
            self._reasons[pid] = event.reason
        elif isinstance(event, RunspacePoolStateEvent) and event.state == RunspacePoolState.Broken:
            why = no_reason_given(event.reason)
            raise HostUnreachable(_BROKEN.format(host=self._who(), why=why), "", self.host)

    def _take_ack(self, kind: str, guid: uuid.UUID) -> bool:
        if (kind, guid) in self._acks:
            self._acks.discard((kind, guid))
            return True
        return False

    def _guard(self, action: Callable[[], None]) -> None:
        """Run ``action``; on a dead child or garbage, forget the pool so the next run starts afresh."""
        try:
            action()
        except (HostUnreachable, ProtocolError):
            self._discard()
            raise
        except Exception as error:
            self._discard()
            raise ProtocolError(_UNEXPECTED.format(host=self._who(), error=str(error)),
                                HINT_PROTOCOL, self.host) from error

    def _who(self) -> str | Message:
        """The host as a message parameter ("the local computer" is translated)."""
        return _LOCAL_COMPUTER if self.info.transport == "local" else self.host

    def _channel_or_fail(self) -> OutOfProcChannel:
        if self._channel is None:
            raise HostUnreachable(_NOT_RUNNING.format(host=self._who()), "", self.host)
        return self._channel

    def _discard(self) -> None:
        channel, self._channel, self._pool = self._channel, None, None
        self._acks.clear()
        if channel is not None:
            channel.terminate(1.0)

    def _close_blocking(self) -> None:
        pool, channel = self._pool, self._channel
        if pool is not None and channel is not None and channel.running:
            try:
                pool.pipeline_table.clear()
                pool.close()
                channel.send_control("Close", EMPTY_GUID)
                self._wait_bounded(lambda: self._take_ack("CloseAck", EMPTY_GUID), 1.0)
            except Exception as error:
                log.info("closing PowerShell for %s failed: %s", self.host, error)
        self._discard()

    def _abort(self) -> None:
        # Killing the child ends any blocked read on the worker thread.
        channel = self._channel
        if channel is not None:
            channel.kill()
