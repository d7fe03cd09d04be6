"""One host's successive refreshes, parsed again only where a CSV row changed."""

from __future__ import annotations

import csv
import functools
import operator
import uuid
from typing import Iterable

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.hyperv.csv_row_plan import CsvRowPlan
from hvmanager.hyperv.csv_rows import CsvRows
from hvmanager.hyperv.inventory_query import parse_refresh
from hvmanager.hyperv.parsed_refresh import ParsedRefresh
from hvmanager.hyperv.vm_property import VmProperty, selection
from hvmanager.remoting.record import Record

_MISSING = object()
# ``vm is not None`` in C (rows without a usable Id parse to None and are left out).
_IS_VM = functools.partial(operator.is_not, None)


class RefreshParser:
    """Parses :func:`~hvmanager.hyperv.inventory_query.refresh_pipeline`'s output for one
    host, keeping each CSV row's text with the ``VirtualMachine`` made from it.

    A row whose text is the same as in the previous refresh (same header, same
    properties) gives the same ``VirtualMachine`` object without parsing; when every
    row is one of the last refresh's, ``unchanged`` says so and the caller can skip the
    diff altogether. Any change in a row's text (any selected column, the name) parses
    that row again, through a :class:`CsvRowPlan` made once per header; new rows are
    parsed, missing ones are forgotten. The object shape (a selection with CreationTime)
    is parsed in full every time, by ``vm_parser.parse_vm``, which the CSV rows read
    exactly as.

    Not thread-safe: one refresh of a host at a time (the session's loop) calls it, on
    a worker thread.
    """

    def __init__(self, host: str) -> None:
        self._host = host
        self._header: str | None = None
        self._properties: tuple[VmProperty, ...] = ()
        self._rows: dict[str, VirtualMachine | None] = {}
        # The last selection asked for and what selection() made of it: core asks with the
        # same tuple every time, and selection() hashes ~30 enum members.
        self._asked: tuple[VmProperty | str, ...] | None = None
        self._chosen: tuple[VmProperty, ...] = ()
        # The last header's names and its row plans (by the rows' value count), for that
        # header, selection and csv field size limit.
        self._plans_for: tuple[str, tuple[VmProperty, ...], int] | None = None
        self._names: list[str | None] = []
        self._plans: dict[int, CsvRowPlan] = {}
        # GUIDs of the Id texts seen lately (a changed row keeps its Id).
        self._ids: dict[str, uuid.UUID | None] = {}
        # The last CSV answer's texts and VMs: the same texts again are the same VMs.
        self._last_texts: list[str] | None = None
        self._last_vms: tuple[VirtualMachine, ...] = ()

    def reset(self) -> None:
        """Forget the last refresh (the next one reports every row as changed)."""
        self._header = None
        self._rows = {}
        self._last_texts = None

    def parse(self, output: Iterable[Record | str],
              properties: Iterable[VmProperty | str] = ()) -> ParsedRefresh:
        """The VMs of one refresh's output, re-using those of unchanged rows."""
        records = list(output)
        chosen = self._selection(properties)
        texts = _texts(records)
        if texts is None:
            self.reset()
            return ParsedRefresh(parse_refresh(records, self._host, chosen), False)
        limit = csv.field_size_limit()
        if texts == self._last_texts and chosen == self._properties \
                and limit == self._plans_for[2]:  # type: ignore[index]
            # Every row is one of the last refresh's, in the same order (what parsing it
            # again would find, at the cost of comparing the texts).
            return ParsedRefresh(self._last_vms, True)
        header, start, done, pending = _header(texts)
        if header is None:
            unchanged = self._header is None and not self._rows
            self.reset()
            return ParsedRefresh((), unchanged)
        self._use_plans(header, chosen, limit)
        same_shape = header == self._header and chosen == self._properties
        previous = self._rows if same_shape else {}
        parsed: dict[str, VirtualMachine | None] = {}
        reused = self._take(done, parsed, previous, limit)
        for text in texts[start:]:
            if not pending and not text.count('"') % 2:
                vm = previous.get(text, _MISSING)
                if vm is not _MISSING:
                    # One of the last refresh's rows, its quotes balanced: that row again
                    # (CsvRows.split would give it back whole).
                    if text not in parsed:
                        parsed[text] = vm  # type: ignore[assignment]
                        reused += 1
                    continue
                if text.isprintable() and not text.startswith("#TYPE"):
                    # One line, quotes balanced: one record (what CsvRows.split does with it).
                    if text and not text.isspace() and text not in parsed:
                        parsed[text] = self._parse_row(text, limit)
                    continue
            done, pending = CsvRows.split(text, pending)
            if done:
                reused += self._take(done, parsed, previous, limit)
        last = CsvRows.last(pending)
        if last is not None:
            reused += self._take([last], parsed, previous, limit)
        # Unchanged only for the same header and selection: an answer that is not our CSV
        # (one odd line, no rows) must not pass for the last refresh's VMs.
        unchanged = same_shape and reused == len(parsed) == len(previous)
        self._header, self._properties, self._rows = header, chosen, parsed
        if len(self._ids) > 2 * len(parsed) + 64:
            self._ids = {}  # ids that come and go (or a hostile host's): start afresh
        self._last_texts, self._last_vms = texts, tuple(filter(_IS_VM, parsed.values()))
        return ParsedRefresh(self._last_vms, unchanged)

    def _selection(self, properties: Iterable[VmProperty | str]) -> tuple[VmProperty, ...]:
        asked = properties if type(properties) is tuple else tuple(properties)
        if asked is not self._asked and asked != self._asked:
            self._chosen = selection(asked)
            self._asked = asked
        return self._chosen

    def _use_plans(self, header: str, chosen: tuple[VmProperty, ...], limit: int) -> None:
        if self._plans_for != (header, chosen, limit):
            # Read even without rows to parse: a header csv refuses fails every refresh.
            names = [name if name else None for name in CsvRows.fields(header, limit)]
            self._names, self._plans, self._plans_for = names, {}, (header, chosen, limit)

    def _take(self, rows: list[str], parsed: dict[str, VirtualMachine | None],
              previous: dict[str, VirtualMachine | None], limit: int) -> int:
        """Adds ``rows`` to ``parsed`` (each once, in order), from ``previous`` or parsed;
        how many came from ``previous``."""
        reused = 0
        for row in rows:
            if row in parsed:
                continue
            vm = previous.get(row, _MISSING)
            if vm is _MISSING:
                vm = self._parse_row(row, limit)
            else:
                reused += 1
            parsed[row] = vm  # type: ignore[assignment]
        return reused

    def _parse_row(self, row: str, limit: int) -> VirtualMachine | None:
        values = CsvRows.fields(row, limit)
        if not values:
            return None
        plan = self._plans.get(len(values))
        if plan is None:
            plan = self._plans[len(values)] = CsvRowPlan(self._names, len(values), self._host,
                                                         self._plans_for[1])  # type: ignore[index]
        return plan.vm(values, self._ids)


def _texts(records: list[Record | str]) -> list[str] | None:
    """The text of each item when the output is lines of text (the CSV shape), else None
    (``inventory_query.is_text_output`` and ``output_texts`` in one pass)."""
    if not records:
        return []
    texts = []
    for item in records:
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, Record) and isinstance(item.value, str) and not item.properties:
            texts.append(item.value)
        else:
            return None
    return texts


def _header(texts: list[str]) -> tuple[str | None, int, list[str], str]:
    """The first record of ``texts``; the index of the first text after the one that
    completed it, the records that text completed after it, and what it left open."""
    pending = ""
    for index, text in enumerate(texts):
        done, pending = CsvRows.split(text, pending)
        if done:
            return done[0], index + 1, done[1:], pending
    return CsvRows.last(pending), len(texts), [], ""
