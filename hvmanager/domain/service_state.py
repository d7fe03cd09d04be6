"""The run state of a Windows service."""

from __future__ import annotations

import enum


class ServiceState(enum.Enum):
    """``ServiceControllerStatus``: Stopped=1 ... Paused=7; UNKNOWN when unrecognised."""

    STOPPED = "Stopped"
    START_PENDING = "StartPending"
    STOP_PENDING = "StopPending"
    RUNNING = "Running"
    CONTINUE_PENDING = "ContinuePending"
    PAUSE_PENDING = "PausePending"
    PAUSED = "Paused"
    UNKNOWN = "Unknown"

    @classmethod
    def parse(cls, name: str | None, number: int | None = None) -> "ServiceState":
        """By name (case-insensitive) when sent, else by number."""
        if name and name.strip():
            # A sent name is authoritative: never reinterpret an unknown one by number.
            for member in cls:
                if member.value.lower() == name.strip().lower():
                    return member
            return cls.UNKNOWN
        if isinstance(number, int) and 1 <= number <= 7:
            return tuple(cls)[number - 1]
        return cls.UNKNOWN

    @property
    def is_pending(self) -> bool:
        """A transition is under way."""
        return self.value.endswith("Pending")
