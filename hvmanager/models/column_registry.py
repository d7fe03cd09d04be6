"""Every VM column the table offers, in Hyper-V Manager's default order first."""

from __future__ import annotations

import operator
from datetime import datetime
from typing import Callable, Iterable, Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.vm_property import VmProperty
from hvmanager.models import formatting
from hvmanager.models.column import LEFT, RIGHT, Column, SortValue
from hvmanager.models.enum_text import (checkpoint_type_text, heartbeat_text, state_text,
                                        yes_no_text)
from hvmanager.models.state_order import state_rank


def _text(field: str) -> Callable[[VirtualMachine], str]:
    get = operator.attrgetter(field)
    return lambda vm: get(vm) or ""


def _folded(field: str) -> Callable[[VirtualMachine], SortValue]:
    get = operator.attrgetter(field)

    def key(vm: VirtualMachine) -> SortValue:
        value = get(vm)
        return value.casefold() if value else None
    return key


def _number(field: str) -> Callable[[VirtualMachine], SortValue]:
    return operator.attrgetter(field)


#: States with a live partition: CPU, assigned memory and uptime mean something.
# A tuple, not a set: membership is an identity scan in C, where a set would call the
# Enum's __hash__ in Python (the CPU and uptime texts of every painted row ask).
_LIVE_STATES = tuple(s for s in VMState
                     if s.is_running_like or s.is_paused_like or s.is_transitional)


def _live(field: str, fmt: Callable) -> Callable[[VirtualMachine], str]:
    """Live figures (CPU, assigned memory, uptime) are blank while the VM is off or saved,
    as in Hyper-V Manager, even when the host reports 0 for them."""
    get = operator.attrgetter(field)

    def text(vm: VirtualMachine) -> str:
        return fmt(get(vm)) if vm.state in _LIVE_STATES else ""
    return text


def _live_key(field: str) -> Callable[[VirtualMachine], object]:
    get = operator.attrgetter(field)
    return lambda vm: (vm.state in _LIVE_STATES, get(vm))


def _formatted(field: str, fmt: Callable) -> Callable[[VirtualMachine], str]:
    get = operator.attrgetter(field)
    return lambda vm: fmt(get(vm))


def _bool_key(field: str) -> Callable[[VirtualMachine], SortValue]:
    get = operator.attrgetter(field)

    def key(vm: VirtualMachine) -> SortValue:
        value = get(vm)
        return None if value is None else int(value)
    return key


def _enum_rank(field: str, members: tuple) -> Callable[[VirtualMachine], SortValue]:
    get = operator.attrgetter(field)
    rank = {member: index for index, member in enumerate(members)}
    return lambda vm: rank.get(get(vm))


def _seconds(vm: VirtualMachine) -> SortValue:
    return None if vm.uptime is None else vm.uptime.total_seconds()


def _timestamp(vm: VirtualMachine) -> SortValue:
    created: datetime | None = vm.creation_time
    return None if created is None else created.timestamp()


def _version_key(field: str) -> Callable[[VirtualMachine], SortValue]:
    get = operator.attrgetter(field)
    return lambda vm: formatting.version_sort_key(get(vm))


def _host_placeholder(vm: VirtualMachine) -> str:
    # The table model replaces this with the server's title (Column.shows_host).
    return vm.host


