"""The ``Microsoft.HyperV.PowerShell.VMSnapshot`` object Get-VMSnapshot sends."""

from __future__ import annotations

from typing import Any

from psrpcore.types import PSInt, PSInt64, PSObject

from hvmanager.simulator.hyperv import enums as e
from hvmanager.simulator.hyperv.device_object_builder import component_text
from hvmanager.simulator.hyperv.dotnet_object import DotNetObject, array, date_time, hv_list
from hvmanager.simulator.hyperv.sim_checkpoint import SimCheckpoint
from hvmanager.simulator.hyperv.sim_vm import SimVM

HV = "Microsoft.HyperV.PowerShell."
SNAPSHOT_TYPE_NAMES = [HV + "VMSnapshot", HV + "VirtualMachineBase", HV + "ComputeResource",
                       HV + "VirtualizationObject", "System.Object"]


class SnapshotObjectBuilder:
    """Builds checkpoint objects of one host (call under the host lock)."""

    def __init__(self, host: Any) -> None:
        self._host = host

    def build(self, vm: SimVM, checkpoint: SimCheckpoint) -> PSObject:
        """One checkpoint, with its parent's id and name (the tree's edges)."""
        parent = vm.checkpoint(checkpoint.parent_id)
        obj = DotNetObject(list(SNAPSHOT_TYPE_NAMES),
                           # ComputeResource's identifiers: Name (friendly) and Id (unique).
                           f"VMSnapshot (Name = '{checkpoint.name}') [Id = '{checkpoint.checkpoint_id}']",
                           reference=("snapshot", vm.vm_id, checkpoint.checkpoint_id))
        p = obj.prop
        p("CheckpointType", e.CheckpointType[vm.checkpoint_type])
        p("Id", checkpoint.checkpoint_id)
        p("IsAutomaticCheckpoint", checkpoint.is_automatic)
        p("ParentCheckpointId", parent.checkpoint_id if parent else None)
        p("ParentCheckpointName", parent.name if parent else None)
        p("SnapshotType", e.SnapshotType[checkpoint.snapshot_type])
        p("VMId", vm.vm_id)
        p("VMName", vm.name)
        p("Version", vm.version)
        p("Notes", vm.notes)
        # VMSnapshot.State is Saved when the checkpoint holds memory, else Off.
        holds_memory = checkpoint.captured_state in ("Running", "Paused") and vm.checkpoint_type == "Standard"
        p("State", e.VMState.Saved if holds_memory else e.VMState.Off)
        p("ComPort1", "COM 1")
        p("ComPort2", "COM 2")
        p("DVDDrives", array(HV + "DvdDrive", []))
        p("FibreChannelHostBusAdapters", hv_list("VMFibreChannelHba", []))
        p("FloppyDrive", None)
        p("HardDrives", array(HV + "HardDiskDrive",
                              [component_text("HardDiskDrive", d.name, vm) for d in vm.disks]))
        p("RemoteFxAdapter", None)
        p("VMIntegrationService", hv_list("VMIntegrationComponent", []))
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
        p("Path", f"{vm.path}\\Snapshots")
        p("SizeOfSystemFiles", PSInt64(28_672))
        p("CreationTime", date_time(checkpoint.creation_time))
        p("Name", checkpoint.name)
        p("NetworkAdapters", hv_list("VMNetworkAdapter",
                                     [component_text("VMNetworkAdapter", a.name, vm) for a in vm.adapters]))
        p("CimSession", "CimSession: .")
        p("ComputerName", self._host.name)
        p("IsDeleted", False)
        return obj.build()
