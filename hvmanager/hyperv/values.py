"""Tolerant conversions from deserialized PowerShell values to Python values.

Values arrive as typed primitives (PSRP), enum ``Record``s, JSON values or CSV strings,
and hosts differ. Every function here returns None for a missing or wrongly typed
value instead of raising: one odd property must not lose a whole refresh.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from hvmanager.remoting.record import Record

_ISO_DURATION = re.compile(
    r"(?P<sign>-)?P(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?\Z")
# .NET TimeSpan.ToString(): [-][d.]hh:mm:ss[.fffffff]
_TIMESPAN = re.compile(r"(?P<sign>-)?(?:(?P<days>\d+)\.)?(?P<hours>\d{1,2}):(?P<minutes>\d{2})"
                       r":(?P<seconds>\d{2}(?:\.\d{1,7})?)\Z")
_MS_DATE = re.compile(r"/Date\((?P<ms>-?\d+)(?P<offset>[+-]\d{4})?\)/\Z")
_FRACTION = re.compile(r"(\.\d{6})\d+")
_GUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


def as_str(value: Any) -> str | None:
    """A string; an object's ToString; numbers and GUIDs as text; None stays None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, Record):
        if value.to_string is not None:
            return value.to_string
        return as_str(value.value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (int, float, uuid.UUID)):
        return str(value)
    return None


def as_int(value: Any) -> int | None:
    """An integer from int, integral float, numeric string or a wrapped value."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    if isinstance(value, Record):
        return as_int(value.value)
    return None


def as_bool(value: Any) -> bool | None:
    """A bool from bool or ``"True"``/``"False"`` text; anything else None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if isinstance(value, Record):
        return as_bool(value.value)
    return None


def as_uuid(value: Any) -> uuid.UUID | None:
    """A GUID from a UUID, its text (braces allowed) or a wrapped value."""
    if isinstance(value, uuid.UUID):
        return value
    text = as_str(value)
    if not text:
        return None
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        return None


def guids_in(text: str | None) -> list[uuid.UUID]:
    """Every GUID inside a string, in order."""
    return [uuid.UUID(found) for found in _GUID.findall(text or "")]


def last_guid(text: str | None) -> uuid.UUID | None:
    """The last GUID inside a string (``Microsoft:<VMId>\\<GUID>`` -> GUID)."""
    found = guids_in(text)
    return found[-1] if found else None


def as_timedelta(value: Any) -> timedelta | None:
    """From timedelta, ISO-8601 duration, .NET TimeSpan text or JSON ``{"Ticks": n}``."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, dict):
        ticks = as_int(value.get("Ticks"))
        return timedelta(microseconds=ticks // 10) if ticks is not None else None
    if isinstance(value, Record):
        ticks = as_int(value.get("Ticks"))
        if ticks is not None:
            return timedelta(microseconds=ticks // 10)
        return as_timedelta(value.value) or as_timedelta(value.to_string)
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ISO_DURATION.match(text)
    if match and text not in ("P", "PT") and not text.endswith("T"):
        delta = timedelta(days=float(match["days"] or 0), hours=float(match["hours"] or 0),
                          minutes=float(match["minutes"] or 0),
                          seconds=float(match["seconds"] or 0))
        return -delta if match["sign"] else delta
    match = _TIMESPAN.match(text)
    if match:
        delta = timedelta(days=int(match["days"] or 0), hours=int(match["hours"]),
                          minutes=int(match["minutes"]), seconds=float(match["seconds"]))
        return -delta if match["sign"] else delta
    return None


def as_datetime(value: Any) -> datetime | None:
    """From datetime, ISO-8601 text (7 fraction digits allowed) or JSON ``/Date(ms)/``.

    Culture-formatted text (``27.11.2026 08:24``) is ambiguous and gives None.
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, Record):
        return as_datetime(value.value) or as_datetime(value.to_string)
    if not isinstance(value, str):
        return None
    text = value.strip().replace("\\/", "/")
    match = _MS_DATE.match(text)
    if match:
        moment = datetime.fromtimestamp(int(match["ms"]) / 1000, tz=timezone.utc)
        return moment
    try:
        return datetime.fromisoformat(_FRACTION.sub(r"\1", text).replace("Z", "+00:00"))
    except ValueError:
        return None


def enum_parts(value: Any) -> tuple[str | None, int | None]:
    """``(name, number)`` of an enum sent as a Record, a name, a number or numeric text."""
    if value is None or isinstance(value, bool):
        return None, None
    if isinstance(value, Record):
        name = value.to_string
        number = as_int(value.value)
        if name is not None and name.lstrip("-").isdigit():
            return None, int(name)
        return name, number
    if isinstance(value, int):
        return None, value
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("-").isdigit():
            return None, int(text)
        return text or None, None
    return None, None


def as_str_tuple(value: Any) -> tuple[str, ...]:
    """A list of strings (or one string, or enum Records) as a tuple; None -> ()."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        items = (as_str(item) for item in value)
        return tuple(item for item in items if item is not None)
    if isinstance(value, str) and not value:
        return ()
    single = as_str(value)
    return (single,) if single is not None else ()


def as_version(value: Any) -> str | None:
    """A ``System.Version`` as text: from its ToString, or JSON ``{"Major":..,"Minor":..}``."""
    if isinstance(value, dict) or (isinstance(value, Record) and value.to_string is None):
        get = value.get
        parts = [as_int(get(name)) for name in ("Major", "Minor", "Build", "Revision")]
        if parts[0] is None or parts[1] is None:
            return None
        return ".".join(str(p) for p in parts if p is not None and p >= 0)
    return as_str(value)
