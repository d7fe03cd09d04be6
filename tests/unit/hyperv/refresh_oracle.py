"""The refresh parser as it was before the per-shape row plans (commit d8c3ce6): the oracle
the property tests compare the product's ``RefreshParser`` with.

Kept verbatim apart from names (``OracleRefreshParser``, ``oracle_parse_vm``) and imports,
so that "identical results" means identical to what the app did before.
"""

from __future__ import annotations

import csv
from typing import Any, Callable, Iterable, Iterator, Mapping

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv import values
from hvmanager.hyperv.inventory_query import is_text_output, output_texts, parse_refresh
from hvmanager.hyperv.parsed_refresh import ParsedRefresh
from hvmanager.hyperv.vm_property import VmProperty, selection
from hvmanager.remoting.record import Record

def _enum_name(value: Any) -> str | None:
    name, number = values.enum_parts(value)
    return name if name is not None else (str(number) if number is not None else None)


def _heartbeat(value: Any) -> HeartbeatStatus | None:
    if value is None:
        return None
    name, number = values.enum_parts(value)
    if name is None and number is None:
        return None
    return HeartbeatStatus.parse(name, number)


def _checkpoint_type(value: Any) -> CheckpointType | None:
    name, number = values.enum_parts(value)
    if name is None and number is None:
        return None
    return CheckpointType.parse(name, number)


def _non_negative_int(value: Any) -> int | None:
    number = values.as_int(value)
    return number if number is not None and number >= 0 else None


_CONVERTERS: dict[VmProperty, Callable[[Any], Any]] = {
    VmProperty.CPU_USAGE: _non_negative_int,
    VmProperty.MEMORY_ASSIGNED: _non_negative_int,
    VmProperty.MEMORY_DEMAND: _non_negative_int,
    VmProperty.MEMORY_STARTUP: _non_negative_int,
    VmProperty.MEMORY_MINIMUM: _non_negative_int,
    VmProperty.MEMORY_MAXIMUM: _non_negative_int,
    VmProperty.MEMORY_STATUS: values.as_str,
    VmProperty.DYNAMIC_MEMORY_ENABLED: values.as_bool,
    VmProperty.PROCESSOR_COUNT: _non_negative_int,
    VmProperty.UPTIME: values.as_timedelta,
    VmProperty.STATUS: values.as_str,
    VmProperty.VERSION: values.as_version,
    VmProperty.GENERATION: _non_negative_int,
    VmProperty.PATH: values.as_str,
    VmProperty.CONFIGURATION_LOCATION: values.as_str,
    VmProperty.NOTES: values.as_str,
    VmProperty.CREATION_TIME: values.as_datetime,
    VmProperty.HEARTBEAT: _heartbeat,
    VmProperty.INTEGRATION_SERVICES_VERSION: values.as_version,
    VmProperty.REPLICATION_STATE: _enum_name,
    VmProperty.REPLICATION_HEALTH: _enum_name,
    VmProperty.PARENT_SNAPSHOT_NAME: values.as_str,
    VmProperty.CHECKPOINT_TYPE: _checkpoint_type,
    VmProperty.IS_CLUSTERED: values.as_bool,
}


def parse_state(value: Any) -> VMState:
    """A VMState from an enum Record, a name or a number (name first)."""
    name, number = values.enum_parts(value)
    return VMState.parse(name, number)


def oracle_parse_vm(record: Record | Mapping[str, Any], host: str,
             properties: Iterable[VmProperty] | None = None) -> VirtualMachine | None:
    """One VM, or None when the record has no usable Id (it cannot be keyed).

    ``properties`` are those the pipeline selected; they become ``fetched``, so a property
    the host left out reads as "no value" rather than "not asked". When None, every
    property present in the record counts as fetched. Wrongly typed values become None.
    """
    if not isinstance(record, Record):
        record = Record(properties=dict(record))
    vm_id = values.as_uuid(record.get("Id")) or values.as_uuid(record.get("VMId"))
    if vm_id is None:
        return None
    name = values.as_str(record.get("Name")) or values.as_str(record.get("VMName")) or ""
    if properties is None:
        present = {key.lower() for key in record.properties}
        selected = [p for p in _CONVERTERS if p.powershell_name.lower() in present]
    else:
        selected = [p for p in properties if p in _CONVERTERS]
    fields = {p.field: _CONVERTERS[p](record.get(p.powershell_name)) for p in selected}
    return VirtualMachine(vm_id=vm_id, host=host, name=name,
                          state=parse_state(record.get("State")),
                          fetched=frozenset(fields), **fields)


