"""A VM's virtual hard disk drives."""

from __future__ import annotations

import uuid
from typing import Iterable

from hvmanager.domain.controller_type import ControllerType
from hvmanager.domain.hard_disk_drive import HardDiskDrive
from hvmanager.hyperv import values
from hvmanager.hyperv.commands import get_vm_by_id, select
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record

DISK_PROPERTIES = ("VMId", "VMName", "Name", "Path", "ControllerType", "ControllerNumber",
                   "ControllerLocation", "DiskNumber")


def disks_pipeline(vm_id: uuid.UUID) -> Pipeline:
    """``Get-VM -Id <guid> | Get-VMHardDiskDrive | Select-Object -Property ...``."""
    return Pipeline.of(get_vm_by_id(vm_id), Command("Get-VMHardDiskDrive"),
                       select(DISK_PROPERTIES))


def parse_disk(record: Record) -> HardDiskDrive:
    """One drive; missing or odd values become None (ControllerType UNKNOWN)."""
    name, number = values.enum_parts(record.get("ControllerType"))
    return HardDiskDrive(
        vm_id=values.as_uuid(record.get("VMId")),
        vm_name=values.as_str(record.get("VMName")) or "",
        path=values.as_str(record.get("Path")) or None,
        controller_type=ControllerType.parse(name, number),
        controller_number=values.as_int(record.get("ControllerNumber")),
        controller_location=values.as_int(record.get("ControllerLocation")),
        disk_number=values.as_int(record.get("DiskNumber")),
        name=values.as_str(record.get("Name")))


def parse_disks(records: Iterable[Record]) -> tuple[HardDiskDrive, ...]:
    """Every drive, in host order."""
    return tuple(parse_disk(record) for record in records)
