"""Serves one host's PSRP over a pair of byte streams, as ``powershell.exe -NoLogo -NoProfile -s`` does."""

from __future__ import annotations

import logging
import threading
from typing import BinaryIO

from hvmanager.simulator.engine_api import PipelineRunner
from hvmanager.simulator.psrp.errors import PsrpSessionError
from hvmanager.simulator.psrp.pool_session import PoolSession
from hvmanager.simulator.stdio.out_of_proc_packet import EMPTY_GUID, OutOfProcPacket, PacketError

log = logging.getLogger(__name__)


class StdioServer:
    """Reads packets from ``reader`` and writes acks and PSRP data to ``writer`` until Close or EOF."""

    def __init__(self, runner: PipelineRunner, reader: BinaryIO, writer: BinaryIO) -> None:
        self._reader = reader
        self._writer = writer
        self._write_lock = threading.Lock()
        # Taking and writing happen together so two flushes never reorder one target's data.
        self._flush_lock = threading.Lock()
        self._data_ready = threading.Event()
        self._finished = threading.Event()
        self._session = PoolSession(runner, on_data=self._data_ready.set)
        self._pump = threading.Thread(target=self._pump_data, name="stdio-out", daemon=True)
        self._signals: list[threading.Thread] = []

    def serve(self) -> None:
        """Serve until the client closes the pool or its stdin ends."""
        self._pump.start()
        try:
            for line in iter(self._reader.readline, b""):
                if not line.strip():
                    continue
                try:
                    packet = OutOfProcPacket.parse(line)
                except PacketError as exc:
                    log.warning("ignoring a bad packet: %s", exc)
                    continue
                if not self._dispatch(packet):
                    break
        finally:
            self._session.close()
            self._finished.set()
            self._data_ready.set()
            self._pump.join(5)
            for thread in self._signals:
                thread.join(5)

    def _dispatch(self, packet: OutOfProcPacket) -> bool:
        pipeline_id = packet.pipeline_id
        try:
            if packet.kind == "Data":
                self._session.feed(packet.data, pipeline_id, packet.stream == "PromptResponse")
                self._send(OutOfProcPacket("DataAck", packet.ps_guid))
            elif packet.kind == "Command" and pipeline_id is not None:
                self._session.create_pipeline(pipeline_id)
                self._send(OutOfProcPacket("CommandAck", packet.ps_guid))
            elif packet.kind == "Signal" and pipeline_id is not None:
                # Stopping waits for the runner: do it off the reading thread.
                thread = threading.Thread(target=self._stop, args=(packet,), name="stdio-signal", daemon=True)
                self._signals.append(thread)
                thread.start()
            elif packet.kind == "Close":
                if pipeline_id is None:
                    self._session.close()
                    self._flush()
                    self._send(OutOfProcPacket("CloseAck", EMPTY_GUID))
                    return False
                self._session.close_pipeline(pipeline_id)
                self._send(OutOfProcPacket("CloseAck", packet.ps_guid))
        except PsrpSessionError as exc:
            log.warning("%s packet for %s failed: %s", packet.kind, packet.ps_guid, exc)
        return True

    def _stop(self, packet: OutOfProcPacket) -> None:
        try:
            if packet.pipeline_id is not None and self._session.has_pipeline(packet.pipeline_id):
                self._session.stop_pipeline(packet.pipeline_id)
        finally:
            self._send(OutOfProcPacket("SignalAck", packet.ps_guid))

    def _pump_data(self) -> None:
        while not self._finished.is_set():
            self._data_ready.wait()
            self._data_ready.clear()
            self._flush()

    def _flush(self) -> None:
        with self._flush_lock:
            for target, payload in self._session.take_any():
                self._send(OutOfProcPacket("Data", target or EMPTY_GUID, payload))

    def _send(self, packet: OutOfProcPacket) -> None:
        with self._write_lock:
            try:
                self._writer.write(packet.encode())
                self._writer.flush()
            except (BrokenPipeError, ValueError, OSError):
                self._finished.set()
