"""The CLI's columns: ``Host`` plus ``Get-VM`` properties by their PowerShell names."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime, timedelta
from typing import Any

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.hyperv.vm_property import VmProperty

HOST = "Host"
DEFAULT_COLUMNS: tuple[str, ...] = (HOST, "Name", "State", "CPUUsage", "MemoryAssigned", "Uptime",
                                    "Status", "Version", "Generation")


def resolve_columns(text: str) -> tuple[str, ...]:
    """``"name,state, Generation"`` -> ``("Host", "Name", "State", "Generation")``.

    Names are case-insensitive and come back in PowerShell's spelling; ``Host`` is first
    unless placed elsewhere; duplicates are dropped. Unknown names raise ``KeyError`` with
    a message that lists the valid ones.
    """
    columns: list[str] = []
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        if name.lower() == HOST.lower():
            canonical = HOST
        else:
            try:
                canonical = VmProperty.for_powershell_name(name).powershell_name
            except KeyError:
                valid = ", ".join([HOST] + [p.powershell_name for p in VmProperty])
                raise KeyError(f"unknown column {name!r}; valid columns: {valid}") from None
        if canonical not in columns:
            columns.append(canonical)
    if not columns:
        raise KeyError("--columns is empty")
    if HOST not in columns:
        columns.insert(0, HOST)
    return tuple(columns)


def properties_for(columns: tuple[str, ...]) -> tuple[VmProperty, ...]:
    """The properties a refresh must select for ``columns``."""
    return tuple(VmProperty.for_powershell_name(c) for c in columns if c != HOST)


def json_value(vm: VirtualMachine, column: str, host_label: str) -> Any:
    """A cell as a JSON value: text, a number, a boolean or None."""
    if column == HOST:
        return host_label
    value = getattr(vm, VmProperty.for_powershell_name(column).field)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, timedelta):
        return timespan_text(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def text_value(value: Any) -> str:
    """A JSON value as the text CSV and the table show (None is empty, True is ``True``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


def timespan_text(value: timedelta) -> str:
    """``d.hh:mm:ss`` like a .NET TimeSpan (whole seconds, as Hyper-V Manager shows uptime)."""
    total = int(value.total_seconds())
    sign = "-" if total < 0 else ""
    total = abs(total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{days}.{clock}" if days else f"{sign}{clock}"
