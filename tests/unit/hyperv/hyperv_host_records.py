"""Records shaped exactly like a real host's output after ``Select-Object``."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from hvmanager.remoting.record import Record

SELECTED_VM_TYPES = ("Selected.Microsoft.HyperV.PowerShell.VirtualMachine",
                     "System.Management.Automation.PSCustomObject", "System.Object")


def enum_record(type_name: str, name: str, number: int) -> Record:
    """An enum value as deserialized: type chain, ToString and the I32 value."""
    return Record(type_names=(type_name, "System.Enum", "System.ValueType", "System.Object"),
                  to_string=name, value=number)


def vm_state(name: str, number: int) -> Record:
    return enum_record("Microsoft.HyperV.PowerShell.VMState", name, number)


def selected_vm(vm_id: uuid.UUID, name: str, state: Record, **properties) -> Record:
    props = {"Id": vm_id, "Name": name, "State": state}
    props.update(properties)
    return Record(type_names=SELECTED_VM_TYPES, properties=props,
                  to_string="@{Id=%s; Name=%s; State=%s}" % (vm_id, name, state.to_string))


def running_vm() -> Record:
    return selected_vm(
        uuid.UUID("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "web-01", vm_state("Running", 2),
        CPUUsage=3, MemoryAssigned=2147483648, MemoryDemand=1288490188, MemoryStartup=2147483648,
        MemoryMinimum=536870912, MemoryMaximum=1099511627776, MemoryStatus="OK",
        DynamicMemoryEnabled=True, ProcessorCount=2,
        Uptime=timedelta(hours=1, minutes=7, seconds=3, microseconds=500000),
        Status="Operating normally", Version="9.0", Generation=2,
        Path="C:\\ProgramData\\Microsoft\\Windows\\Hyper-V",
        ConfigurationLocation="C:\\ProgramData\\Microsoft\\Windows\\Hyper-V",
        Notes="", CreationTime=datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc),
        Heartbeat=enum_record("Microsoft.HyperV.PowerShell.VMHeartbeatStatus",
                              "OkApplicationsHealthy", 6),
        IntegrationServicesVersion=Record(type_names=("System.Version", "System.Object"),
                                          to_string="10.0.19041.1"),
        ReplicationState=enum_record("Microsoft.HyperV.PowerShell.VMReplicationState",
                                     "Disabled", 0),
        ReplicationHealth=enum_record("Microsoft.HyperV.PowerShell.VMReplicationHealthState",
                                      "NotApplicable", 0),
        ParentSnapshotName=None,
        CheckpointType=enum_record("Microsoft.HyperV.PowerShell.CheckpointType", "Production", 3),
        IsClustered=False)


def off_vm() -> Record:
    return selected_vm(uuid.UUID("7b1e2a4c-0d3e-4b59-a8e2-9b7c1f0e6d21"), "dc-01", vm_state("Off", 3),
                       CPUUsage=0, MemoryAssigned=0, Uptime=timedelta(0), Heartbeat=None,
                       Status="Operating normally", Version="10.0", Generation=1)
