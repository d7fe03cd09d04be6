"""The out-of-process stdio mode, driven by psrpcore's client over OutOfProc packets."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from psrpcore.types import PSInvocationState

from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.stdio.out_of_proc_packet import EMPTY_GUID, OutOfProcPacket, PacketError
from hvmanager.simulator.stdio.stdio_server import StdioServer

from integration.simulator.out_of_proc_peer import OutOfProcPeer
from integration.simulator.toy_backend import ToyHost, toy_backend


@pytest.fixture
def served() -> Iterator[tuple[OutOfProcPeer, ToyHost, threading.Thread]]:
    """A StdioServer on a pair of pipes, as a child process's stdin/stdout would be."""
    to_server_r, to_server_w = os.pipe()
    from_server_r, from_server_w = os.pipe()
    backend = toy_backend(HostSpec("HV01"), 1, 1.0)
    server_in, server_out = os.fdopen(to_server_r, "rb"), os.fdopen(from_server_w, "wb")
    server = StdioServer(backend.runner, server_in, server_out)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    client_in, client_out = os.fdopen(to_server_w, "wb"), os.fdopen(from_server_r, "rb")
    peer = OutOfProcPeer(client_in, client_out)
    yield peer, backend.model, thread
    client_in.close()
    thread.join(5)
    server_out.close()
    server_in.close()
    client_out.close()


def test_packet_framing_round_trip() -> None:
    guid = EMPTY_GUID
    line = OutOfProcPacket("Data", guid, b"\x00\x01abc").encode()
    assert line == b"<Data Stream='Default' PSGuid='00000000-0000-0000-0000-000000000000'>AAFhYmM=</Data>\n"
    assert OutOfProcPacket.parse(line) == OutOfProcPacket("Data", guid, b"\x00\x01abc")
    assert OutOfProcPacket.parse(b"<CloseAck PSGuid='00000000-0000-0000-0000-000000000000' />").kind == "CloseAck"
    with pytest.raises(PacketError):
        OutOfProcPacket.parse(b"<Nonsense />")


def test_open_run_and_close(served: tuple[OutOfProcPeer, ToyHost, threading.Thread]) -> None:
    peer, _, thread = served
    peer.open()
    assert any(a.kind == "DataAck" and a.ps_guid == EMPTY_GUID for a in peer.acks)
    ps = peer.start("Get-Toy", Count=3, Fail=True)
    result = peer.finish(ps)
    assert result.state == PSInvocationState.Completed
    assert [o.Name for o in result.output] == ["HV01-vm000", "HV01-vm001", "HV01-vm002"]
    assert result.errors[0].FullyQualifiedErrorId == "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM"
    assert result.errors[0].InvocationInfo.MyCommand.Name == "Get-VM"
    peer.close_pipeline(ps)
    peer.close()
    thread.join(5)
    assert not thread.is_alive()


def test_input_terminating_error_and_large_output(served: tuple[OutOfProcPeer, ToyHost, threading.Thread]) -> None:
    peer, _, _ = served
    peer.open()
    echo = peer.finish(peer.start("Echo", input_objects=["x", 2]))
    assert echo.output == ["x", 2]
    failed = peer.finish(peer.start("Throw"))
    assert failed.state == PSInvocationState.Failed
    assert failed.errors[-1].FullyQualifiedErrorId.startswith("InvalidState,")
    many = peer.finish(peer.start("Get-Toy", Count=800))
    assert len(many.output) == 800


def test_signal_stops_a_pipeline(served: tuple[OutOfProcPeer, ToyHost, threading.Thread]) -> None:
    peer, model, _ = served
    peer.open()
    ps = peer.start("Wait-Forever")
    time.sleep(0.1)
    peer.send(OutOfProcPacket("Signal", ps.pipeline_id))
    result = peer.finish(ps)
    assert result.state == PSInvocationState.Stopped
    assert model.cancelled.is_set()
    peer.wait_ack("SignalAck", ps.pipeline_id)


def test_end_of_stdin_ends_the_server(served: tuple[OutOfProcPeer, ToyHost, threading.Thread]) -> None:
    peer, _, thread = served
    peer.open()
    peer.start("Wait-Forever")
    peer._to_server.close()
    thread.join(5)
    assert not thread.is_alive()
