"""The objects as the client sees them: psrpcore serialises, pypsrp's deserialiser reads."""

from __future__ import annotations

import datetime
import uuid
import xml.etree.ElementTree as ET

from psrpcore.types import serialize

from hvmanager.simulator.hyperv.device_object_builder import DeviceObjectBuilder
from hvmanager.simulator.hyperv.host_object_builder import HostObjectBuilder
from hvmanager.simulator.hyperv.localisation import GUEST_SERVICE, HEARTBEAT, KVP, SHUTDOWN
from hvmanager.simulator.hyperv.sim_host import SimHost
from hvmanager.simulator.hyperv.snapshot_object_builder import SnapshotObjectBuilder
from hvmanager.simulator.hyperv.vm_object_builder import VmObjectBuilder

from unit.simulator.sim_engine_harness import wire

_GB = 1024 ** 3
_HV = "Microsoft.HyperV.PowerShell."


def _vm_object(host: SimHost, vm) -> object:
    with host.lock:
        return wire(VmObjectBuilder(host).build(vm, host.now()))


def test_virtual_machine_type_names_to_string_and_scalars() -> None:
    host = SimHost("HV01")
    vm = host.add_vm("web01", state="Running", memory_startup=4 * _GB, uptime_s=3723.5,
                     notes="line1\nline2")
    obj = _vm_object(host, vm)
    assert obj.types == [_HV + "VirtualMachine", _HV + "VirtualMachineBase", _HV + "ComputeResource",
                         _HV + "VirtualizationObject", "System.Object"]
    assert obj.to_string == f"VirtualMachine (Name = 'web01') [Id = '{vm.vm_id}']"
    props = obj.adapted_properties
    assert props["Name"] == "web01" and props["Id"] == vm.vm_id
    assert obj.extended_properties["VMName"] == "web01" and obj.extended_properties["VMId"] == vm.vm_id
    assert props["MemoryStartup"] == 4 * _GB and props["MemoryAssigned"] == 4 * _GB
    assert props["ProcessorCount"] == 2 and props["Generation"] == 2
    assert props["Version"] == "10.0" and props["IntegrationServicesVersion"] == "0.0"
    assert props["Notes"] == "line1\nline2" and props["Status"] == "Operating normally"
    assert props["Uptime"].startswith("PT1H2M") and props["ComputerName"] == "HV01"
    created = datetime.datetime.fromisoformat(props["CreationTime"])
    assert created.utcoffset() is not None
    assert props["ParentSnapshotName"] is None and props["DynamicMemoryEnabled"] is False


def test_enums_are_objects_with_type_names_to_string_and_i32() -> None:
    host = SimHost("HV01")
    obj = _vm_object(host, host.add_vm("a", state="Saved"))
    state = obj.adapted_properties["State"]
    assert state.types == [_HV + "VMState", "System.Enum", "System.ValueType", "System.Object"]
    assert state.to_string == "Saved" and state.property_sets == [6]
    heartbeat = obj.adapted_properties["Heartbeat"]
    assert heartbeat.types[0] == _HV + "VMHeartbeatStatus" and heartbeat.to_string == "NoContact"
    checkpoint_type = obj.adapted_properties["CheckpointType"]
    assert (checkpoint_type.to_string, checkpoint_type.property_sets) == ("Production", [3])
    mode = obj.adapted_properties["ReplicationMode"]
    assert (mode.to_string, mode.property_sets) == ("None", [0])


def test_off_vm_has_null_heartbeat_and_zero_uptime() -> None:
    host = SimHost("HV01")
    obj = _vm_object(host, host.add_vm("a"))
    assert obj.adapted_properties["Heartbeat"] is None
    assert obj.adapted_properties["Uptime"] == "PT0S"
    assert obj.adapted_properties["CPUUsage"] == 0 and obj.adapted_properties["MemoryAssigned"] == 0


