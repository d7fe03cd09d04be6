"""One virtual hard disk drive of a VM."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from hvmanager.domain.controller_type import ControllerType


@dataclass(frozen=True)
class HardDiskDrive:
    """``Get-VMHardDiskDrive`` output. ``disk_number`` is set for pass-through disks only."""

    vm_id: uuid.UUID | None
    vm_name: str
    path: str | None
    controller_type: ControllerType
    controller_number: int | None = None
    controller_location: int | None = None
    disk_number: int | None = None
    name: str | None = None

    @property
    def is_pass_through(self) -> bool:
        """A physical disk handed to the VM rather than a VHD(X) file."""
        return self.disk_number is not None and not self.path
