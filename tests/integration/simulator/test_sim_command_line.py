"""The command line contract: JSON lines, the ready line, clean exit on SIGINT/SIGTERM."""

from __future__ import annotations

import io
import json
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypsrp.powershell import PowerShell, RunspacePool
from pypsrp.wsman import WSMan

from hvmanager.simulator.command_line import build_parser, lab_from_args, serve_lab
from hvmanager.simulator.lab import Lab

from integration.simulator.out_of_proc_peer import OutOfProcPeer
from integration.simulator.toy_backend import toy_backend

_REPO = Path(__file__).resolve().parents[3]


class _Lines(io.StringIO):
    """Collects printed lines; lets a test wait for the ready line."""

    def __init__(self) -> None:
        super().__init__()
        self.ready = threading.Event()

    def flush(self) -> None:
        if '"ready": true' in self.getvalue():
            self.ready.set()


def _serve(argv: list[str]) -> tuple[list[dict], threading.Event, threading.Thread]:
    args = build_parser().parse_args(argv)
    lab = lab_from_args(args, backend=toy_backend)
    out, stop = _Lines(), threading.Event()
    thread = threading.Thread(target=serve_lab, args=(lab, out, stop), daemon=True)
    thread.start()
    assert out.ready.wait(10)
    return [json.loads(line) for line in out.getvalue().splitlines()], stop, thread


def test_json_lines_then_ready() -> None:
    lines, stop, thread = _serve(["--hosts", "2", "--port", "0", "--user", "bob", "--password", "Pw-123456"])
    try:
        assert lines[-1] == {"ready": True}
        assert [line["name"] for line in lines[:-1]] == ["HV01", "HV02"]
        first = lines[0]
        assert set(first) == {"name", "url", "transport", "user", "password", "ca_file"}
        assert first["transport"] == "http" and first["ca_file"] is None and first["user"] == "bob"
        assert first["url"].startswith("http://127.0.0.1:") and first["url"].endswith("/wsman")
        port = int(first["url"].rsplit(":", 1)[1].split("/")[0])
        connection = WSMan("127.0.0.1", port=port, username="bob", password="Pw-123456", ssl=False, auth="ntlm",
                           cert_validation=False)
        with RunspacePool(connection) as pool:
            ps = PowerShell(pool)
            ps.add_cmdlet("Get-Toy")
            assert len(ps.invoke()) == 3
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_https_prints_the_ca_file_and_fixed_ports_count_up(unused_port_pair: int) -> None:
    lines, stop, thread = _serve(["--hosts", "2", "--https", "--port", str(unused_port_pair)])
    try:
        assert lines[0]["url"] == f"https://127.0.0.1:{unused_port_pair}/wsman"
        assert lines[1]["url"] == f"https://127.0.0.1:{unused_port_pair + 1}/wsman"
        assert lines[0]["ca_file"] and open(lines[0]["ca_file"]).read().startswith("-----BEGIN CERTIFICATE")
        assert lines[0]["password"]  # generated
    finally:
        stop.set()
        thread.join(10)


def test_demo_specs_and_faults() -> None:
    args = build_parser().parse_args(["--demo", "--fault", "HV02=blackhole", "--latency-ms", "5"])
    lab = lab_from_args(args, backend=toy_backend)
    assert [(s.name, s.locale, s.profile) for s in lab.specs] == [
        ("HV01", "en-US", "standard"), ("HV02", "de-DE", "standard"), ("HV03", "en-US", "legacy")]
    assert sum(s.vm_count for s in lab.specs) == 25
    with lab:
        assert lab.host("HV02").server.faults.get("blackhole") == {}
        assert lab.host("hv01").server.faults.get("latency") == {"latency_ms": 5}


@pytest.fixture
def unused_port_pair() -> int:
    """Two consecutive free ports (probed by binding, then released)."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            try:
                with socket.socket() as second:
                    second.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no two consecutive free ports")


def test_lab_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        Lab(backend=toy_backend, transport="ftp")
    with pytest.raises(ValueError):
        Lab(backend=toy_backend, faults={"HV01": "melted"})


_TOY_MAIN = (
    "import sys; sys.path.insert(0, 'tests');"
    "from hvmanager.simulator.command_line import main;"
    "from integration.simulator.toy_backend import toy_backend;"
    "sys.exit(main(sys.argv[1:], backend=toy_backend))"
)


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_process_serves_until_a_signal_and_exits_zero(stop_signal: int) -> None:
    process = subprocess.Popen([sys.executable, "-c", _TOY_MAIN, "--hosts", "2"], cwd=_REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [json.loads(process.stdout.readline()) for _ in range(3)]
        assert lines[2] == {"ready": True}
        with socket.create_connection(("127.0.0.1", int(lines[1]["url"].split(":")[2].split("/")[0])), 2):
            pass
        process.send_signal(stop_signal)
        assert process.wait(10) == 0
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def test_stdio_process_speaks_out_of_proc() -> None:
    process = subprocess.Popen([sys.executable, "-c", _TOY_MAIN, "--stdio"], cwd=_REPO,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        peer = OutOfProcPeer(process.stdin, process.stdout)
        peer.open()
        result = peer.finish(peer.start("Get-Toy", Count=2))
        assert [o.Name for o in result.output] == ["HV01-vm000", "HV01-vm001"]
        peer.close()
        assert process.wait(10) == 0
    finally:
        process.kill()
        process.wait()
        process.stdin.close()
        process.stdout.close()
        process.stderr.close()
