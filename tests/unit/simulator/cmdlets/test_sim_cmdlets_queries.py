"""Get-VM, Get-VMSnapshot, Get-VMHardDiskDrive, Get-VMNetworkAdapter, integration services, Get-VMHost."""

from __future__ import annotations

import uuid

import pytest

from hvmanager.simulator.hyperv.localisation import GUEST_SERVICE, HEARTBEAT, SHUTDOWN
from hvmanager.simulator.hyperv.sim_host import SimHost

from unit.simulator.sim_engine_harness import cmd, fast_host, run, wire

_HV = "Microsoft.HyperV.PowerShell.Commands."


def _names(outcome) -> list[str]:
    return [wire(o).adapted_properties["Name"] for o in outcome.output]


def test_get_vm_all_by_name_wildcard_and_positional() -> None:
    host = SimHost("HV01")
    for name in ("web1", "web2", "db1"):
        host.add_vm(name)
    assert _names(run(host, cmd("Get-VM"))) == ["db1", "web1", "web2"]  # all: ordered by name
    assert _names(run(host, cmd("Get-VM", Name="WEB*"))) == ["web1", "web2"]
    assert _names(run(host, cmd("Get-VM", "db?"))) == ["db1"]
    assert _names(run(host, cmd("Get-VM", Name=["db1", "web1"]))) == ["db1", "web1"]
    assert run(host, cmd("Get-VM", Name="zz*")).errors == []


def test_get_vm_by_id_and_unknown_id() -> None:
    host = SimHost("HV01")
    vm = host.add_vm("a")
    assert _names(run(host, cmd("Get-VM", Id=vm.vm_id))) == ["a"]
    assert _names(run(host, cmd("Get-VM", Id=str(vm.vm_id)))) == ["a"]
    missing = run(host, cmd("Get-VM", Id=uuid.uuid4()))
    assert missing.error_ids == ["ObjectNotFound," + _HV + "GetVM"]
    assert _names(run(host, cmd("Get-VM"), inputs=[vm.vm_id])) == ["a"]  # -Id from the pipeline
    assert missing.errors[0].message.startswith("Hyper-V was unable to find a virtual machine with id")


def test_get_vm_name_not_found_record() -> None:
    [error] = run(SimHost("HV01"), cmd("Get-VM", Name="ghost")).errors
    assert error.fully_qualified_error_id == "InvalidParameter," + _HV + "GetVM"
    assert error.category == "InvalidArgument" and error.target_object == "ghost"
    assert error.message == 'Hyper-V was unable to find a virtual machine with name "ghost".'
    assert error.exception_types[0] == "Microsoft.HyperV.PowerShell.VirtualizationException"


def test_duplicate_names_return_both_vms() -> None:
    host = SimHost("HV01")
    first, second = host.add_vm("twin"), host.add_vm("twin")
    ids = [wire(o).adapted_properties["Id"] for o in run(host, cmd("Get-VM", "twin")).output]
    assert ids == [first.vm_id, second.vm_id]


def test_hostile_names_round_trip() -> None:
    host = fast_host(20, seed=3)
    for vm in host.vms:
        if "[" in vm.name or "*" in vm.name or "?" in vm.name:
            continue
        found = run(host, cmd("Get-VM", Name=vm.name))
        assert vm.vm_id in [wire(o).adapted_properties["Id"] for o in found.output]


def test_get_vm_snapshot_by_vm_name_and_pipeline() -> None:
    host = SimHost("HV01", time_scale=0.01)
    vm = host.add_vm("vm")
    run(host, cmd("Checkpoint-VM", "vm", SnapshotName="base"))
    run(host, cmd("Checkpoint-VM", "vm", SnapshotName="later"))
    by_name = run(host, cmd("Get-VMSnapshot", VMName="vm"))
    piped = run(host, cmd("Get-VM", Id=vm.vm_id), cmd("Get-VMSnapshot"))
    positional = run(host, cmd("Get-VMSnapshot", "vm", "lat*"))
    assert _names(by_name) == _names(piped) == ["base", "later"]
    assert _names(positional) == ["later"]
    later = wire(piped.output[1])
    assert later.types[0] == "Microsoft.HyperV.PowerShell.VMSnapshot"
    assert later.adapted_properties["ParentSnapshotName"] == "base"
    assert later.adapted_properties["SnapshotType"].to_string == "Standard"
    assert later.adapted_properties["IsAutomaticCheckpoint"] is False


def test_get_vm_snapshot_without_a_vm_is_missing_mandatory() -> None:
    outcome = run(SimHost("HV01"), cmd("Get-VMSnapshot"))
    assert outcome.failure.fully_qualified_error_id == "MissingMandatoryParameter," + _HV + "GetVMSnapshot"