def test_nested_objects_travel_at_depth_one_as_to_strings() -> None:
    host = SimHost.generate("HV01", 3, 1)
    vm = host.vms[0]
    obj = _vm_object(host, vm)
    drives = obj.adapted_properties["HardDrives"]  # pypsrp gives lists as plain lists
    assert list(drives) == [f"HardDiskDrive (Name = '{d.name}', VMName = '{vm.name}') [VMId = '{vm.vm_id}']"
                            for d in vm.disks]
    assert "<T>Microsoft.HyperV.PowerShell.HardDiskDrive[]</T><T>System.Array</T>" in _clixml(host, vm)
    assert drives[0].startswith("HardDiskDrive (Name = 'Hard Drive on SCSI controller number 0 at location 0'")
    services = obj.adapted_properties["VMIntegrationService"]
    assert "<T>System.Collections.Generic.List`1[[" + _HV + "VMIntegrationComponent" in _clixml(host, vm)
    # pypsrp keeps a List`1 of a type it does not know as an object holding the raw <LST> XML.
    for kind, name in (("GuestServiceInterfaceComponent", "Guest Service Interface"),
                       ("VMIntegrationComponent", "Heartbeat"), ("DataExchangeComponent", "Key-Value Pair Exchange"),
                       ("ShutdownComponent", "Shutdown"), ("VMIntegrationComponent", "Time Synchronization"),
                       ("VMIntegrationComponent", "VSS")):
        assert f"<S>{kind} (Name = '{name}', VMName = '{vm.name}') [VMId = '{vm.vm_id}']</S>" \
            in services.property_sets[0]
    adapters = obj.adapted_properties["NetworkAdapters"].property_sets[0]
    assert adapters.count("<S>VMNetworkAdapter (Name = 'Network Adapter'") == len(vm.adapters)
    assert obj.adapted_properties["CimSession"] == "CimSession: ."


def _clixml(host: SimHost, vm) -> str:
    with host.lock:
        return ET.tostring(serialize(VmObjectBuilder(host).build(vm, host.now()), None)).decode()


def test_full_vm_object_stays_realistic_in_size() -> None:
    host = SimHost.generate("HV01", 3, 1)
    assert 4000 < len(_clixml(host, host.vms[0])) < 12000


def test_integration_services_by_guid_and_german_names() -> None:
    host = SimHost("HV02", locale="de-DE")
    vm = host.add_vm("a", state="Running", uptime_s=600)
    with host.lock:
        objects = [wire(o) for o in DeviceObjectBuilder(host).integration_services(vm, host.now())]
    by_guid = {o.adapted_properties["Id"].rsplit("\\", 1)[1]: o for o in objects}
    assert by_guid[HEARTBEAT].adapted_properties["Name"] == "Takt"
    assert by_guid[GUEST_SERVICE].adapted_properties["Name"] == "Gastdienstschnittstelle"
    assert by_guid[SHUTDOWN].adapted_properties["Name"] == "Herunterfahren"
    assert by_guid[KVP].adapted_properties["Name"] == "Austausch von Schlüsselwertepaaren"
    heartbeat = by_guid[HEARTBEAT]
    assert heartbeat.adapted_properties["Id"] == f"Microsoft:{str(vm.vm_id).upper()}\\{HEARTBEAT}"
    assert heartbeat.types == [_HV + "VMIntegrationComponent", _HV + "VMDevice", _HV + "VMComponentObject",
                               _HV + "VirtualizationObject", "System.Object"]
    assert heartbeat.to_string == f"VMIntegrationComponent (Name = 'Takt', VMName = 'a') [VMId = '{vm.vm_id}']"
    shutdown = by_guid[SHUTDOWN]
    assert shutdown.types[:2] == [_HV + "ShutdownComponent", _HV + "VMIntegrationComponent"]
    assert shutdown.to_string.startswith("ShutdownComponent (Name = 'Herunterfahren'")
    assert by_guid[KVP].types[0] == _HV + "DataExchangeComponent"
    assert by_guid[KVP].adapted_properties["IsClustered"] is False
    assert heartbeat.adapted_properties["PrimaryStatusDescription"] == "OK"
    assert heartbeat.adapted_properties["PrimaryOperationalStatus"].property_sets == [2]
    assert by_guid[GUEST_SERVICE].adapted_properties["Enabled"] is False


def test_integration_service_statuses_follow_the_vm_state() -> None:
    host = SimHost("HV01")
    off = host.add_vm("off")
    booting = host.add_vm("booting", state="Running", uptime_s=1, boot_seconds=30)
    with host.lock:
        builder = DeviceObjectBuilder(host)
        off_ic = wire(builder.integration_service(off, HEARTBEAT, host.now()))
        booting_ic = wire(builder.integration_service(booting, HEARTBEAT, host.now()))
    assert off_ic.adapted_properties["PrimaryStatusDescription"] is None
    assert off_ic.adapted_properties["PrimaryOperationalStatus"] is None
    assert booting_ic.adapted_properties["PrimaryStatusDescription"] == "No Contact"


