"""The app's refresh, sent again and again, always shows the host as it is now.

The lab shortcuts the refresh (decoded pipelines, per-shape selection plans, shared
numbers, strings serialised directly); these tests change the VMs between refreshes
through actions, faults, the vmms service and a host restart, over the wire.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest
from pypsrp.powershell import PowerShell, RunspacePool

from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.lab import Lab
from hvmanager.simulator.wsman import fault_plan as fp

from integration.simulator.wsman_client import client_for

_COLUMNS = ["Id", "Name", "State", "CPUUsage", "MemoryAssigned", "Uptime", "Generation"]


@pytest.fixture
def lab() -> Iterator[Lab]:
    with Lab([HostSpec("HV01", vm_count=6)], seed=11, time_scale=0.01) as running:
        yield running


def _run(pool: RunspacePool, *commands: tuple[str, dict]) -> PowerShell:
    ps = PowerShell(pool)
    for name, parameters in commands:
        ps.add_cmdlet(name)
        for key, value in parameters.items():
            ps.add_parameter(key, value)
    ps.invoke()
    return ps


def _refresh(pool: RunspacePool) -> dict[str, dict[str, str]]:
    ps = _run(pool, ("Get-VM", {}), ("Select-Object", {"Property": _COLUMNS}),
              ("ConvertTo-Csv", {"NoTypeInformation": True}))
    assert not ps.had_errors, ps.streams.error
    return {row["Id"]: row for row in csv.DictReader(ps.output)}


def _on_vm(pool: RunspacePool, vm_id: str, cmdlet: str, **parameters: object) -> None:
    ps = _run(pool, ("Get-VM", {"Id": vm_id}), (cmdlet, parameters))
    assert not ps.had_errors, ps.streams.error


def test_actions_show_in_the_next_refresh(lab: Lab) -> None:
    with RunspacePool(client_for(lab.hosts[0])) as pool:
        before = _refresh(pool)
        vm_id, row = next((i, r) for i, r in before.items() if r["State"] == "Running")
        assert row["CPUUsage"] != "0" and row["MemoryAssigned"] != "0" and row["Uptime"] != "00:00:00"
        _on_vm(pool, vm_id, "Stop-VM", TurnOff=True)
        off = _refresh(pool)[vm_id]
        assert (off["State"], off["CPUUsage"], off["MemoryAssigned"], off["Uptime"]) == ("Off", "0", "0", "00:00:00")
        _on_vm(pool, vm_id, "Start-VM")
        again = _refresh(pool)[vm_id]
        assert again["State"] == "Running" and again["MemoryAssigned"] != "0"
        _on_vm(pool, vm_id, "Rename-VM", NewName="renamed-vm")
        after = _refresh(pool)
        assert after[vm_id]["Name"] == "renamed-vm"
        assert {i: r["Name"] for i, r in after.items() if i != vm_id} == \
            {i: r["Name"] for i, r in before.items() if i != vm_id}
        assert lab.message_cache.hits == 3  # the same refresh message, decoded the first time only


def test_vmms_stopped_and_started_between_refreshes(lab: Lab) -> None:
    with RunspacePool(client_for(lab.hosts[0])) as pool:
        before = _refresh(pool)
        assert not _run(pool, ("Stop-Service", {"Name": "vmms"})).had_errors
        stopped = _run(pool, ("Get-VM", {}), ("Select-Object", {"Property": _COLUMNS}),
                       ("ConvertTo-Csv", {"NoTypeInformation": True}))
        assert stopped.output == []
        assert stopped.streams.error[0].fq_error.startswith("ObjectNotFound")
        assert not _run(pool, ("Start-Service", {"Name": "vmms"})).had_errors
        assert {i: r["Name"] for i, r in _refresh(pool).items()} == {i: r["Name"] for i, r in before.items()}


def test_faults_and_a_restart_between_refreshes(lab: Lab) -> None:
    host = lab.hosts[0]
    with RunspacePool(client_for(host)) as pool:
        before = _refresh(pool)
        host.set_fault(fp.WRONG_TYPES)
        hostile = _run(pool, ("Get-VM", {}), ("Select-Object", {"Property": _COLUMNS}),
                       ("ConvertTo-Csv", {"NoTypeInformation": True}))
        assert hostile.output and not any(isinstance(o, str) for o in hostile.output)  # the forged VMs
        host.clear_faults(fp.WRONG_TYPES)
        assert _refresh(pool).keys() == before.keys()
    host.restart()
    with RunspacePool(client_for(host)) as pool:
        after = _refresh(pool)
    assert {i: r["Name"] for i, r in after.items()} == {i: r["Name"] for i, r in before.items()}
