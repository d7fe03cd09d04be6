"""How the rows of one CSV header become ``VirtualMachine``s, worked out once per header."""

from __future__ import annotations

import functools
import uuid
from datetime import timedelta
from types import CodeType
from typing import Any, Callable, Sequence

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.virtual_machine_builder import VirtualMachineBuilder
from hvmanager.hyperv.csv_values import (CELL_CONVERTERS, CELL_KINDS, CLOCK_MINUTES, MAX_PLAIN_DIGITS, TIMESPAN,
                                         guid_of, state)
from hvmanager.hyperv.vm_property import VmProperty

RowReader = Callable[[Sequence[str], dict[str, Any]], "VirtualMachine | None"]

# The code of one cell, by the kind of its property: each does what the cell's converter
# in csv_values does (the converter, ``c<n>``, reads any other text), without a call.
_CELL_CODE = {
    "count": ("    v = row[{index}]\n"
              "    f[{field!r}] = int(v) if v.isdigit() and v.isascii() and len(v) <= {digits} "
              "else c{n}(v)\n"),
    "text": "    f[{field!r}] = row[{index}] or None\n",
    "duration": ("    v = row[{index}]\n"
                 "    m = _timespan(v)\n"
                 "    if m is None:\n"
                 "        f[{field!r}] = c{n}(v)\n"
                 "    else:\n"
                 "        sign, days, clock, seconds = m.groups()\n"
                 "        minutes = _clock(clock)\n"
                 "        if minutes is None:\n"
                 "            hours, _, minutes = clock.partition(':')\n"
                 "            minutes = int(hours) * 60 + int(minutes)\n"
                 "        t = _timedelta(int(days) if days else 0, float(seconds), 0, 0, minutes)\n"
                 "        f[{field!r}] = -t if sign else t\n"),
}
_CALL_CODE = "    f[{field!r}] = c{n}(row[{index}])\n"


class CsvRowPlan:
    """Reads rows of ``count`` values under one header, for one selection, as
    ``vm_parser.parse_vm`` reads the record ``{name: value or None}`` of such a row.

    ``parse_vm`` looks every property up by name in that record (exact name first, then
    case-insensitive) and converts it on every row. Which column answers each name
    depends only on the header and the row's length, so it is found here once, and the
    plan writes a function for exactly those columns: :attr:`vm`. A row then costs its
    cells' conversions (integers and text inline, the rest one call each), one dict
    copy and no ``__init__`` (``VirtualMachineBuilder``); properties the header lacks
    have their constant value in the builder's template. The function's code holds
    only column indices and field names, never a host's text.
    """

    def __init__(self, header: Sequence[str | None], count: int, host: str,
                 properties: Sequence[VmProperty]) -> None:
        """``header``: the header's names (None for an empty one); ``count``: how many
        values the rows have; ``properties``: the selection, as ``parse_vm`` takes it."""
        # The record's keys: header names paired with a value, a later repeat winning.
        columns = {name: index for name, index in zip(header, range(count)) if name}
        lowered = {name.lower(): index for name, index in columns.items()}

        def column(name: str) -> int | None:
            found = columns.get(name)
            return found if found is not None else lowered.get(name.lower())

        constant: dict[str, Any] = {}
        cells: list[tuple[VmProperty, int]] = []
        for prop in properties:
            if prop in CELL_CONVERTERS:
                index = column(prop.powershell_name)
                if index is None:
                    constant[prop.field] = CELL_CONVERTERS[prop]("")
                else:
                    cells.append((prop, index))
        # Built as parse_vm builds it, from a dict (same table size and order: same repr).
        fetched = frozenset(dict.fromkeys(prop.field for prop in properties if prop in CELL_CONVERTERS))
        builder = VirtualMachineBuilder(host=host, fetched=fetched, **constant)
        #: ``vm(row, ids)``: the VM of a row of the plan's length, or None when it has no
        #: usable Id; ``ids`` caches the GUIDs of Id texts (a changed row keeps its Id: no
        #: GUID to build, and the snapshot keeps the same object, which the diff compares
        #: fastest).
        self.vm: RowReader = _compile(builder, cells, column("Id"), column("VMId"),
                                      column("Name"), column("VMName"), column("State"))


def _compile(builder: VirtualMachineBuilder, cells: list[tuple[VmProperty, int]], id_index: int | None,
             vm_id_index: int | None, name_index: int | None, vm_name_index: int | None,
             state_index: int | None) -> RowReader:
    """The row reader's function, in ``parse_vm``'s order (Id, Name, the properties',
    then State), so that a cell that raises there raises here first alike."""
    code = ["def vm(row, ids):\n", "    vm_id = None\n"]
    for index in (id_index, vm_id_index):
        if index is not None:
            code.append(f"    if vm_id is None:\n        vm_id = _guid(row[{index}], ids)\n")
    code.append("    if vm_id is None:\n        return None\n    f = _fields()\n    f['vm_id'] = vm_id\n")
    names = [f"row[{index}]" for index in (name_index, vm_name_index) if index is not None]
    code.append("    f['name'] = " + " or ".join([*names, "''"]) + "\n")
    namespace: dict[str, Any] = {
        "_guid": _guid, "_fields": builder.fields, "_new": object.__new__, "_set": object.__setattr__,
        "_VirtualMachine": VirtualMachine, "_state": state, "_timespan": TIMESPAN.match,
        "_clock": CLOCK_MINUTES.get, "_timedelta": timedelta,
    }
    for n, (prop, index) in enumerate(cells):
        namespace[f"c{n}"] = CELL_CONVERTERS[prop]
        template = _CELL_CODE.get(CELL_KINDS[prop], _CALL_CODE)
        code.append(template.format(index=index, field=prop.field, n=n, digits=MAX_PLAIN_DIGITS))
    state_cell = f"row[{state_index}]" if state_index is not None else '""'
    code.append(f"    f['state'] = _state({state_cell})\n    vm = _new(_VirtualMachine)\n"
                "    _set(vm, '__dict__', f)\n    return vm\n")
    exec(_compiled("".join(code)), namespace)  # noqa: S102 - indices and field names only
    return namespace["vm"]  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=64)
def _compiled(source: str) -> CodeType:
    """The code object of a row reader's source. Compiling costs ~0.2 ms, more than reading
    a host's 40 rows, and every host of a window asks for the same few layouts: memoised
    like ``re``'s patterns (a pure function of the text; each plan runs it in a namespace
    of its own, so no host's state is shared)."""
    return compile(source, "<CsvRowPlan>", "exec")


def _guid(text: str, ids: dict[str, Any]) -> uuid.UUID | None:
    guid = ids.get(text, _MISSING)
    if guid is _MISSING:
        guid = ids[text] = guid_of(text)
    return guid  # type: ignore[no-any-return]


_MISSING: Any = object()
