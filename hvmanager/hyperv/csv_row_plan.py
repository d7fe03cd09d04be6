"""How the rows of one CSV header become ``VirtualMachine``s, worked out once per header."""

from __future__ import annotations

import functools
from datetime import timedelta
from types import CodeType
from typing import Any, Callable, Sequence

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.virtual_machine_builder import VirtualMachineBuilder
from hvmanager.hyperv.csv_values import (CELL_CONVERTERS, CELL_KINDS, MAX_PLAIN_DIGITS, TIMESPAN, clock_minutes,
                                         guid_of, small_number, state, state_named)
from hvmanager.hyperv.vm_property import VmProperty

RowReader = Callable[[Sequence[str], dict[str, Any]], "VirtualMachine | None"]

# The code of one cell, by the kind of its property: each does what the cell's converter
# in csv_values does (the converter, ``c<n>``, reads any other text), without a call.
_CELL_CODE = {
    "count": ("    v = row[{index}]\n"
              "    x = _small(v)\n"
              "    if x is None:\n"
              "        x = int(v) if v.isdigit() and v.isascii() and len(v) <= {digits} else c{n}(v)\n"
              "    f[{field!r}] = x\n"),
    "text": "    f[{field!r}] = row[{index}] or None\n",
    # values.as_timedelta's arguments by position (days, seconds, microseconds, milliseconds,
    # minutes): half the cost. Hours as minutes change nothing: whole minutes add exactly,
    # and float seconds round alike (to even on a tie; the minutes' even microseconds keep
    # the sum's parity).
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
                 "        d = _small(days) if days else 0\n"
                 "        if d is None:\n"
                 "            d = int(days)\n"
                 "        t = _timedelta(d, float(seconds), 0, 0, minutes)\n"
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
        cells: list[tuple[str, str, int, Callable[[str], Any]]] = []
        selected = []
        for prop in properties:
            cell = _CELLS.get(prop.field)  # by field name: an enum member hashes in Python
            if cell is None:
                continue  # Id, Name, State
            convert, kind = cell
            selected.append(prop.field)
            index = column(prop.powershell_name)
            if index is None:
                constant[prop.field] = convert("")
            else:
                cells.append((prop.field, kind, index, convert))
        # Built as parse_vm builds it, from a dict (same table size and order: same repr).
        fetched = frozenset(dict.fromkeys(selected))
        builder = VirtualMachineBuilder(host=host, fetched=fetched, **constant)
        #: ``vm(row, ids)``: the VM of a row of the plan's length, or None when it has no
        #: usable Id; ``ids`` caches the GUIDs of Id texts (a changed row keeps its Id: no
        #: GUID to build, and the snapshot keeps the same object, which the diff compares
        #: fastest).
        self.vm: RowReader = _compile(builder, cells, column("Id"), column("VMId"),
                                      column("Name"), column("VMName"), column("State"))


def _compile(builder: VirtualMachineBuilder, cells: list[tuple[str, str, int, Callable[[str], Any]]],
             id_index: int | None,
             vm_id_index: int | None, name_index: int | None, vm_name_index: int | None,
             state_index: int | None) -> RowReader:
    """The row reader's function for these columns, in its own namespace (this plan's
    builder and converters)."""
    layout = tuple((field, kind, index) for field, kind, index, _ in cells)
    namespace: dict[str, Any] = {
        "_guid": guid_of, "_MISSING": _MISSING, "_fields": builder.fields, "_build": builder.build,
        "_state_named": state_named,
        "_state": state, "_timespan": TIMESPAN.match, "_clock": clock_minutes, "_timedelta": timedelta,
        "_small": small_number,
    }
    namespace.update((f"c{n}", convert) for n, (_, _, _, convert) in enumerate(cells))
    exec(_reader_code(layout, id_index, vm_id_index, name_index, vm_name_index, state_index),  # noqa: S102
         namespace)
    return namespace["vm"]  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=64)
def _reader_code(layout: tuple[tuple[str, str, int], ...], id_index: int | None, vm_id_index: int | None,
                 name_index: int | None, vm_name_index: int | None, state_index: int | None) -> CodeType:
    """The compiled reader of a layout (each cell's field, kind and column; the key
    columns), in ``parse_vm``'s order (Id, Name, the properties', then State) so that a
    cell that raises there raises here first alike. Its text holds indices and field
    names, never a host's text.

    Compiling costs ~0.2 ms, more than reading a host's 40 rows, and every host of a
    window has one of the same few layouts: memoised like ``re``'s patterns (a pure
    function of the layout; each plan runs the code in a namespace of its own, so no
    host's state is shared).
    """
    code = ["def vm(row, ids):\n    _known = ids.get\n    vm_id = None\n"]
    for index in (id_index, vm_id_index):
        if index is not None:
            code.append(f"    if vm_id is None:\n        v = row[{index}]\n        vm_id = _known(v, _MISSING)\n"
                        "        if vm_id is _MISSING:\n            vm_id = ids[v] = _guid(v)\n")
    code.append("    if vm_id is None:\n        return None\n    f = _fields()\n    f['vm_id'] = vm_id\n")
    names = [f"row[{index}]" for index in (name_index, vm_name_index) if index is not None]
    code.append("    f['name'] = " + " or ".join([*names, "''"]) + "\n")
    for n, (field, kind, index) in enumerate(layout):
        template = _CELL_CODE.get(kind, _CALL_CODE)
        code.append(template.format(index=index, field=field, n=n, digits=MAX_PLAIN_DIGITS))
    state_cell = f"row[{state_index}]" if state_index is not None else '""'
    code.append(f"    v = {state_cell}\n    s = _state_named(v)\n    f['state'] = _state(v) if s is None else s\n"
                "    return _build(f)\n")
    return compile("".join(code), "<CsvRowPlan>", "exec")


_MISSING: Any = object()
# Each optional property's cell converter and kind, by its field name.
_CELLS: dict[str, tuple[Callable[[str], Any], str]] = {
    prop.field: (convert, CELL_KINDS[prop]) for prop, convert in CELL_CONVERTERS.items()}
