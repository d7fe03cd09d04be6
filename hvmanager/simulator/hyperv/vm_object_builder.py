"""The ``Microsoft.HyperV.PowerShell.VirtualMachine`` object a host sends for one VM.

Property order and .NET types follow the module 2.0.0.0 public stubs (adapted properties of
VirtualMachine, then those of VirtualMachineBase); ``VMName``/``VMId`` and the checkpoint
aliases are types.ps1xml alias properties, so they travel as extended (``<MS>``) members.

The object is one table of property functions for all VMs (``LazyPSObject``) and the
facts of one VM: what changes with time (state, CPU, memory, heartbeat, uptime) is read
once, under the host lock, when Get-VM runs; each property's .NET value is made only when
something reads it. ``Get-VM | Select-Object Name, State`` so builds two values per VM
instead of seventy, and the full object (serialised or formatted) is exactly what an
eager build gave.
"""

from __future__ import annotations

from typing import Any

from psrpcore.types import PSInt, PSInt64, PSUInt, PSUInt64, PSVersion

from hvmanager.simulator.hyperv import enums as e
from hvmanager.simulator.hyperv.device_object_builder import (
    DeviceObjectBuilder, component_text, integration_service_type)
from hvmanager.simulator.hyperv.dotnet_object import (
    array, collection, date_time, hv_list, timespan)
from hvmanager.simulator.hyperv.enums import VMState
from hvmanager.simulator.hyperv.lazy_ps_object import LazyPSObject, PropertyTable
from hvmanager.simulator.hyperv.number_cache import NumberCache
from hvmanager.simulator.hyperv.sim_vm import SimVM

HV = "Microsoft.HyperV.PowerShell."
VM_TYPE_NAMES = [HV + "VirtualMachine", HV + "VirtualMachineBase", HV + "ComputeResource",
                 HV + "VirtualizationObject", "System.Object"]


class _VmFacts:
    """One VM at one moment: the time-dependent values read under the host lock."""

    __slots__ = ("vm", "now", "host", "devices", "number", "state", "off", "ok", "heartbeat", "parent", "cpu",
                 "assigned", "demand", "memory_status", "uptime", "dvd")

    def __init__(self, host: Any, devices: DeviceObjectBuilder, vm: SimVM, now: float, number: NumberCache) -> None:
        self.vm, self.now, self.host, self.devices, self.number = vm, now, host, devices, number
        self.state, up, self.heartbeat, self.cpu, self.assigned, self.demand, uptime = vm.readings(now)
        self.off = self.state == VMState.Off
        self.ok = host.localisation.text("ok")
        self.parent = vm.checkpoint(vm.parent_checkpoint_id) if vm.parent_checkpoint_id is not None else None
        self.memory_status = host.localisation.text("memory_ok") if vm.dynamic_memory and up else ""
        self.uptime = round(uptime, 3)
        # Nested objects at depth 0 are their VirtualizationObject.ToString.
        self.dvd = "DVD Drive on IDE controller number 1 at location 0" if vm.generation == 1 else \
            "DVD Drive on SCSI controller number 0 at location 1"


class VmObjectBuilder:
    """Turns a ``SimVM`` into its serialised shape at one moment (call under the host lock)."""

    def __init__(self, host: Any, numbers: NumberCache | None = None) -> None:
        self._host = host
        self._devices = DeviceObjectBuilder(host)
        self._numbers = numbers or NumberCache()

    def build(self, vm: SimVM, now: float) -> LazyPSObject:
        """The VirtualMachine object."""
        return LazyPSObject.create(VM_TABLE, _VmFacts(self._host, self._devices, vm, now, self._numbers),
                                   list(VM_TYPE_NAMES),
                                   f"VirtualMachine (Name = '{vm.name}') [Id = '{vm.vm_id}']",
                                   ("vm", vm.vm_id))


def collection_of_groups(facts: Any = None) -> Any:
    """``Groups`` is an IReadOnlyList<VMGroup>, empty on a host without VM groups."""
    return collection("System.Collections.ObjectModel.ReadOnlyCollection`1[[Microsoft.HyperV."
                      "PowerShell.VMGroup, Microsoft.HyperV.PowerShell.Objects, Version=10.0.0.0, "
                      "Culture=neutral, PublicKeyToken=31bf3856ad364e35]]", [])


