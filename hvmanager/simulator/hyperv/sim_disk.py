"""A virtual hard disk attached to a simulated VM."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SimDisk:
    """One HardDiskDrive: where it sits (IDE/SCSI controller and location) and its file.

    ``controller_type`` is ``"IDE"`` or ``"SCSI"``; Generation 1 VMs boot from IDE 0:0,
    Generation 2 VMs have no IDE controller at all. ``disk_number`` is set for pass-through
    disks (then ``path`` is the physical disk's description, as Hyper-V shows it).
    """

    controller_type: str
    controller_number: int
    controller_location: int
    path: str
    disk_number: int | None = None

    @property
    def name(self) -> str:
        """The drive's Name, as Hyper-V builds it."""
        return (f"Hard Drive on {self.controller_type} controller number "
                f"{self.controller_number} at location {self.controller_location}")
