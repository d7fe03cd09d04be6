"""The lab with the real engine (SimHost + CommandEngine) behind the protocol, end to end."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypsrp.powershell import PowerShell, RunspacePool

from hvmanager.simulator.host_spec import DEMO_SPECS, HostSpec
from hvmanager.simulator.lab import Lab

from integration.simulator.wsman_client import client_for
from integration.simulator.out_of_proc_peer import OutOfProcPeer

_REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def engine_lab() -> Iterator[Lab]:
    """HTTP English host, HTTPS German host, legacy host: the demo's shape, smaller."""
    specs = [HostSpec("HV01", vm_count=6), HostSpec("HV02", vm_count=4, locale="de-DE", transport="https"),
             HostSpec("HV03", vm_count=3, profile="legacy")]
    with Lab(specs, seed=7, time_scale=20.0) as lab:
        yield lab


def _invoke(pool: RunspacePool, *commands: tuple[str, dict]) -> PowerShell:
    ps = PowerShell(pool)
    for name, parameters in commands:
        ps.add_cmdlet(name)
        for key, value in parameters.items():
            ps.add_parameter(key, value)
    ps.invoke()
    return ps


@pytest.mark.parametrize("name", ["HV01", "HV02", "HV03"])
def test_get_vm_full_and_selected(engine_lab: Lab, name: str) -> None:
    host = engine_lab.host(name)
    with RunspacePool(client_for(host, auth="ntlm")) as pool:
        full = _invoke(pool, ("Get-VM", {}))
        assert full.output
        assert full.output[0].types[0] == "Microsoft.HyperV.PowerShell.VirtualMachine"
        assert not full.streams.error
        selected = _invoke(pool, ("Get-VM", {}), ("Select-Object", {"Property": ["Name", "Generation"]}))
        assert len(selected.output) == len(full.output)
        assert selected.output[0].types[0] == "Selected.Microsoft.HyperV.PowerShell.VirtualMachine"


def test_vm_counts_follow_the_specs(engine_lab: Lab) -> None:
    for host, expected in zip(engine_lab.hosts, (6, 4, 3)):
        with RunspacePool(client_for(host)) as pool:
            assert len(_invoke(pool, ("Get-VM", {})).output) == expected


def test_a_message_sent_again_is_decoded_once_for_the_whole_lab() -> None:
    # The app's refresh is the same message for every host: the lab decodes it once, and
    # every host still runs it against its own VMs; another pipeline is decoded on its own.
    refresh = (("Get-VM", {}), ("Select-Object", {"Property": ["Name", "State"]}),
               ("ConvertTo-Csv", {"NoTypeInformation": True}))
    with Lab([HostSpec("HV01", vm_count=3), HostSpec("HV02", vm_count=5)], seed=3) as lab:
        pools = [RunspacePool(client_for(host)) for host in lab.hosts]
        try:
            for pool in pools:
                pool.open()
            lines = [_invoke(pool, *refresh).output for pool in pools + pools]
            named = _invoke(pools[0], ("Get-VM", {"Name": "*"}), ("Select-Object", {"Property": ["Name"]}))
        finally:
            for pool in pools:
                pool.close()
        assert [len(output) for output in lines] == [4, 6, 4, 6]  # the header and one line per VM
        assert lines[0] == lines[2] and lines[1] == lines[3] and lines[0][1:] != lines[1][1:5]
        assert sorted(o.extended_properties["Name"] for o in named.output) == \
            sorted(line.split('","')[0].strip('"') for line in lines[0][1:])
        # Two pipelines and the two pool-opening messages decoded; the second pool's opening
        # and three refreshes were not.
        assert (lab.message_cache.misses, lab.message_cache.hits) == (4, 5)


def test_engine_error_records_cross_the_wire(engine_lab: Lab) -> None:
    with RunspacePool(client_for(engine_lab.host("HV01"))) as pool:
        ps = _invoke(pool, ("Get-VM", {"Name": "no-such-vm"}))
        assert not ps.output
        [error] = ps.streams.error
        assert error.fq_error == "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM"
        assert error.invocation_name == "Get-VM"
        unknown = _invoke(pool, ("Get-Nothing", {}))
        assert unknown.had_errors
        assert "CommandNotFoundException" in unknown.streams.error[0].fq_error


def test_slow_cmdlets_fault_reaches_the_sim_host(engine_lab: Lab) -> None:
    host = engine_lab.host("HV01")
    engine_lab.set_fault("HV01", "slow_cmdlets", delay_s=0.5)
    try:
        assert host.model.cmdlet_delay_s == 0.5
        with RunspacePool(client_for(host)) as pool:
            started = time.perf_counter()
            _invoke(pool, ("Get-VM", {}))
            assert time.perf_counter() - started >= 0.5
    finally:
        engine_lab.clear_faults("HV01")
    assert host.model.cmdlet_delay_s == 0.0


def test_demo_specs_are_the_three_demo_hosts() -> None:
    assert [s.locale for s in DEMO_SPECS] == ["en-US", "de-DE", "en-US"]
    assert DEMO_SPECS[2].profile == "legacy"


def test_command_line_process_with_the_engine() -> None:
    process = subprocess.Popen([sys.executable, "-m", "hvmanager.simulator", "--hosts", "2", "--vms-per-host", "3"],
                               cwd=_REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [json.loads(process.stdout.readline()) for _ in range(3)]
        assert [line.get("name") for line in lines] == ["HV01", "HV02", None] and lines[2] == {"ready": True}
        process.send_signal(signal.SIGINT)
        assert process.wait(15) == 0
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def test_stdio_process_with_the_engine() -> None:
    process = subprocess.Popen([sys.executable, "-m", "hvmanager.simulator", "--stdio", "--vms-per-host", "4"],
                               cwd=_REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        peer = OutOfProcPeer(process.stdin, process.stdout)
        peer.open()
        result = peer.finish(peer.start("Get-VM"))
        assert len(result.output) == 4
        # psrpcore, like PowerShell, adds the Deserialized. prefix on the client side.
        assert result.output[0].PSTypeNames[0] == "Deserialized.Microsoft.HyperV.PowerShell.VirtualMachine"
        peer.close()
        assert process.wait(10) == 0
    finally:
        process.kill()
        process.wait()
        process.stdin.close()
        process.stdout.close()
        process.stderr.close()