#: VirtualMachine's adapted members, then VirtualMachineBase's, in the module's order.
VM_TABLE = PropertyTable(
    adapted=[
        ("ConfigurationLocation", lambda f: f.vm.path),
        ("SmartPagingFileInUse", lambda f: False),
        ("SmartPagingFilePath", lambda f: f.vm.path),
        ("SnapshotFileLocation", lambda f: f.vm.path),
        ("AutomaticStartAction", lambda f: e.StartAction[f.vm.automatic_start_action]),
        ("AutomaticStartDelay", lambda f: f.number(PSInt, 0)),
        ("AutomaticStopAction", lambda f: e.StopAction[f.vm.automatic_stop_action]),
        ("AutomaticCriticalErrorAction", lambda f: e.CriticalErrorAction.Pause),
        ("AutomaticCriticalErrorActionTimeout", lambda f: f.number(PSInt, 30)),
        ("AutomaticCheckpointsEnabled", lambda f: f.vm.automatic_checkpoints),
        ("CPUUsage", lambda f: f.number(PSInt, f.cpu)),
        ("MemoryAssigned", lambda f: f.number(PSInt64, f.assigned)),
        ("MemoryDemand", lambda f: f.number(PSInt64, f.demand)),
        ("MemoryStatus", lambda f: f.memory_status),
        ("NumaAligned", lambda f: None if f.off else True),
        ("NumaNodesCount", lambda f: f.number(PSInt, 1)),
        ("NumaSocketCount", lambda f: f.number(PSInt, 1)),
        ("Heartbeat", lambda f: f.heartbeat),
        ("IntegrationServicesState", lambda f: ""),
        ("IntegrationServicesVersion", lambda f: PSVersion("0.0")),
        ("Uptime", lambda f: timespan(f.uptime)),
        ("OperationalStatus", lambda f: array(HV + "VMOperationalStatus", ["Ok"])),
        ("PrimaryOperationalStatus", lambda f: e.VMOperationalStatus.Ok),
        ("SecondaryOperationalStatus", lambda f: None),
        ("StatusDescriptions", lambda f: array("System.String", [f.ok])),
        ("PrimaryStatusDescription", lambda f: f.ok),
        ("SecondaryStatusDescription", lambda f: None),
        ("Status", lambda f: f.ok),
        ("ReplicationHealth", lambda f: e.VMReplicationHealthState.NotApplicable),
        ("ReplicationMode", lambda f: e.VMReplicationMode.none),
        ("ReplicationState", lambda f: e.VMReplicationState.Disabled),
        ("ResourceMeteringEnabled", lambda f: False),
        ("CheckpointType", lambda f: e.CheckpointType[f.vm.checkpoint_type]),
        ("EnhancedSessionTransportType", lambda f: e.EnhancedSessionTransportType.VMBus),
        ("Groups", collection_of_groups),
        ("Version", lambda f: f.vm.version),
        ("VirtualMachineType", lambda f: e.VirtualMachineType.RealizedVirtualMachine),
        ("VirtualMachineSubType", lambda f: e.VirtualMachineSubType(f.vm.generation)),
        ("Notes", lambda f: f.vm.notes),
        ("State", lambda f: f.state),
        # VirtualMachineBase
        ("ComPort1", lambda f: component_text("VMComPort", "COM 1", f.vm)),
        ("ComPort2", lambda f: component_text("VMComPort", "COM 2", f.vm)),
        ("DVDDrives", lambda f: array(HV + "DvdDrive", [component_text("DvdDrive", f.dvd, f.vm)])),
        ("FibreChannelHostBusAdapters", lambda f: hv_list("VMFibreChannelHba", [])),
        ("FloppyDrive", lambda f: component_text("VMFloppyDiskDrive", "Diskette Drive", f.vm)
         if f.vm.generation == 1 else None),
        ("HardDrives", lambda f: array(HV + "HardDiskDrive",
                                       [component_text("HardDiskDrive", d.name, f.vm) for d in f.vm.disks])),
        ("RemoteFxAdapter", lambda f: None),
        ("VMIntegrationService", lambda f: hv_list("VMIntegrationComponent", [
            component_text(integration_service_type(guid), f.devices.integration_service_name(guid), f.vm)
            for guid in f.vm.ic_enabled])),
        ("DynamicMemoryEnabled", lambda f: f.vm.dynamic_memory),
        ("MemoryMaximum", lambda f: f.number(PSInt64, f.vm.memory_maximum)),
        ("MemoryMinimum", lambda f: f.number(PSInt64, f.vm.memory_minimum)),
        ("MemoryStartup", lambda f: f.number(PSInt64, f.vm.memory_startup)),
        ("ProcessorCount", lambda f: f.number(PSInt64, f.vm.processor_count)),
        ("BatteryPassthroughEnabled", lambda f: False),
        ("Generation", lambda f: f.number(PSInt, f.vm.generation)),
        ("IsClustered", lambda f: False),
        ("ParentSnapshotId", lambda f: f.parent.checkpoint_id if f.parent else None),
        ("ParentSnapshotName", lambda f: f.parent.name if f.parent else None),
        ("Path", lambda f: f.vm.path),
        ("SizeOfSystemFiles", lambda f: f.number(PSInt64, 28_672 + 4096 * len(f.vm.checkpoints))),
        ("GuestControlledCacheTypes", lambda f: False),
        ("LowMemoryMappedIoSpace", lambda f: f.number(PSUInt, 134_217_728)),
        ("HighMemoryMappedIoSpace", lambda f: f.number(PSUInt64, 536_870_912)),
        ("LockOnDisconnect", lambda f: None),
        ("CreationTime", lambda f: date_time(f.vm.creation_time)),
        ("Id", lambda f: f.vm.vm_id),
        ("Name", lambda f: f.vm.name),
        ("NetworkAdapters", lambda f: hv_list("VMNetworkAdapter", [
            component_text("VMNetworkAdapter", a.name, f.vm) for a in f.vm.adapters])),
        ("CimSession", lambda f: "CimSession: ."),
        ("ComputerName", lambda f: f.host.name),
        ("IsDeleted", lambda f: False),
    ],
    extended=[
        ("VMName", lambda f: f.vm.name),
        ("VMId", lambda f: f.vm.vm_id),
        ("ParentCheckpointId", lambda f: f.parent.checkpoint_id if f.parent else None),
        ("ParentCheckpointName", lambda f: f.parent.name if f.parent else None),
    ],
    # Whole objects that Select-Object writes one level deeper.
    nested={
        "HardDrives": lambda f: [f.devices.disk(f.vm, d) for d in f.vm.disks],
        "VMIntegrationService": lambda f: f.devices.integration_services(f.vm, f.now),
        "NetworkAdapters": lambda f: [f.devices.network_adapter(f.vm, a, f.now) for a in f.vm.adapters],
    },
)
