"""Conversions of one CSV cell's text, for the refresh's CSV shape.

Each converter gives exactly what ``vm_parser.CONVERTERS`` gives for the same cell (an
empty cell read as None): it handles the text a host writes (``Running``, ``1073741824``,
``1.02:03:04.5000000``, ``True``) directly and hands anything else to that converter, so
odd, hostile or culture-formatted text reads (or fails) as it always did.
"""

from __future__ import annotations

import re
import uuid
from types import MappingProxyType
from typing import Any, Callable, Mapping

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv import values
from hvmanager.hyperv.vm_parser import CONVERTERS, parse_state
from hvmanager.hyperv.vm_property import VmProperty

# values.as_timedelta's .NET TimeSpan pattern. A match has no surrounding whitespace and
# cannot be an ISO-8601 duration (those start with P), so it reads as that function reads it.
TIMESPAN = re.compile(r"(-)?(?:(\d+)\.)?(\d{1,2}:\d{2}):(\d{2}(?:\.\d{1,7})?)\Z")
# Look-up tables: read through their dicts' own ``get`` (a MappingProxyType's get is a
# method call more, ~40 ns on every cell), never written after import.
_CLOCK_MINUTES = {f"{hours:02d}:{minutes:02d}": hours * 60 + minutes for hours in range(24) for minutes in range(60)}
_SMALL_NUMBERS = {str(number): number for number in range(4096)}
_STATE_NAMES = {state.value: state for state in VMState}
_HEARTBEATS = {status.value: status for status in HeartbeatStatus}
_CHECKPOINT_TYPES = {kind.value: kind for kind in CheckpointType}
_BOOLS = {"True": True, "False": False}
#: Minutes since midnight of an ``hh:mm`` as TimeSpan's ToString writes it, else None (one
#: look-up instead of two ``int()``s; other clocks that TIMESPAN accepts are computed).
clock_minutes: Callable[[str], int | None] = _CLOCK_MINUTES.get
#: The integers 0-4095 by their text, else None (CPU usage, generation, processor count,
#: days of uptime): one look-up instead of checking the digits and ``int()``.
small_number: Callable[[str], int | None] = _SMALL_NUMBERS.get
#: The state a name PowerShell writes stands for (what ``state`` gives), else None.
state_named: Callable[[str], VMState | None] = _STATE_NAMES.get
# Longer digit strings are left to values.as_int, which turns int()'s length limit into None.
MAX_PLAIN_DIGITS = 18
_new = object.__new__
_set = object.__setattr__
# uuid.UUID's default; read once (an enum member read off its class costs ~1 us in 3.11).
_SAFETY_UNKNOWN = uuid.SafeUUID.unknown


def state(text: str) -> VMState:
    """``vm_parser.parse_state`` of a cell."""
    found = _STATE_NAMES.get(text)
    return found if found is not None else parse_state(text or None)


def guid_of(text: str) -> uuid.UUID | None:
    """``values.as_uuid`` of a cell."""
    # Letters and digits with hyphens anywhere (as PowerShell writes a GUID): what
    # uuid.UUID does with it (the int of the 32 hex digits) without its argument handling.
    digits = text.replace("-", "")
    if len(digits) == 32 and digits.isalnum() and digits.isascii():
        try:
            number = int(digits, 16)
        except ValueError:
            return None  # uuid.UUID raises the same ValueError: as_uuid's None
        guid = _new(uuid.UUID)
        _set(guid, "int", number)
        _set(guid, "is_safe", _SAFETY_UNKNOWN)
        return guid
    return values.as_uuid(text or None)


def _text(fallback: Callable[[Any], Any]) -> Callable[[str], Any]:
    # as_str and as_version return a string as it is.
    def convert(text: str) -> str | None:
        return text or None
    return convert


def _named(names: dict[str, Any]) -> Callable[[Callable[[Any], Any]], Callable[[str], Any]]:
    def with_fallback(fallback: Callable[[Any], Any]) -> Callable[[str], Any]:
        def convert(text: str) -> Any:
            found = names.get(text)
            return found if found is not None else fallback(text or None)
        return convert
    return with_fallback


def _enum_name(fallback: Callable[[Any], Any]) -> Callable[[str], Any]:
    def convert(text: str) -> str | None:
        # Letters only: no digits to read as a number, no whitespace to strip.
        return text if text.isalpha() else fallback(text or None)
    return convert


def _plain(fallback: Callable[[Any], Any]) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        return fallback(text or None)
    return convert


_FACTORIES: dict[str, Callable[[Callable[[Any], Any]], Callable[[str], Any]]] = {
    # Counts and durations are read inline by the row plan's code (csv_row_plan._CELL_CODE),
    # which calls the converter only for the text it does not read itself.
    "count": _plain, "text": _text, "duration": _plain, "bool": _named(_BOOLS),
    "heartbeat": _named(_HEARTBEATS), "checkpoint_type": _named(_CHECKPOINT_TYPES),
    "enum_name": _enum_name, "other": _plain,
}
# By the kind of each property's converter in vm_parser (the fallback for other text).
_KINDS: dict[VmProperty, str] = {
    VmProperty.CPU_USAGE: "count", VmProperty.MEMORY_ASSIGNED: "count", VmProperty.MEMORY_DEMAND: "count",
    VmProperty.MEMORY_STARTUP: "count", VmProperty.MEMORY_MINIMUM: "count",
    VmProperty.MEMORY_MAXIMUM: "count", VmProperty.PROCESSOR_COUNT: "count", VmProperty.GENERATION: "count",
    VmProperty.MEMORY_STATUS: "text", VmProperty.STATUS: "text", VmProperty.VERSION: "text",
    VmProperty.PATH: "text", VmProperty.CONFIGURATION_LOCATION: "text", VmProperty.NOTES: "text",
    VmProperty.INTEGRATION_SERVICES_VERSION: "text", VmProperty.PARENT_SNAPSHOT_NAME: "text",
    VmProperty.UPTIME: "duration",
    VmProperty.DYNAMIC_MEMORY_ENABLED: "bool", VmProperty.IS_CLUSTERED: "bool",
    VmProperty.HEARTBEAT: "heartbeat", VmProperty.CHECKPOINT_TYPE: "checkpoint_type",
    VmProperty.REPLICATION_STATE: "enum_name", VmProperty.REPLICATION_HEALTH: "enum_name",
}
#: What each optional property's cell holds: ``count`` (a non-negative integer), ``text``
#: (kept as it is, empty as None), ``duration`` (a TimeSpan), or another kind.
CELL_KINDS: Mapping[VmProperty, str] = MappingProxyType({prop: _KINDS.get(prop, "other") for prop in CONVERTERS})
#: The cell converter of every optional property (those of ``vm_parser.CONVERTERS``).
CELL_CONVERTERS: Mapping[VmProperty, Callable[[str], Any]] = MappingProxyType(
    {prop: _FACTORIES[CELL_KINDS[prop]](convert) for prop, convert in CONVERTERS.items()})
