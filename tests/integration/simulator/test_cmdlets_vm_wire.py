"""Hyper-V cmdlets end to end: pypsrp -> WinRM/NTLM -> PSRP -> CommandEngine -> SimHost."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pypsrp.powershell import RunspacePool

from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.hyperv.localisation import GUEST_SERVICE, HEARTBEAT, SHUTDOWN
from hvmanager.simulator.lab import Lab

from integration.simulator.cmdlet_wire_client import invoke, props
from integration.simulator.conftest import client_for

_HV = "Microsoft.HyperV.PowerShell."
_CMD = _HV + "Commands."
_GB = 1024 ** 3


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with Lab([HostSpec("HV01", vm_count=12)], seed=3, time_scale=0.02) as running:
        yield running


@pytest.fixture(scope="module")
def pool(lab: Lab) -> Iterator[RunspacePool]:
    with RunspacePool(client_for(lab.host("HV01"))) as opened:
        yield opened


@pytest.fixture
def model(lab: Lab):
    return lab.host("HV01").model


def _vm(model, state: str = "Off", **kwargs):
    return model.add_vm(f"wire-{uuid.uuid4().hex[:8]}", state=state, boot_seconds=0.0, **kwargs)


def _by_id(vm) -> tuple[str, dict]:
    return ("Get-VM", {"Id": vm.vm_id})


def test_full_vm_objects_as_a_windows_host_sends_them(pool, model) -> None:
    result = invoke(pool, ("Get-VM", {}))
    assert len(result.output) == len(model.vms) and not result.errors
    vm = result.output[0]
    assert vm.types == [_HV + "VirtualMachine", _HV + "VirtualMachineBase", _HV + "ComputeResource",
                        _HV + "VirtualizationObject", "System.Object"]
    values = props(vm)
    assert isinstance(values["Id"], uuid.UUID) and values["VMId"] == values["Id"]
    assert values["State"].types[:2] == [_HV + "VMState", "System.Enum"]
    assert values["State"].to_string in ("Running", "Off", "Saved", "Paused")
    assert values["Uptime"].startswith("P") and values["Version"] in ("5.0", "8.0", "9.0", "9.3", "10.0", "11.0", "12.0")
    assert values["ComputerName"] == "HV01" and values["IntegrationServicesVersion"] == "0.0"


def test_hostile_names_survive_the_wire(pool, model) -> None:
    names = [props(o)["Name"] for o in invoke(pool, ("Get-VM", {})).output]
    assert names == sorted((vm.name for vm in model.vms), key=str.casefold)  # Get-VM orders by name
    assert any("\n" in n for n in names) and any(len(n) >= 1000 for n in names)
    assert any("$(" in n for n in names) and len(set(names)) < len(names)


def test_selected_properties(pool) -> None:
    result = invoke(pool, ("Get-VM", {}), ("Select-Object", {"Property": ["Name", "State", "Generation", "VMId"]}))
    first = result.output[0]
    assert first.types == ["Selected." + _HV + "VirtualMachine", "System.Management.Automation.PSCustomObject",
                           "System.Object"]
    assert list(first.extended_properties) == ["Name", "State", "Generation", "VMId"]
    assert first.extended_properties["State"].property_sets[0] in (2, 3, 6, 9)


def test_start_by_id_pipeline_waits_for_running(pool, model) -> None:
    vm = _vm(model)
    result = invoke(pool, _by_id(vm), ("Start-VM", {"Passthru": None}))
    assert not result.errors and props(result.output[0])["State"].to_string == "Running"
    assert model.vm_state(vm).name == "Running"


@pytest.mark.parametrize(("cmdlet", "switches", "start", "end"), [
    ("Stop-VM", {"TurnOff": True}, "Running", "Off"),
    ("Stop-VM", {"Force": True}, "Running", "Off"),
    ("Stop-VM", {"Save": True}, "Running", "Saved"),
    ("Save-VM", {}, "Running", "Saved"),
    ("Suspend-VM", {}, "Running", "Paused"),
    ("Resume-VM", {}, "Paused", "Running"),
    ("Restart-VM", {"Force": True}, "Running", "Running"),
    ("Remove-VMSavedState", {}, "Saved", "Off"),
    ("Start-VM", {}, "Saved", "Running"),
])
def test_transitions(pool, model, cmdlet, switches, start, end) -> None:
    vm = _vm(model, start)
    result = invoke(pool, _by_id(vm), (cmdlet, switches))
    assert not result.errors and not result.had_errors
    assert model.vm_state(vm).name == end


@pytest.mark.parametrize(("cmdlet", "switches", "start"), [
    ("Suspend-VM", {}, "Off"), ("Suspend-VM", {}, "Saved"), ("Save-VM", {}, "Off"),
    ("Restart-VM", {"Force": True}, "Off"), ("Remove-VMSavedState", {}, "Running"),
    ("Stop-VM", {"Save": True}, "Off"), ("Resume-VM", {}, "Saved"),
])
def test_forbidden_transitions(pool, model, cmdlet, switches, start) -> None:
    vm = _vm(model, start)
    result = invoke(pool, _by_id(vm), (cmdlet, switches))
    [error] = result.errors
    assert error.fq_error == f"InvalidState,{_CMD}{cmdlet.replace('-', '')}"
    assert error.message.startswith("InvalidOperation: ")
    assert result.message() == "The operation cannot be performed while the object is in its current state."
    assert not result.had_errors  # non-terminating: only the error stream says so
    assert model.vm_state(vm).name == start


def test_errors_per_vm_do_not_stop_the_pipeline(pool, model) -> None:
    running, off = _vm(model, "Running"), _vm(model)
    result = invoke(pool, ("Get-VM", {"Name": [running.name, off.name]}), ("Suspend-VM", {"Passthru": None}))
    assert result.error_ids == ["InvalidState," + _CMD + "SuspendVM"]
    assert [props(o)["Name"] for o in result.output] == [running.name]


def test_shutdown_without_the_shutdown_service(pool, model) -> None:
    vm = _vm(model, "Running")
    model.set_integration_service(vm.vm_id, SHUTDOWN, False)
    result = invoke(pool, _by_id(vm), ("Stop-VM", {}))
    assert result.error_ids == ["HostFunctionNotImplemented," + _CMD + "StopVM"]
    assert "Shutdown integration service is unavailable" in result.message()
    model.set_integration_service(vm.vm_id, SHUTDOWN, True)
    assert invoke(pool, _by_id(vm), ("Stop-VM", {})).errors == []
    assert model.vm_state(vm).name == "Off"


def test_out_of_memory(pool, model) -> None:
    vm = _vm(model, memory_startup=model.info.memory_capacity * 2)
    result = invoke(pool, _by_id(vm), ("Start-VM", {}))
    assert result.error_ids == ["OutOfMemory," + _CMD + "StartVM"]
    assert result.message().startswith(f"'{vm.name}' failed to start.")
    assert result.errors[0].target_name == vm.name


def test_parameter_a_cmdlet_lacks_fails_the_pipeline(pool, model) -> None:
    vm = _vm(model)
    result = invoke(pool, ("Start-VM", {"Id": str(vm.vm_id)}))
    assert result.had_errors and result.error_ids == ["NamedParameterNotFound," + _CMD + "StartVM"]
    assert result.message() == "A parameter cannot be found that matches parameter name 'Id'."


def test_get_vm_name_not_found(pool) -> None:
    result = invoke(pool, ("Get-VM", {"Name": "no such vm"}))
    [error] = result.errors
    assert error.fq_error == "InvalidParameter," + _CMD + "GetVM"
    assert error.target_name == "no such vm" and error.reason == "VirtualizationException"
    assert result.message() == 'Hyper-V was unable to find a virtual machine with name "no such vm".'


def test_checkpoints_tree_rename_and_remove(pool, model) -> None:
    vm = _vm(model)
    invoke(pool, _by_id(vm), ("Checkpoint-VM", {"SnapshotName": "one"}))
    invoke(pool, _by_id(vm), ("Checkpoint-VM", {"SnapshotName": "two"}))
    snapshots = invoke(pool, _by_id(vm), ("Get-VMSnapshot", {}),
                       ("Select-Object", {"Property": ["Id", "Name", "ParentSnapshotId", "ParentSnapshotName",
                                                       "CreationTime", "SnapshotType", "IsAutomaticCheckpoint"]}))
    one, two = (props(o) for o in snapshots.output)
    assert (one["Name"], two["ParentSnapshotName"], two["ParentSnapshotId"]) == ("one", "one", one["Id"])
    assert two["SnapshotType"].to_string == "Standard" and two["IsAutomaticCheckpoint"] is False
    assert props(invoke(pool, _by_id(vm)).output[0])["ParentSnapshotName"] == "two"
    invoke(pool, _by_id(vm), ("Get-VMSnapshot", {}),
           ("Where-Object", {"Property": "Id", "EQ": True, "Value": one["Id"]}),
           ("Remove-VMSnapshot", {"Confirm": False}))
    assert [c.name for c in vm.checkpoints] == ["two"]
    renamed = invoke(pool, _by_id(vm), ("Rename-VM", {"NewName": "renamed 'x'", "Passthru": None}))
    assert props(renamed.output[0])["Name"] == "renamed 'x'"


def test_disks_adapters_and_integration_services(pool, model) -> None:
    gen1 = _vm(model, "Running", generation=1, uptime_s=600)
    [disk] = invoke(pool, _by_id(gen1), ("Get-VMHardDiskDrive", {})).output
    assert props(disk)["ControllerType"].to_string == "IDE" and props(disk)["Path"].endswith(".vhdx")
    [adapter] = invoke(pool, _by_id(gen1), ("Get-VMNetworkAdapter", {})).output
    assert props(adapter)["IPAddresses"] == ["172.20.0.10"] and props(adapter)["Connected"] is True
    services = invoke(pool, _by_id(gen1), ("Get-VMIntegrationService", {})).output
    by_guid = {props(s)["Id"].rsplit("\\", 1)[1]: s for s in services}
    assert set(by_guid) >= {HEARTBEAT, GUEST_SERVICE, SHUTDOWN}
    assert props(by_guid[HEARTBEAT])["PrimaryStatusDescription"] == "OK"
    guest_id = props(by_guid[GUEST_SERVICE])["Id"]
    invoke(pool, _by_id(gen1), ("Get-VMIntegrationService", {}),
           ("Where-Object", {"Property": "Id", "EQ": True, "Value": guest_id}), ("Enable-VMIntegrationService", {}))
    assert gen1.ic_enabled[GUEST_SERVICE] is True
    invoke(pool, ("Disable-VMIntegrationService", {"Name": "Heartbeat", "VMName": gen1.name}))
    assert gen1.ic_enabled[HEARTBEAT] is False


def test_get_vm_host(pool) -> None:
    [host] = invoke(pool, ("Get-VMHost", {})).output
    assert host.types[0] == _HV + "VMHost" and props(host)["Name"] == "HV01"
    assert props(host)["MemoryCapacity"] > 8 * _GB