def test_hard_disk_drives_gen1_ide_gen2_scsi() -> None:
    host = SimHost("HV01")
    gen1, gen2 = host.add_vm("g1", generation=1), host.add_vm("g2")
    ide = wire(run(host, cmd("Get-VM", Id=gen1.vm_id), cmd("Get-VMHardDiskDrive")).output[0])
    scsi = wire(run(host, cmd("Get-VMHardDiskDrive", VMName="g2")).output[0])
    assert ide.adapted_properties["ControllerType"].to_string == "IDE"
    assert scsi.adapted_properties["ControllerType"].to_string == "SCSI"
    assert (scsi.adapted_properties["ControllerNumber"], scsi.adapted_properties["ControllerLocation"]) == (0, 0)
    assert run(host, cmd("Get-VMHardDiskDrive", VMName="g2", ControllerType="IDE")).output == []
    assert scsi.adapted_properties["VMName"] == "g2" and scsi.adapted_properties["VMId"] == gen2.vm_id


def test_network_adapters_report_ips_only_while_the_guest_runs() -> None:
    host = SimHost("HV01", time_scale=0.01)
    vm = host.add_vm("vm", boot_seconds=0)
    off = wire(run(host, cmd("Get-VMNetworkAdapter", VMName="vm")).output[0])
    assert list(off.adapted_properties["IPAddresses"]) == []
    run(host, cmd("Start-VM", "vm"))
    on = wire(run(host, cmd("Get-VM", Id=vm.vm_id), cmd("Get-VMNetworkAdapter")).output[0])
    assert list(on.adapted_properties["IPAddresses"]) == ["172.20.0.10"]
    assert len(run(host, cmd("Get-VMNetworkAdapter", All=True)).output) == 1


def test_integration_services_enable_disable_from_the_pipeline() -> None:
    host = SimHost("HV01")
    vm = host.add_vm("vm", state="Running")
    services = run(host, cmd("Get-VM", Id=vm.vm_id), cmd("Get-VMIntegrationService"))
    assert len(services.output) == 6
    guest = [o for o in services.output if wire(o).adapted_properties["Id"].endswith(GUEST_SERVICE)]
    outcome = run(host, cmd("Enable-VMIntegrationService", Passthru=True), inputs=guest)
    assert wire(outcome.output[0]).adapted_properties["Enabled"] is True and vm.ic_enabled[GUEST_SERVICE]
    run(host, cmd("Get-VMIntegrationService", VMName="vm", Name="Shut*"), cmd("Disable-VMIntegrationService"))
    assert vm.ic_enabled[SHUTDOWN] is False


def test_integration_services_by_name_with_vm_name_and_german_names() -> None:
    host = SimHost("HV02", locale="de-DE")
    vm = host.add_vm("vm")
    run(host, cmd("Disable-VMIntegrationService", "Takt", "vm"))
    assert vm.ic_enabled[HEARTBEAT] is False
    # An English name on a German host matches nothing, silently (why clients key on the GUID).
    missing = run(host, cmd("Enable-VMIntegrationService", Name="Heartbeat", VMName="vm"))
    assert missing.errors == [] and vm.ic_enabled[HEARTBEAT] is False
    names = _names(run(host, cmd("Get-VMIntegrationService", VMName="vm")))
    assert "Takt" in names and "Heartbeat" not in names


def test_get_vm_host() -> None:
    [out] = run(SimHost("HV01"), cmd("Get-VMHost")).output
    host_object = wire(out)
    assert host_object.adapted_properties["Name"] == "HV01"
    assert host_object.adapted_properties["LogicalProcessorCount"] > 0
    assert host_object.adapted_properties["VirtualMachinePath"].startswith("C:\\")


@pytest.mark.parametrize("command", [
    cmd("Get-VM"), cmd("Get-VMHost"), cmd("Start-VM", "a"), cmd("Get-VMSnapshot", "a"),
    cmd("Get-VMIntegrationService", "a"), cmd("Get-VMHardDiskDrive", "a"), cmd("Get-VMNetworkAdapter", "a"),
    cmd("Stop-VM", "a", TurnOff=True), cmd("Checkpoint-VM", "a"), cmd("Rename-VM", "a", "b"),
])
def test_every_hyperv_cmdlet_fails_while_vmms_is_stopped(command) -> None:
    host = SimHost("HV07", time_scale=0.001)
    host.add_vm("a")
    host.set_service_running("vmms", False)
    host.set_service_running("vmms", False)
    import time
    time.sleep(0.01)
    outcome = run(host, command)
    [error] = outcome.errors
    assert error.fully_qualified_error_id.startswith("ObjectNotFound," + _HV)
    assert error.category == "ObjectNotFound"
    assert error.message == (
        "Hyper-V encountered an error trying to access an object on computer 'HV07' because the "
        "object was not found. The object might have been deleted. Verify that the Virtual Machine "
        "Management service on the computer is running.")
    assert outcome.output == []