def _standard_columns() -> tuple[Column, ...]:
    P = VmProperty
    return (
        # Hyper-V Manager's defaults, in its order, then Generation (ours).
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), P.NAME,
               _text("name"), _folded("name"), LEFT, True, 180),
        Column("state", QT_TRANSLATE_NOOP("Columns", "State"), P.STATE,
               lambda vm: state_text(vm.state), lambda vm: state_rank(vm.state),
               LEFT, True, 100, text_key=operator.attrgetter("state")),
        Column("cpu_usage", QT_TRANSLATE_NOOP("Columns", "CPU Usage"), P.CPU_USAGE,
               _live("cpu_usage", formatting.percent_text), _number("cpu_usage"),
               RIGHT, True, 80),
        Column("memory_assigned", QT_TRANSLATE_NOOP("Columns", "Assigned Memory"),
               P.MEMORY_ASSIGNED, _live("memory_assigned", formatting.memory_text),
               _number("memory_assigned"), RIGHT, True, 110,
               text_key=_live_key("memory_assigned")),
        Column("uptime", QT_TRANSLATE_NOOP("Columns", "Uptime"), P.UPTIME,
               _live("uptime", formatting.uptime_text), _seconds, RIGHT, True, 100),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), P.STATUS,
               _text("status"), _folded("status"), LEFT, True, 160),
        Column("version", QT_TRANSLATE_NOOP("Columns", "Configuration Version"), P.VERSION,
               _text("version"), _version_key("version"), RIGHT, True, 90),
        Column("generation", QT_TRANSLATE_NOOP("Columns", "Generation"), P.GENERATION,
               _formatted("generation", formatting.number_text), _number("generation"),
               RIGHT, True, 80, text_key=operator.attrgetter("generation")),
        # Optional columns, in the reference's property order.
        Column("host", QT_TRANSLATE_NOOP("Columns", "Host"), None,
               _host_placeholder, _folded("host"), LEFT, False, 140, shows_host=True),
        Column("processor_count", QT_TRANSLATE_NOOP("Columns", "Processors"),
               P.PROCESSOR_COUNT, _formatted("processor_count", formatting.number_text),
               _number("processor_count"), RIGHT, False, 80),
        Column("memory_demand", QT_TRANSLATE_NOOP("Columns", "Memory Demand"),
               P.MEMORY_DEMAND, _live("memory_demand", formatting.memory_text),
               _number("memory_demand"), RIGHT, False, 110,
               text_key=_live_key("memory_demand")),
        Column("memory_status", QT_TRANSLATE_NOOP("Columns", "Memory Status"),
               P.MEMORY_STATUS, _text("memory_status"), _folded("memory_status"),
               LEFT, False, 100),
        Column("memory_startup", QT_TRANSLATE_NOOP("Columns", "Startup Memory"),
               P.MEMORY_STARTUP, _formatted("memory_startup", formatting.memory_text),
               _number("memory_startup"), RIGHT, False, 110),
        Column("memory_minimum", QT_TRANSLATE_NOOP("Columns", "Minimum Memory"),
               P.MEMORY_MINIMUM, _formatted("memory_minimum", formatting.memory_text),
               _number("memory_minimum"), RIGHT, False, 110),
        Column("memory_maximum", QT_TRANSLATE_NOOP("Columns", "Maximum Memory"),
               P.MEMORY_MAXIMUM, _formatted("memory_maximum", formatting.memory_text),
               _number("memory_maximum"), RIGHT, False, 110),
        Column("dynamic_memory_enabled", QT_TRANSLATE_NOOP("Columns", "Dynamic Memory"),
               P.DYNAMIC_MEMORY_ENABLED,
               _formatted("dynamic_memory_enabled", yes_no_text),
               _bool_key("dynamic_memory_enabled"), LEFT, False, 90,
               text_key=operator.attrgetter("dynamic_memory_enabled")),
        Column("heartbeat", QT_TRANSLATE_NOOP("Columns", "Heartbeat"), P.HEARTBEAT,
               _formatted("heartbeat", heartbeat_text),
               _enum_rank("heartbeat", tuple(HeartbeatStatus)), LEFT, False, 160,
               text_key=operator.attrgetter("heartbeat")),
        Column("path", QT_TRANSLATE_NOOP("Columns", "Path"), P.PATH,
               _text("path"), _folded("path"), LEFT, False, 220),
        Column("configuration_location",
               QT_TRANSLATE_NOOP("Columns", "Configuration Location"),
               P.CONFIGURATION_LOCATION, _text("configuration_location"),
               _folded("configuration_location"), LEFT, False, 220),
        Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), P.NOTES,
               _text("notes"), _folded("notes"), LEFT, False, 200),
        Column("creation_time", QT_TRANSLATE_NOOP("Columns", "Created"), P.CREATION_TIME,
               _formatted("creation_time", formatting.datetime_text), _timestamp,
               LEFT, False, 140),
        Column("integration_services_version",
               QT_TRANSLATE_NOOP("Columns", "Integration Services Version"),
               P.INTEGRATION_SERVICES_VERSION, _text("integration_services_version"),
               _version_key("integration_services_version"), RIGHT, False, 110),
        Column("parent_snapshot_name", QT_TRANSLATE_NOOP("Columns", "Checkpoint"),
               P.PARENT_SNAPSHOT_NAME, _text("parent_snapshot_name"),
               _folded("parent_snapshot_name"), LEFT, False, 160),
        Column("checkpoint_type", QT_TRANSLATE_NOOP("Columns", "Checkpoint Type"),
               P.CHECKPOINT_TYPE, _formatted("checkpoint_type", checkpoint_type_text),
               _enum_rank("checkpoint_type", tuple(CheckpointType)), LEFT, False, 110,
               text_key=operator.attrgetter("checkpoint_type")),
        Column("replication_state", QT_TRANSLATE_NOOP("Columns", "Replication State"),
               P.REPLICATION_STATE, _text("replication_state"),
               _folded("replication_state"), LEFT, False, 120),
        Column("replication_health", QT_TRANSLATE_NOOP("Columns", "Replication Health"),
               P.REPLICATION_HEALTH, _text("replication_health"),
               _folded("replication_health"), LEFT, False, 120),
        Column("is_clustered", QT_TRANSLATE_NOOP("Columns", "Clustered"), P.IS_CLUSTERED,
               _formatted("is_clustered", yes_no_text), _bool_key("is_clustered"),
               LEFT, False, 80, text_key=operator.attrgetter("is_clustered")),
        Column("vm_id", QT_TRANSLATE_NOOP("Columns", "VM ID"), P.ID,
               lambda vm: str(vm.vm_id), lambda vm: str(vm.vm_id), LEFT, False, 260),
    )


