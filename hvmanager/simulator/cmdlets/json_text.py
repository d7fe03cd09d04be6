"""ConvertTo-Json as Windows PowerShell 5.1 writes it.

What 5.1 does (and PowerShell 7 does not): enums become their numbers, DateTime becomes
``"\\/Date(<ms since 1970 UTC>)\\/"``, TimeSpan and Version become objects of their
properties, ``'``, ``<``, ``>`` and ``&`` are escaped as ``\\u0027``..., objects deeper than
``-Depth`` (default 2) become their ToString, and the pretty form indents each level four
columns past the bracket that opened it, with two spaces after each colon.
"""

from __future__ import annotations

import datetime
import enum
import uuid
from typing import Any

from psrpcore.types import PSList, PSObject, PSVersion

from hvmanager.simulator.cmdlets.ps_value import PSValue

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
            "\t": "\\t", "'": "\\u0027", "<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class JsonText:
    """Converts values to 5.1-style JSON text."""

    def __init__(self, values: PSValue, depth: int = 2, compress: bool = False) -> None:
        self._values = values
        self._depth = depth
        self._compress = compress

    def convert(self, value: Any) -> str:
        """The JSON text of ``value``."""
        return self._emit(self._plain(value, 0), 0)

    # -- .NET value -> plain JSON-able Python value ---------------------------------------
    def _plain(self, value: Any, depth: int) -> Any:
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, enum.Enum):
            return int(value)
        if isinstance(value, (int, float)):
            return value
        if isinstance(value, uuid.UUID):
            return str(value)
        if isinstance(value, datetime.datetime):
            moment = value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
            return _JsonDate(f"/Date({int((moment - _EPOCH).total_seconds() * 1000)})/")
        if depth > self._depth and not isinstance(value, (PSList, list, tuple)):
            return self._values.text(value)
        if isinstance(value, datetime.timedelta):
            return self._object(_timespan_fields(value), depth)
        if isinstance(value, PSVersion):
            return self._object(_version_fields(value), depth)
        if isinstance(value, (PSList, list, tuple)):
            if depth > self._depth:
                return self._values.text(value)
            return [self._plain(v, depth + 1) for v in value]
        if isinstance(value, dict):
            return self._object(list((str(k), v) for k, v in value.items()), depth)
        if isinstance(value, PSObject):
            names = PSValue.property_names(value)
            if not names:
                return self._values.text(value)
            return self._object([(n, PSValue.get(value, n, deep=True)[1]) for n in names], depth)
        return str(value)

    def _object(self, fields: list[tuple[str, Any]], depth: int) -> Any:
        return {name: self._plain(v, depth + 1) for name, v in fields}

    # -- text -------------------------------------------------------------------------
    def _emit(self, value: Any, column: int) -> str:
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return _number(value)
        if isinstance(value, _JsonDate):
            return '"' + value.replace("/", "\\/") + '"'
        if isinstance(value, str):
            return _string(value)
        if isinstance(value, list):
            return self._container("[", "]", [(None, v) for v in value], column)
        return self._container("{", "}", list(value.items()), column)

    def _container(self, opening: str, closing: str, items: list[tuple[str | None, Any]],
                   column: int) -> str:
        if self._compress:
            parts = [(f"{_string(k)}:" if k is not None else "") + self._emit(v, 0) for k, v in items]
            return opening + ",".join(parts) + closing
        if not items:
            return f"{opening}\n\n{' ' * column}{closing}"
        inner = column + 4
        lines = []
        for key, value in items:
            prefix = f"{_string(key)}:  " if key is not None else ""
            lines.append(" " * inner + prefix + self._emit(value, inner + len(prefix)))
        return opening + "\n" + ",\n".join(lines) + "\n" + " " * column + closing


class _JsonDate(str):
    """A DateTime already in 5.1's form; written with its slashes escaped: ``"\\/Date(..)\\/"``."""


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _number(value: float) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _timespan_fields(value: datetime.timedelta) -> list[tuple[str, Any]]:
    ticks = (value.days * 86400 + value.seconds) * 10_000_000 + value.microseconds * 10
    total = ticks / 10_000_000
    return [("Ticks", ticks), ("Days", value.days), ("Hours", value.seconds // 3600),
            ("Milliseconds", value.microseconds // 1000), ("Minutes", value.seconds // 60 % 60),
            ("Seconds", value.seconds % 60), ("TotalDays", total / 86400),
            ("TotalHours", total / 3600), ("TotalMilliseconds", total * 1000),
            ("TotalMinutes", total / 60), ("TotalSeconds", total)]


def _version_fields(value: PSVersion) -> list[tuple[str, Any]]:
    parts = [int(p) for p in str(value).split(".")] + [-1, -1]
    major, minor, build, revision = parts[0], parts[1], parts[2], parts[3]
    return [("Major", major), ("Minor", minor), ("Build", build), ("Revision", revision),
            ("MajorRevision", -1 if revision < 0 else revision >> 16),
            ("MinorRevision", -1 if revision < 0 else revision & 0xFFFF)]
