"""The ``Microsoft.HyperV.PowerShell.VirtualMachine`` object a host sends for one VM.

Property order and .NET types follow the module 2.0.0.0 public stubs (adapted properties of
VirtualMachine, then those of VirtualMachineBase); ``VMName``/``VMId`` and the checkpoint
aliases are types.ps1xml alias properties, so they travel as extended (``<MS>``) members.
"""

from __future__ import annotations

from typing import Any

from psrpcore.types import PSInt, PSInt64, PSUInt, PSUInt64, PSVersion

from hvmanager.simulator.hyperv import enums as e
from hvmanager.simulator.hyperv.device_object_builder import (
    DeviceObjectBuilder, component_text, integration_service_type)
from hvmanager.simulator.hyperv.dotnet_object import (
    DotNetObject, array, collection, date_time, hv_list, timespan)
from hvmanager.simulator.hyperv.enums import VMState
from hvmanager.simulator.hyperv.sim_vm import SimVM

HV = "Microsoft.HyperV.PowerShell."
VM_TYPE_NAMES = [HV + "VirtualMachine", HV + "VirtualMachineBase", HV + "ComputeResource",
                 HV + "VirtualizationObject", "System.Object"]


class VmObjectBuilder:
    """Turns a ``SimVM`` into its serialised shape at one moment (call under the host lock)."""

    def __init__(self, host: Any) -> None:
        self._host = host
        self._devices = DeviceObjectBuilder(host)

    def build(self, vm: SimVM, now: float) -> Any:
        """The VirtualMachine object."""
        return self.recipe(vm, now).build()

    def recipe(self, vm: SimVM, now: float) -> DotNetObject:
        """The VirtualMachine recipe (the VMSnapshot builder reuses its base part)."""
        host = self._host
        state = vm.state(now)
        off = state == VMState.Off
        ok = host.localisation.text("ok")
        heartbeat = vm.heartbeat(now)
        parent = vm.checkpoint(vm.parent_checkpoint_id)
        obj = DotNetObject(list(VM_TYPE_NAMES), f"VirtualMachine (Name = '{vm.name}') [Id = '{vm.vm_id}']",
                           reference=("vm", vm.vm_id))
        p = obj.prop
        p("ConfigurationLocation", vm.path)
        p("SmartPagingFileInUse", False)
        p("SmartPagingFilePath", vm.path)
        p("SnapshotFileLocation", vm.path)
        p("AutomaticStartAction", e.StartAction[vm.automatic_start_action])
        p("AutomaticStartDelay", PSInt(0))
        p("AutomaticStopAction", e.StopAction[vm.automatic_stop_action])
        p("AutomaticCriticalErrorAction", e.CriticalErrorAction.Pause)
        p("AutomaticCriticalErrorActionTimeout", PSInt(30))
        p("AutomaticCheckpointsEnabled", vm.automatic_checkpoints)
        p("CPUUsage", PSInt(vm.cpu_usage(now)))
        p("MemoryAssigned", PSInt64(vm.memory_assigned(now)))
        p("MemoryDemand", PSInt64(vm.memory_demand(now)))
        p("MemoryStatus", host.localisation.text("memory_ok")
          if vm.dynamic_memory and vm.guest_up(now) else "")
        p("NumaAligned", None if off else True)
        p("NumaNodesCount", PSInt(1))
        p("NumaSocketCount", PSInt(1))
        p("Heartbeat", heartbeat)
        p("IntegrationServicesState", "")
        p("IntegrationServicesVersion", PSVersion("0.0"))
        p("Uptime", timespan(round(vm.uptime_seconds(now), 3)))
        p("OperationalStatus", array(HV + "VMOperationalStatus", ["Ok"]))
        p("PrimaryOperationalStatus", e.VMOperationalStatus.Ok)
        p("SecondaryOperationalStatus", None)
        p("StatusDescriptions", array("System.String", [ok]))
        p("PrimaryStatusDescription", ok)
        p("SecondaryStatusDescription", None)
        p("Status", ok)
        p("ReplicationHealth", e.VMReplicationHealthState.NotApplicable)
        p("ReplicationMode", e.VMReplicationMode.none)
        p("ReplicationState", e.VMReplicationState.Disabled)
        p("ResourceMeteringEnabled", False)
        p("CheckpointType", e.CheckpointType[vm.checkpoint_type])
        p("EnhancedSessionTransportType", e.EnhancedSessionTransportType.VMBus)
        p("Groups", collection_of_groups())
        p("Version", vm.version)
        p("VirtualMachineType", e.VirtualMachineType.RealizedVirtualMachine)
        p("VirtualMachineSubType", e.VirtualMachineSubType(vm.generation))
        p("Notes", vm.notes)
        p("State", state)
        self.base_properties(obj, vm, now, parent)
        obj.alias("VMName", vm.name)
        obj.alias("VMId", vm.vm_id)
        obj.alias("ParentCheckpointId", parent.checkpoint_id if parent else None)
        obj.alias("ParentCheckpointName", parent.name if parent else None)
        return obj

    def base_properties(self, obj: DotNetObject, vm: SimVM, now: float, parent: Any) -> None:
        """The VirtualMachineBase properties, shared with VMSnapshot objects."""
        host = self._host
        devices = self._devices
        p = obj.prop
        # Nested objects at depth 0 are their VirtualizationObject.ToString.
        p("ComPort1", component_text("VMComPort", "COM 1", vm))
        p("ComPort2", component_text("VMComPort", "COM 2", vm))
        dvd = "DVD Drive on IDE controller number 1 at location 0" if vm.generation == 1 else \
            "DVD Drive on SCSI controller number 0 at location 1"
        p("DVDDrives", array(HV + "DvdDrive", [component_text("DvdDrive", dvd, vm)]))
        p("FibreChannelHostBusAdapters", hv_list("VMFibreChannelHba", []))
        p("FloppyDrive", component_text("VMFloppyDiskDrive", "Diskette Drive", vm)
          if vm.generation == 1 else None)
        p("HardDrives", array(HV + "HardDiskDrive",
                              [component_text("HardDiskDrive", d.name, vm) for d in vm.disks]))
        obj.nested["HardDrives"] = lambda: [devices.disk(vm, d) for d in vm.disks]
        p("RemoteFxAdapter", None)
        names = [component_text(integration_service_type(guid), devices.integration_service_name(guid), vm)
                 for guid in vm.ic_enabled]
        p("VMIntegrationService", hv_list("VMIntegrationComponent", names))
        obj.nested["VMIntegrationService"] = lambda: devices.integration_services(vm, now)
        p("DynamicMemoryEnabled", vm.dynamic_memory)
        p("MemoryMaximum", PSInt64(vm.memory_maximum))
        p("MemoryMinimum", PSInt64(vm.memory_minimum))
        p("MemoryStartup", PSInt64(vm.memory_startup))
        p("ProcessorCount", PSInt64(vm.processor_count))
        p("BatteryPassthroughEnabled", False)
        p("Generation", PSInt(vm.generation))
        p("IsClustered", False)
        p("ParentSnapshotId", parent.checkpoint_id if parent else None)
        p("ParentSnapshotName", parent.name if parent else None)
        p("Path", vm.path)
        p("SizeOfSystemFiles", PSInt64(28_672 + 4096 * len(vm.checkpoints)))
        p("GuestControlledCacheTypes", False)
        p("LowMemoryMappedIoSpace", PSUInt(134_217_728))
        p("HighMemoryMappedIoSpace", PSUInt64(536_870_912))
        p("LockOnDisconnect", None)
        p("CreationTime", date_time(vm.creation_time))
        p("Id", vm.vm_id)
        p("Name", vm.name)
        p("NetworkAdapters", hv_list("VMNetworkAdapter",
                                     [component_text("VMNetworkAdapter", a.name, vm) for a in vm.adapters]))
        obj.nested["NetworkAdapters"] = lambda: [devices.network_adapter(vm, a, now) for a in vm.adapters]
        p("CimSession", "CimSession: .")
        p("ComputerName", host.name)
        p("IsDeleted", False)


def collection_of_groups() -> Any:
    """``Groups`` is an IReadOnlyList<VMGroup>, empty on a host without VM groups."""
    return collection("System.Collections.ObjectModel.ReadOnlyCollection`1[[Microsoft.HyperV."
                      "PowerShell.VMGroup, Microsoft.HyperV.PowerShell.Objects, Version=10.0.0.0, "
                      "Culture=neutral, PublicKeyToken=31bf3856ad364e35]]", [])
