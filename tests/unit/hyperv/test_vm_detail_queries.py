import uuid
from datetime import datetime

from hvmanager.domain.checkpoint_tree import CheckpointTree
from hvmanager.domain.controller_type import ControllerType
from hvmanager.hyperv.checkpoint_queries import (apply_checkpoint_pipeline, checkpoints_pipeline,
                                                 parse_checkpoints, remove_checkpoint_pipeline)
from hvmanager.hyperv.disk_queries import disks_pipeline, parse_disks
from hvmanager.hyperv.network_adapter_queries import network_adapters_pipeline, parse_network_adapters
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.remoting.record import Record

from hyperv_host_records import enum_record

VM = uuid.UUID("3f2504e0-4f89-11d3-9a0c-0305e82c3301")


def selected(kind, **props):
    return Record(type_names=(f"Selected.Microsoft.HyperV.PowerShell.{kind}",
                              "System.Management.Automation.PSCustomObject", "System.Object"),
                  properties=props)


def test_disks():
    records = [
        selected("HardDiskDrive", VMId=VM, VMName="web-01", Name="Hard Drive on SCSI controller number 0 at location 0",
                 Path="C:\\VMs\\web-01.vhdx",
                 ControllerType=enum_record("Microsoft.HyperV.PowerShell.ControllerType", "SCSI", 1),
                 ControllerNumber=0, ControllerLocation=0, DiskNumber=None),
        selected("HardDiskDrive", VMId=VM, VMName="web-01", Path="", ControllerType=0,
                 ControllerNumber=1, ControllerLocation=1, DiskNumber=3),
    ]
    first, passthrough = parse_disks(records)
    assert first.controller_type is ControllerType.SCSI and first.path.endswith(".vhdx")
    assert not first.is_pass_through
    assert passthrough.controller_type is ControllerType.IDE and passthrough.is_pass_through
    assert render_pipeline(disks_pipeline(VM)).startswith(f"Get-VM -Id {VM} | Get-VMHardDiskDrive |")


def test_network_adapters():
    record = selected("VMNetworkAdapter", VMId=VM, VMName="web-01", Name="Network Adapter",
                      SwitchName="Default Switch", Connected=True, MacAddress="00155D012345",
                      IPAddresses=["172.20.1.5", "fe80::5"],
                      Status=[enum_record("Microsoft.HyperV.PowerShell.VMNetworkAdapterOperationalStatus", "Ok", 2)])
    (adapter,) = parse_network_adapters([record])
    assert adapter.ip_addresses == ("172.20.1.5", "fe80::5") and adapter.status == ("Ok",)
    assert adapter.connected is True and adapter.switch_name == "Default Switch"
    assert "Get-VMNetworkAdapter" in render_pipeline(network_adapters_pipeline(VM))


def test_checkpoints_build_a_tree_and_actions_target_by_id():
    root, child = uuid.UUID(int=1), uuid.UUID(int=2)
    records = [
        selected("VMSnapshot", Id=child, Name="after update", VMId=VM, VMName="web-01",
                 ParentSnapshotId=root, ParentSnapshotName="before update",
                 CreationTime=datetime(2026, 2, 2), SnapshotType=enum_record(
                     "Microsoft.HyperV.PowerShell.SnapshotType", "Standard", 0),
                 IsAutomaticCheckpoint=False),
        selected("VMSnapshot", Id=root, Name="before update", VMId=VM, VMName="web-01",
                 ParentSnapshotId=None, CreationTime=datetime(2026, 2, 1)),
        selected("VMSnapshot", Name="no id"),
    ]
    checkpoints = parse_checkpoints(records)
    assert len(checkpoints) == 2 and checkpoints[0].snapshot_type == "Standard"
    tree = CheckpointTree.build(checkpoints)
    assert [(d, c.name) for d, c in tree.walk()] == [(0, "before update"), (1, "after update")]
    assert "Get-VMSnapshot" in render_pipeline(checkpoints_pipeline(VM))
    assert render_pipeline(apply_checkpoint_pipeline(VM, child)).endswith(
        f"Where-Object -Property Id -EQ -Value {child} | Restore-VMSnapshot -Confirm:$false")
    assert remove_checkpoint_pipeline(VM, child, include_children=True).commands[-1].parameter(
        "IncludeAllChildSnapshots") is True
