"""The refresh parser as it was before the per-shape row plans (commit d8c3ce6): the oracle
the property tests compare the product's ``RefreshParser`` with.

Kept verbatim apart from its name and imports, so that "identical results" means identical
to what the app did before. It builds VMs with ``vm_parser.parse_vm``, which the change left
as it was (the object answers still use it).
"""

from __future__ import annotations

import csv
from typing import Iterable, Iterator

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.hyperv.inventory_query import is_text_output, output_texts, parse_refresh
from hvmanager.hyperv.parsed_refresh import ParsedRefresh
from hvmanager.hyperv.vm_parser import parse_vm as oracle_parse_vm
from hvmanager.hyperv.vm_property import VmProperty, selection
from hvmanager.remoting.record import Record


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
