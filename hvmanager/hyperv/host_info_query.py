"""``Get-VMHost``: facts about the Hyper-V host."""

from __future__ import annotations

from typing import Iterable

from hvmanager.domain.host_info import HostInfo
from hvmanager.hyperv import values
from hvmanager.hyperv.commands import select
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record

HOST_PROPERTIES = ("Name", "FullyQualifiedDomainName", "LogicalProcessorCount", "MemoryCapacity",
                   "VirtualHardDiskPath", "VirtualMachinePath", "SupportedVmVersions")


def host_info_pipeline() -> Pipeline:
    """``Get-VMHost | Select-Object -Property ...``."""
    return Pipeline.of(Command("Get-VMHost"), select(HOST_PROPERTIES))


def parse_host_info(records: Iterable[Record], fallback_name: str = "") -> HostInfo | None:
    """The first record as ``HostInfo``; None when the host sent nothing."""
    for record in records:
        return HostInfo(
            name=values.as_str(record.get("Name")) or fallback_name,
            fully_qualified_domain_name=values.as_str(record.get("FullyQualifiedDomainName")),
            logical_processor_count=values.as_int(record.get("LogicalProcessorCount")),
            memory_capacity=values.as_int(record.get("MemoryCapacity")),
            virtual_hard_disk_path=values.as_str(record.get("VirtualHardDiskPath")),
            virtual_machine_path=values.as_str(record.get("VirtualMachinePath")),
            supported_vm_versions=values.as_str_tuple(record.get("SupportedVmVersions")))
    return None
