"""Display text for VM values, as Hyper-V Manager shows them.

Pure functions over plain values (no Qt): the column registry combines them with
translation. Memory in MB ("2048 MB"), uptime as ``d.hh:mm:ss``, CPU as "3 %".
"""

from __future__ import annotations

from datetime import datetime, timedelta

_MIB = 1024 * 1024


def memory_text(value: int | None) -> str:
    """Bytes as Hyper-V Manager's megabytes ("2048 MB"); empty for no value."""
    if value is None:
        return ""
    return f"{value // _MIB} MB"


def uptime_text(value: timedelta | None) -> str:
    """``hh:mm:ss`` below a day, ``d.hh:mm:ss`` above (fractions dropped, as HVM does)."""
    if value is None:
        return ""
    total = max(int(value.total_seconds()), 0)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{days}.{clock}" if days else clock


def percent_text(value: int | None) -> str:
    """CPU usage as "3 %"."""
    return "" if value is None else f"{value} %"


def number_text(value: int | None) -> str:
    """An integer as plain digits; empty for no value."""
    return "" if value is None else str(value)


def datetime_text(value: datetime | None) -> str:
    """A creation time in local time, ``YYYY-MM-DD hh:mm:ss`` (sorts like it reads)."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d %H:%M:%S")


def version_sort_key(value: str | None) -> str | None:
    """A dotted version as a string that sorts numerically ("9.0" < "10.0").

    Each part is zero-padded to ten digits, so plain string comparison (in C++ or Python)
    orders versions correctly; non-numeric parts sort as text after numbers.
    """
    if value is None or value == "":
        return None
    parts = []
    for part in value.split("."):
        parts.append(part.zfill(10) if part.isdigit() else "~" + part.lower())
    return ".".join(parts)