class OracleRefreshParser:
    """Parses :func:`~hvmanager.hyperv.inventory_query.refresh_pipeline`'s output for one
    host, keeping each CSV row's text with the ``VirtualMachine`` made from it.

    A row whose text is the same as in the previous refresh (same header, same
    properties) gives the same ``VirtualMachine`` object without parsing; when every
    row is one of the last refresh's, ``unchanged`` says so and the caller can skip the
    diff altogether. Any change in a row's text (any selected column, the name) parses
    that row again; new rows are parsed, missing ones are forgotten. The object shape
    (a selection with CreationTime) is parsed in full every time.

    Not thread-safe: one refresh of a host at a time (the session's loop) calls it, on
    a worker thread.
    """

    def __init__(self, host: str) -> None:
        self._host = host
        self._header: str | None = None
        self._properties: tuple[VmProperty, ...] = ()
        self._rows: dict[str, VirtualMachine | None] = {}

    def reset(self) -> None:
        """Forget the last refresh (the next one reports every row as changed)."""
        self._header = None
        self._rows = {}

    def parse(self, output: Iterable[Record | str],
              properties: Iterable[VmProperty | str] = ()) -> ParsedRefresh:
        """The VMs of one refresh's output, re-using those of unchanged rows."""
        records = list(output)
        chosen = selection(properties)
        if records and not is_text_output(records):
            self.reset()
            return ParsedRefresh(parse_refresh(records, self._host, chosen), False)
        rows = _csv_rows(output_texts(records))
        header = next(rows, None)
        if header is None:
            unchanged = self._header is None and not self._rows
            self.reset()
            return ParsedRefresh((), unchanged)
        same_shape = header == self._header and chosen == self._properties
        previous = self._rows if same_shape else {}
        fields = [name if name else None for name in _fields(header)]
        parsed: dict[str, VirtualMachine | None] = {}
        reused = 0
        for row in rows:
            if row in parsed:
                continue
            vm = previous.get(row, _MISSING)
            if vm is _MISSING:
                vm = self._parse_row(row, fields, chosen)
            else:
                reused += 1
            parsed[row] = vm  # type: ignore[assignment]
        # Unchanged only for the same header and selection: an answer that is not our CSV
        # (one odd line, no rows) must not pass for the last refresh's VMs.
        unchanged = same_shape and reused == len(parsed) == len(previous)
        self._header, self._properties, self._rows = header, chosen, parsed
        return ParsedRefresh(tuple(vm for vm in parsed.values() if vm is not None), unchanged)

    def _parse_row(self, row: str, fields: list[str | None],
                   chosen: tuple[VmProperty, ...]) -> VirtualMachine | None:
        values = _fields(row)
        if not values:
            return None
        record = {name: (value if value != "" else None)
                  for name, value in zip(fields, values) if name}
        return oracle_parse_vm(record, self._host, chosen)


_MISSING = object()


def _fields(row: str) -> list[str]:
    return next(csv.reader(row.splitlines(keepends=True)), [])


def _csv_rows(texts: Iterable[str]) -> Iterator[str]:
    """Whole CSV records (a quoted value may span lines), without ``#TYPE`` lines.

    A record ends at a line end where its quotes balance: ``"`` opens and closes a quoted
    value and an escaped quote is doubled, so an odd count means a value is still open.
    """
    pending = ""
    for text in texts:
        for line in text.splitlines(keepends=True):
            if not pending and line.startswith("#TYPE"):
                continue
            pending += line
            if pending.count('"') % 2 == 0:
                if pending.strip():
                    yield pending.rstrip("\r\n")
                pending = ""
    if pending.strip():
        yield pending.rstrip("\r\n")
