"""Every fault kind, injected at runtime through the Lab and seen through pypsrp."""

from __future__ import annotations

import socket
import time
from xml.etree import ElementTree

import pytest
import requests
from pypsrp.exceptions import WinRMTransportError
from pypsrp.powershell import PowerShell, RunspacePool

from hvmanager.simulator.lab import Lab

from integration.simulator.wsman_client import client_for
from integration.simulator.toy_backend import toy_backend


def _run(pool: RunspacePool, count: int = 1) -> int:
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-Toy").add_parameter("Count", count)
    return len(ps.invoke())


def _open_timed(lab: Lab) -> float:
    started = time.perf_counter()
    with RunspacePool(client_for(lab.hosts[0])) as pool:
        _run(pool)
    return time.perf_counter() - started


def _raw_answer_time(lab: Lab) -> float:
    host = lab.hosts[0]
    with socket.create_connection((host.address, host.port), timeout=5) as connection:
        started = time.perf_counter()
        connection.sendall(b"POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        assert connection.recv(12).startswith(b"HTTP/1.1 401")
        return time.perf_counter() - started


def test_latency_is_added_to_every_answer(toy_lab: Lab) -> None:
    toy_lab.set_fault("HV01", "latency", latency_ms=150)
    assert all(_raw_answer_time(toy_lab) >= 0.15 for _ in range(3))
    # open + run + close is at least 8 answers (auth legs, create, receives, command, delete).
    assert _open_timed(toy_lab) >= 8 * 0.15
    toy_lab.clear_faults("HV01")
    assert toy_lab.hosts[0].server.faults.get("latency") is None


def test_lab_latency_argument() -> None:
    with Lab(backend=toy_backend, latency_ms=25) as lab:
        assert lab.hosts[0].server.faults.get("latency") == {"latency_ms": 25}


def test_blackhole_accepts_but_never_answers(toy_lab: Lab) -> None:
    toy_lab.set_fault("HV01", "blackhole")
    connection = client_for(toy_lab.hosts[0], read_timeout=1)
    with pytest.raises(requests.exceptions.ReadTimeout):
        RunspacePool(connection).open()
    toy_lab.clear_faults("HV01", "blackhole")
    assert _open_timed(toy_lab) < 5


def test_refused_closes_the_port_and_clearing_reopens_it(toy_lab: Lab) -> None:
    host = toy_lab.hosts[0]
    toy_lab.set_fault("HV01", "refused")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((host.address, host.port), timeout=2).close()
    with pytest.raises(requests.exceptions.ConnectionError):
        RunspacePool(client_for(host)).open()
    toy_lab.clear_faults("HV01")
    assert _open_timed(toy_lab) < 5


def test_reset_in_the_middle_of_a_receive(toy_lab: Lab) -> None:
    pool = RunspacePool(client_for(toy_lab.hosts[0]))
    pool.open()
    toy_lab.set_fault("HV01", "reset", times=1)
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-Toy")
    with pytest.raises(requests.exceptions.ConnectionError):
        ps.invoke()
    assert toy_lab.hosts[0].server.faults.get("reset") is None  # times=1 used it up
    assert _open_timed(toy_lab) < 5


def test_http_500_with_a_garbage_body(toy_lab: Lab) -> None:
    toy_lab.set_fault("HV01", "http500")
    with pytest.raises(WinRMTransportError) as error:
        RunspacePool(client_for(toy_lab.hosts[0])).open()
    assert error.value.code == 500
    assert "<html>" in error.value.response_text


def test_malformed_xml(toy_lab: Lab) -> None:
    toy_lab.set_fault("HV01", "malformed_xml")
    with pytest.raises(ElementTree.ParseError):
        RunspacePool(client_for(toy_lab.hosts[0])).open()
    toy_lab.clear_faults("HV01")
    assert _open_timed(toy_lab) < 5


def test_slow_cmdlets_set_the_model_delay(toy_lab: Lab, pool: RunspacePool) -> None:
    model = toy_lab.hosts[0].model
    toy_lab.set_fault("HV01", "slow_cmdlets", delay_s=0.6)
    assert model.cmdlet_delay_s == 0.6
    started = time.perf_counter()
    assert _run(pool) == 1
    assert time.perf_counter() - started >= 0.6
    toy_lab.clear_faults("HV01", "slow_cmdlets")
    assert model.cmdlet_delay_s == 0.0


@pytest.mark.parametrize("kind", ["expired_cert", "wrong_name_cert"])
def test_bad_certificates_fail_validation(toy_https_lab: Lab, kind: str) -> None:
    toy_https_lab.set_fault("HV01", kind)
    with pytest.raises(requests.exceptions.SSLError):
        RunspacePool(client_for(toy_https_lab.hosts[0])).open()
    toy_https_lab.clear_faults("HV01")
    assert _open_timed(toy_https_lab) < 5


def test_faults_given_at_start() -> None:
    faults = ["HV02=refused", "HV01=latency:30", "HV01=reset:2", "HV01=slow_cmdlets:0.25"]
    with Lab(hosts=2, backend=toy_backend, faults=faults) as lab:
        assert lab.hosts[0].server.listening and not lab.hosts[1].server.listening
        assert lab.hosts[0].server.faults.active() == {"latency": {"latency_ms": 30}, "reset": {"times": 2},
                                                       "slow_cmdlets": {"delay_s": 0.25}}
        assert lab.hosts[0].model.cmdlet_delay_s == 0.25
    for bad in ("HV01=nonsense", "HV01=latency", "HV01=latency:fast", "HV01=refused:3", "HV01"):
        with pytest.raises(ValueError):
            Lab(backend=toy_backend, faults=[bad])


def test_ipv6_loopback_over_http_and_https() -> None:
    for transport in ("http", "https"):
        with Lab(backend=toy_backend, bind="::1", transport=transport) as lab:
            assert lab.hosts[0].url.startswith(f"{transport}://[::1]:")
            assert _open_timed(lab) < 5


def test_restart_keeps_the_port_and_reboots_the_model(toy_https_lab: Lab) -> None:
    host = toy_https_lab.hosts[0]
    port = host.port
    pool = RunspacePool(client_for(host))
    pool.open()
    toy_https_lab.restart_host("HV01", new_certificate=True)
    assert host.port == port and host.model.restarts == 1
    with pytest.raises(Exception):
        _run(pool)  # the old shell is gone, like after a reboot
    assert _open_timed(toy_https_lab) < 5


def test_stop_is_bounded_with_busy_connections() -> None:
    lab = Lab(backend=toy_backend)
    lab.start()
    host = lab.hosts[0]
    host.set_fault("blackhole")
    hanging = socket.create_connection((host.address, host.port))
    hanging.sendall(b"POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
    hanging.settimeout(0.3)
    with pytest.raises(TimeoutError):
        hanging.recv(1)  # held open, never answered
    hanging.settimeout(5)
    started = time.perf_counter()
    lab.stop()
    assert time.perf_counter() - started < 5
    try:
        assert hanging.recv(1) == b""  # closed by the lab
    except ConnectionResetError:
        pass
    hanging.close()