class ColumnRegistry:
    """The columns the VM table can show, keyed by a stable ``key`` (persisted in settings).

    Iteration follows registry order (defaults first). ``properties_for`` turns the visible
    keys into the ``VmProperty`` set the refresh must select.
    """

    def __init__(self, columns: Iterable[Column]) -> None:
        self._columns: dict[str, Column] = {}
        for column in columns:
            if column.key in self._columns:
                raise ValueError(f"duplicate column key {column.key!r}")
            self._columns[column.key] = column

    @classmethod
    def standard(cls) -> "ColumnRegistry":
        """Every VM property of the reference as a column (a new registry each call)."""
        return cls(_standard_columns())

    def __iter__(self) -> Iterator[Column]:
        return iter(self._columns.values())

    def __len__(self) -> int:
        return len(self._columns)

    def __contains__(self, key: object) -> bool:
        return key in self._columns

    def column(self, key: str) -> Column:
        """The column with ``key`` (KeyError if none)."""
        return self._columns[key]

    def keys(self) -> tuple[str, ...]:
        """Every key, in registry order."""
        return tuple(self._columns)

    def default_keys(self) -> tuple[str, ...]:
        """The columns visible by default, in order (Hyper-V Manager's plus Generation)."""
        return tuple(c.key for c in self._columns.values() if c.visible_by_default)

    def known_keys(self, keys: Iterable[str]) -> tuple[str, ...]:
        """``keys`` without unknown or repeated ones, order kept (for restored settings)."""
        seen: dict[str, None] = {}
        for key in keys:
            if key in self._columns:
                seen.setdefault(key, None)
        return tuple(seen)

    def properties_for(self, keys: Iterable[str]) -> frozenset[VmProperty]:
        """The properties the refresh must select to fill the columns ``keys``.

        Id, Name and State are always selected by ``hyperv.selection`` anyway; they are
        included here when their columns are asked for. Unknown keys raise KeyError.
        """
        props = (self._columns[key].vm_property for key in keys)
        return frozenset(p for p in props if p is not None)
