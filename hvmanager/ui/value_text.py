"""Display text for device values (Disks and Networking tabs) beyond the column registry's."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from hvmanager.models.formatting import datetime_text, uptime_text


def value_text(value: object) -> str:
    """Any value: enums by name, times to the second, booleans as Yes/No, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, timedelta):
        return uptime_text(value)
    if isinstance(value, (tuple, list)):
        return ", ".join(value_text(item) for item in value)
    return str(value)
