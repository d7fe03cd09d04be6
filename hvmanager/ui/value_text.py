"""Display text for VM values as Hyper-V Manager shows them (the Details pane's formatting)."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta


def memory_text(value: int | None) -> str:
    """Bytes as ``2048 MB`` (Hyper-V Manager shows memory in MB)."""
    return "" if value is None else f"{value // (1024 * 1024)} MB"


def uptime_text(value: timedelta | None) -> str:
    """``01:07:03``, or ``2.01:07:03`` past a day, like Hyper-V Manager."""
    if value is None:
        return ""
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{days}.{clock}" if days else clock


def value_text(value: object) -> str:
    """Any other value: enums by name, times to the second, booleans as Yes/No."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, timedelta):
        return uptime_text(value)
    if isinstance(value, (tuple, list)):
        return ", ".join(value_text(item) for item in value)
    return str(value)
