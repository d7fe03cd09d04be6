"""psrpcore's client driven over OutOfProc packets: the test peer of the stdio mode."""

from __future__ import annotations

import queue
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import psrpcore
from psrpcore.types import PSInvocationState, RunspacePoolState

from hvmanager.simulator.stdio.out_of_proc_packet import EMPTY_GUID, OutOfProcPacket


@dataclass
class PipelineResult:
    """What one pipeline produced."""

    output: list[Any] = field(default_factory=list)
    errors: list[Any] = field(default_factory=list)
    state: PSInvocationState = PSInvocationState.NotStarted


class OutOfProcPeer:
    """Writes packets to the server's stdin, reads its stdout on a thread."""

    def __init__(self, server_stdin: BinaryIO, server_stdout: BinaryIO) -> None:
        self._to_server = server_stdin
        self._packets: queue.Queue[OutOfProcPacket | None] = queue.Queue()
        self.acks: list[OutOfProcPacket] = []
        self.pool = psrpcore.ClientRunspacePool()
        self._reader = threading.Thread(target=self._read, args=(server_stdout,), daemon=True)
        self._reader.start()

    def _read(self, stream: BinaryIO) -> None:
        for line in iter(stream.readline, b""):
            self._packets.put(OutOfProcPacket.parse(line))
        self._packets.put(None)

    def send(self, packet: OutOfProcPacket) -> None:
        self._to_server.write(packet.encode())
        self._to_server.flush()

    def _flush(self) -> None:
        while (payload := self.pool.data_to_send()) is not None:
            guid = payload.pipeline_id or EMPTY_GUID
            stream = "PromptResponse" if payload.stream_type == psrpcore.StreamType.prompt_response else "Default"
            self.send(OutOfProcPacket("Data", guid, payload.data, stream))

    def next_packet(self, timeout: float = 10) -> OutOfProcPacket:
        packet = self._packets.get(timeout=timeout)
        if packet is None:
            raise EOFError("the server closed its stdout")
        if packet.kind != "Data":
            self.acks.append(packet)
        return packet

    def _events(self, timeout: float = 10) -> list[Any]:
        packet = self.next_packet(timeout)
        if packet.kind != "Data":
            return [packet]
        self.pool.receive_data(psrpcore.PSRPPayload(packet.data, psrpcore.StreamType.default, packet.pipeline_id))
        events = []
        while (event := self.pool.next_event()) is not None:
            events.append(event)
        return events

    def open(self) -> None:
        self.pool.open()
        self._flush()
        while self.pool.state != RunspacePoolState.Opened:
            self._events()

    def wait_ack(self, kind: str, guid: uuid.UUID, timeout: float = 10) -> None:
        while not any(a.kind == kind and a.ps_guid == guid for a in self.acks):
            self._events(timeout)

    def start(self, command: str, input_objects: list[Any] | None = None, **parameters: Any) -> psrpcore.ClientPowerShell:
        ps = psrpcore.ClientPowerShell(self.pool, no_input=input_objects is None)
        ps.add_command(command)
        for name, value in parameters.items():
            ps.add_parameter(name, value)
        self.send(OutOfProcPacket("Command", ps.pipeline_id))
        self.wait_ack("CommandAck", ps.pipeline_id)
        ps.start()
        for value in input_objects or []:
            ps.send(value)
        if input_objects is not None:
            ps.send_eof()
        self._flush()
        return ps

    def finish(self, ps: psrpcore.ClientPowerShell, timeout: float = 10) -> PipelineResult:
        result = PipelineResult()
        while True:
            for event in self._events(timeout):
                if isinstance(event, psrpcore.PipelineOutputEvent):
                    result.output.append(event.data)
                elif isinstance(event, psrpcore.ErrorRecordEvent):
                    result.errors.append(event.record)
                elif isinstance(event, psrpcore.PipelineStateEvent) and event.pipeline_id == ps.pipeline_id:
                    result.state = event.state
                    if event.reason is not None:
                        result.errors.append(event.reason)
                    return result

    def close_pipeline(self, ps: psrpcore.ClientPowerShell) -> None:
        ps.close()
        self.send(OutOfProcPacket("Close", ps.pipeline_id))
        self.wait_ack("CloseAck", ps.pipeline_id)

    def close(self) -> None:
        self.send(OutOfProcPacket("Close", EMPTY_GUID))
        self.wait_ack("CloseAck", EMPTY_GUID)
