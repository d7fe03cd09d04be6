"""The install state of a Windows optional feature."""

from __future__ import annotations

import enum


class FeatureState(enum.Enum):
    """``Microsoft.Dism.Commands.FeatureState`` by name; UNKNOWN when unrecognised."""

    DISABLED = "Disabled"
    DISABLE_PENDING = "DisablePending"
    ENABLED = "Enabled"
    ENABLE_PENDING = "EnablePending"
    DISABLED_WITH_PAYLOAD_REMOVED = "DisabledWithPayloadRemoved"
    UNKNOWN = "Unknown"

    @classmethod
    def parse(cls, name: str | None) -> "FeatureState":
        """By name only (case-insensitive): the numbers are not documented for PowerShell."""
        if name:
            for member in cls:
                if member.value.lower() == name.strip().lower():
                    return member
        return cls.UNKNOWN

    @property
    def enabled(self) -> bool:
        """Installed and active."""
        return self is FeatureState.ENABLED
