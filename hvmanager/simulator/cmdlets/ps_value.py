"""PowerShell's view of a value: its properties, its string form, equality and order."""

from __future__ import annotations

import datetime
import enum
import re
import uuid
from typing import Any, Callable

from psrpcore.types import PSDuration, PSList, PSNoteProperty, PSObject, PSVersion
from psrpcore.types._base import _UnsetValue

from hvmanager.simulator.hyperv.lazy_ps_object import LazyPSObject


class PSValue:
    """Helpers that treat psrpcore objects the way PowerShell treats .NET objects."""

    def __init__(self, locale: str = "en-US") -> None:
        self.german = locale.lower().startswith("de")
        # The conversion for each Python type seen, chosen once: psrpcore's values make every
        # failing isinstance() call run their property walk (a look-up of __class__).
        self._text_of_type: dict[type, Callable[[Any], str]] = {}

    # -- properties -------------------------------------------------------------------
    @staticmethod
    def property_names(value: Any) -> list[str]:
        """Property names in PSObject.Properties order: extended members, then adapted."""
        if not isinstance(value, PSObject) or isinstance(value, enum.Enum):
            return []
        lazy = instance_attribute(value, "sim_property_names")
        if lazy is not None:
            return list(lazy)
        meta = value.PSObject
        names = [p.name for p in meta.extended_properties]
        names += [p.name for p in meta.adapted_properties if p.name not in names]
        return names

    @staticmethod
    def get(value: Any, name: str, deep: bool = False) -> tuple[bool, Any]:
        """(found, value) of a property, case-insensitive; ``deep`` gives nested objects whole."""
        if not isinstance(value, PSObject) or isinstance(value, enum.Enum):
            return False, None
        meta = value.PSObject
        if getattr(meta, "pending", False):
            # A LazyPSObject not yet filled: compute this one property only.
            return value.sim_lookup(name, deep)
        lowered = name.lower()
        for props in (meta.extended_properties, meta.adapted_properties):
            for prop in props:
                if prop.name.lower() == lowered:
                    if deep:
                        if issubclass(type(value), LazyPSObject):
                            found, nested_value = value.sim_nested_value(prop.name)
                            if found:
                                return True, nested_value
                        nested = instance_attribute(value, "sim_nested") or {}
                        if prop.name in nested:
                            return True, nested[prop.name]()
                    return True, _value_of(prop, value)
        return False, None

    # -- text -------------------------------------------------------------------------
    def text(self, value: Any) -> str:
        """PowerShell's [string] conversion (culture-sensitive where PowerShell is)."""
        return self.converter(type(value))(value)

    def converter(self, kind: type) -> Callable[[Any], str]:
        """``text`` for values of exactly this Python type (for callers that keep it)."""
        convert = self._text_of_type.get(kind)
        if convert is None:
            convert = self._text_of_type[kind] = self._converter(kind)
        return convert

    def _converter(self, kind: type) -> Callable[[Any], str]:
        """The [string] conversion of one Python type, tested in PowerShell's order."""
        if kind is type(None):
            return lambda value: ""
        if issubclass(kind, bool):
            return lambda value: "True" if value else "False"
        if issubclass(kind, enum.Enum):
            return _enum_text
        if issubclass(kind, PSDuration):
            return self.timespan_text
        if issubclass(kind, datetime.datetime):
            return self.datetime_text
        if issubclass(kind, (PSVersion, uuid.UUID)):
            return str
        if issubclass(kind, float):
            return (lambda value: repr(value).replace(".", ",")) if self.german else repr
        if issubclass(kind, int):
            if getattr(kind, "PSObject", None) is None:
                return lambda value: str(int(value))

            def integer(value: Any) -> str:
                # PSInt & co. without psrpcore's per-access property walk, unless a ToString was set.
                if object.__getattribute__(value, "PSObject")._to_string is None:
                    return str(int(value))
                return self._object_text(value)
            return integer
        if issubclass(kind, (PSList, list, tuple)):
            return lambda value: " ".join(self.text(v) for v in value)
        if issubclass(kind, PSObject):
            return self._object_text
        return str

    def _object_text(self, value: PSObject) -> str:
        if value.PSObject.to_string is not None:
            return value.PSObject.to_string
        if "System.Management.Automation.PSCustomObject" in value.PSObject.type_names:
            parts = [f"{n}={self.text(self.get(value, n)[1])}" for n in self.property_names(value)]
            return "@{" + "; ".join(parts) + "}"
        return value.PSObject.type_names[0] if value.PSObject.type_names else ""

    @staticmethod
    def timespan_text(value: datetime.timedelta) -> str:
        """TimeSpan.ToString(): ``[d.]hh:mm:ss[.fffffff]``."""
        # timedelta's own fields: psrpcore's PSDuration walks its properties on every attribute read.
        days, microseconds = _DAYS.__get__(value), _MICROSECONDS.__get__(value)
        total = days * 86400 + _SECONDS.__get__(value)
        days, rest = divmod(total, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, seconds = divmod(rest, 60)
        text = f"{days}." if days else ""
        text += f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        if microseconds:
            text += f".{microseconds:06d}0"
        return text

    def datetime_text(self, value: datetime.datetime) -> str:
        """DateTime.ToString() in the host's culture."""
        if self.german:
            return f"{value:%d.%m.%Y %H:%M:%S}"
        hour = value.hour % 12 or 12
        return f"{value.month}/{value.day}/{value.year} {hour}:{value:%M:%S} {'AM' if value.hour < 12 else 'PM'}"

    # -- comparison -------------------------------------------------------------------
    def coerce(self, left: Any, right: Any) -> Any:
        """Convert ``right`` to ``left``'s type, as PowerShell's comparison operators do."""
        if right is None or left is None:
            return right
        try:
            if isinstance(left, enum.Enum):
                if isinstance(right, str) and not right.lstrip("-").isdigit():
                    return _enum_by_name(type(left), right)
                return type(left)(int(right))
            if isinstance(left, bool):
                return right if isinstance(right, bool) else bool(right)
            if isinstance(left, int):
                return int(right)
            if isinstance(left, float):
                return float(right)
            if isinstance(left, uuid.UUID):
                return uuid.UUID(str(right))
        except (ValueError, KeyError, TypeError):
            return _NO_MATCH
        return right

    def equals(self, left: Any, right: Any) -> bool:
        """PowerShell ``-eq`` (case-insensitive for strings)."""
        right = self.coerce(left, right)
        if right is _NO_MATCH:
            return False
        if isinstance(left, str) or isinstance(right, str):
            return self.text(left).lower() == self.text(right).lower()
        return left == right

    def sort_key(self, value: Any) -> tuple[int, Any]:
        """An order key: nulls first, numbers (and enums) by value, text case-insensitively."""
        if value is None:
            return (0, 0)
        if isinstance(value, bool):
            return (1, int(value))
        if isinstance(value, (int, float)) and not isinstance(value, enum.Enum):
            return (1, value)
        if isinstance(value, enum.Enum):
            return (1, int(value))
        if isinstance(value, datetime.timedelta):
            return (1, value.total_seconds())
        if isinstance(value, datetime.datetime):
            return (1, value.timestamp())
        return (2, self.text(value).lower())

    @staticmethod
    def wildcard(pattern: str) -> re.Pattern[str]:
        """A PowerShell wildcard (``*``, ``?``, ``[a-z]``, backtick escapes), case-insensitive."""
        out, i = [], 0
        while i < len(pattern):
            ch = pattern[i]
            if ch == "`" and i + 1 < len(pattern):
                out.append(re.escape(pattern[i + 1]))
                i += 2
                continue
            if ch == "*":
                out.append(".*")
            elif ch == "?":
                out.append(".")
            elif ch == "[":
                end = pattern.find("]", i + 1)
                if end > i:
                    out.append("[" + pattern[i + 1:end].replace("\\", "\\\\") + "]")
                    i = end + 1
                    continue
                out.append(re.escape(ch))
            else:
                out.append(re.escape(ch))
            i += 1
        return re.compile("^" + "".join(out) + "$", re.IGNORECASE | re.DOTALL)

    @staticmethod
    def has_wildcard(pattern: str) -> bool:
        """True when the text holds a wildcard character PowerShell would expand."""
        return any(ch in pattern for ch in "*?[")


_DAYS, _SECONDS, _MICROSECONDS = datetime.timedelta.days, datetime.timedelta.seconds, datetime.timedelta.microseconds


def _enum_text(value: enum.Enum) -> str:
    """An enum's name (``_name_``: psrpcore's enums walk their properties on every attribute read)."""
    name = object.__getattribute__(value, "_name_")
    return "None" if name == "none" else name


def _value_of(prop: Any, owner: PSObject) -> Any:
    """``prop.get_value(owner)``; a note property's value is read directly, since psrpcore
    compares it with its unset marker by ``==`` (slow for its wrapped numbers)."""
    if type(prop) is PSNoteProperty and prop.getter is None:
        value = prop._value
        return None if value is _UnsetValue else value
    return prop.get_value(owner)


def instance_attribute(value: PSObject, name: str) -> Any:
    """A plain Python attribute of a psrpcore object, without psrpcore's property machinery
    (its ``__dict__`` would evaluate every property)."""
    try:
        return object.__getattribute__(value, "__dict__").get(name)
    except AttributeError:
        return None


class _NoMatch:
    """A value that compares equal to nothing (a failed conversion)."""


_NO_MATCH = _NoMatch()


def _enum_by_name(enum_type: type[enum.Enum], name: str) -> Any:
    for member in enum_type:
        if member.name.lower() == name.lower() or (member.name == "none" and name.lower() == "none"):
            return member
    raise KeyError(name)
