"""The heartbeat integration service's view of a guest."""

from __future__ import annotations

import enum


class HeartbeatStatus(enum.Enum):
    """``VMHeartbeatStatus``; parse by name, number as fallback, UNKNOWN otherwise."""

    UNKNOWN = "Unknown"
    DISABLED = "Disabled"
    NO_CONTACT = "NoContact"
    ERROR = "Error"
    LOST_COMMUNICATION = "LostCommunication"
    OK_APPLICATIONS_UNKNOWN = "OkApplicationsUnknown"
    OK_APPLICATIONS_HEALTHY = "OkApplicationsHealthy"
    OK_APPLICATIONS_CRITICAL = "OkApplicationsCritical"
    PAUSED = "Paused"

    @classmethod
    def parse(cls, name: str | None, number: int | None = None) -> "HeartbeatStatus":
        """By name (case-insensitive) when sent, else by number; UNKNOWN when neither matches."""
        if name and name.strip():
            # A sent name is authoritative: never reinterpret an unknown one by number.
            for member in cls:
                if member.value.lower() == name.strip().lower():
                    return member
            return cls.UNKNOWN
        if isinstance(number, int) and 0 <= number < len(_ORDER):
            return _ORDER[number]
        return cls.UNKNOWN

    @property
    def is_ok(self) -> bool:
        """The guest answers heartbeats."""
        return self.value.startswith("Ok")


_ORDER = tuple(HeartbeatStatus)
