"""Which kind of checkpoint a VM takes."""

from __future__ import annotations

import enum


class CheckpointType(enum.Enum):
    """``CheckpointType``: Disabled=2, Production=3, ProductionOnly=4, Standard=5."""

    DISABLED = "Disabled"
    PRODUCTION = "Production"
    PRODUCTION_ONLY = "ProductionOnly"
    STANDARD = "Standard"
    UNKNOWN = "Unknown"

    @classmethod
    def parse(cls, name: str | None, number: int | None = None) -> "CheckpointType":
        """By name (case-insensitive) when sent, else by number; UNKNOWN when neither matches."""
        if name and name.strip():
            # A sent name is authoritative: never reinterpret an unknown one by number.
            for member in cls:
                if member.value.lower() == name.strip().lower():
                    return member
            return cls.UNKNOWN
        return _BY_NUMBER.get(number, cls.UNKNOWN) if isinstance(number, int) else cls.UNKNOWN


_BY_NUMBER = {2: CheckpointType.DISABLED, 3: CheckpointType.PRODUCTION,
              4: CheckpointType.PRODUCTION_ONLY, 5: CheckpointType.STANDARD}