def test_disks_and_adapters() -> None:
    host = SimHost("HV01")
    gen1 = host.add_vm("old", generation=1, state="Running", uptime_s=600)
    with host.lock:
        builder = DeviceObjectBuilder(host)
        disk = wire(builder.disk(gen1, gen1.disks[0]))
        adapter = wire(builder.network_adapter(gen1, gen1.adapters[0], host.now()))
    assert disk.types[0] == _HV + "HardDiskDrive"
    assert disk.adapted_properties["ControllerType"].to_string == "IDE"
    assert disk.adapted_properties["ControllerType"].property_sets == [0]
    assert disk.adapted_properties["Path"].endswith(".vhdx") and disk.adapted_properties["VMId"] == gen1.vm_id
    assert list(adapter.adapted_properties["IPAddresses"]) == ["172.20.0.10"]
    assert adapter.adapted_properties["SwitchName"] == "Default Switch"
    assert adapter.adapted_properties["Connected"] is True and len(adapter.adapted_properties["MacAddress"]) == 12


def test_no_ip_addresses_when_kvp_is_off_or_the_vm_is_off() -> None:
    host = SimHost("HV01")
    running = host.add_vm("r", state="Running", uptime_s=600)
    running.ic_enabled[KVP] = False
    off = host.add_vm("o")
    with host.lock:
        builder = DeviceObjectBuilder(host)
        for vm in (running, off):
            adapter = wire(builder.network_adapter(vm, vm.adapters[0], host.now()))
            assert list(adapter.adapted_properties["IPAddresses"]) == []


def test_snapshot_objects_form_a_tree() -> None:
    host = SimHost.generate("HV03", 12, 2, profile="legacy")
    vm = next(v for v in host.vms if len(v.checkpoints) >= 2)
    with host.lock:
        objects = [wire(SnapshotObjectBuilder(host).build(vm, c)) for c in vm.checkpoints]
    root, child = objects[0], objects[1]
    assert root.types[0] == _HV + "VMSnapshot"
    assert root.adapted_properties["ParentSnapshotId"] is None
    assert child.adapted_properties["ParentSnapshotId"] == root.adapted_properties["Id"] or \
        child.adapted_properties["ParentSnapshotId"] in {o.adapted_properties["Id"] for o in objects}
    assert child.adapted_properties["SnapshotType"].to_string == "Standard"
    assert isinstance(child.adapted_properties["IsAutomaticCheckpoint"], bool)
    assert child.adapted_properties["VMId"] == vm.vm_id


def test_services_and_vm_host_in_german() -> None:
    host = SimHost("HV02", locale="de-DE")
    builder = HostObjectBuilder(host)
    with host.lock:
        vmms = wire(builder.service(host.service("vmms"), host.now()))
        compute = wire(builder.service(host.service("vmcompute"), host.now()))
        vm_host = wire(builder.vm_host())
    assert vmms.types[0] == "System.ServiceProcess.ServiceController"
    assert vmms.adapted_properties["DisplayName"] == "Hyper-V-Verwaltung für virtuelle Computer"
    assert compute.adapted_properties["DisplayName"] == "Hyper-V-Hostcomputedienst"
    assert vmms.adapted_properties["Status"].to_string == "Running"
    assert vmms.adapted_properties["Status"].property_sets == [4]
    assert vmms.extended_properties["Name"] == "vmms"
    assert vm_host.types[0] == _HV + "VMHost"
    assert vm_host.adapted_properties["MemoryCapacity"] == host.info.memory_capacity
    assert "<S>12.0</S>" in vm_host.adapted_properties["SupportedVmVersions"].property_sets[0]


def test_guids_cross_as_guids() -> None:
    host = SimHost("HV01")
    vm = host.add_vm("a", vm_id=uuid.UUID("12345678-1234-5678-1234-567812345678"))
    assert _vm_object(host, vm).adapted_properties["Id"] == uuid.UUID("12345678-1234-5678-1234-567812345678")


def test_snapshot_to_string_and_state() -> None:
    host = SimHost("HV01")
    vm = host.add_vm("vm", state="Running")
    vm.checkpoint_type = "Standard"
    checkpoint = host.take_checkpoint(vm.vm_id, "live")
    with host.lock:
        obj = wire(SnapshotObjectBuilder(host).build(vm, checkpoint))
    assert obj.to_string == f"VMSnapshot (Name = 'live') [Id = '{checkpoint.checkpoint_id}']"
    assert obj.adapted_properties["State"].to_string == "Saved"  # a standard checkpoint holds memory
