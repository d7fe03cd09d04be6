"""The bus a virtual hard disk hangs on."""

from __future__ import annotations

import enum


class ControllerType(enum.Enum):
    """``ControllerType``: IDE=0, SCSI=1, PMEM=2."""

    IDE = "IDE"
    SCSI = "SCSI"
    PMEM = "PMEM"
    UNKNOWN = "Unknown"

    @classmethod
    def parse(cls, name: str | None, number: int | None = None) -> "ControllerType":
        """By name (case-insensitive) when sent, else by number; UNKNOWN when neither matches."""
        if name and name.strip():
            # A sent name is authoritative: never reinterpret an unknown one by number.
            for member in cls:
                if member.value.lower() == name.strip().lower():
                    return member
            return cls.UNKNOWN
        return {0: cls.IDE, 1: cls.SCSI, 2: cls.PMEM}.get(number, cls.UNKNOWN) \
            if isinstance(number, int) else cls.UNKNOWN
