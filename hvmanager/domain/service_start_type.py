"""How a Windows service starts."""

from __future__ import annotations

import enum


class ServiceStartType(enum.Enum):
    """``ServiceStartMode``: Boot=0, System=1, Automatic=2, Manual=3, Disabled=4."""

    BOOT = "Boot"
    SYSTEM = "System"
    AUTOMATIC = "Automatic"
    MANUAL = "Manual"
    DISABLED = "Disabled"
    UNKNOWN = "Unknown"

    @classmethod
    def parse(cls, name: str | None, number: int | None = None) -> "ServiceStartType":
        """By name (case-insensitive) when sent, else by number."""
        if name and name.strip():
            # A sent name is authoritative: never reinterpret an unknown one by number.
            for member in cls:
                if member.value.lower() == name.strip().lower():
                    return member
            return cls.UNKNOWN
        if isinstance(number, int) and 0 <= number <= 4:
            return tuple(cls)[number]
        return cls.UNKNOWN
