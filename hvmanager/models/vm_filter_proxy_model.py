"""Filter box and server node over the VM table; sorting delegated to the table."""

from __future__ import annotations

import time
from typing import Iterable

from PySide6.QtCore import (QModelIndex, QModelRoleDataSpan, QObject, QSortFilterProxyModel, Qt,
                            QTimer)

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.models.vm_table_model import VmTableModel

#: The idle build of row texts starts once no rows arrived for this long: while hundreds
#: of hosts still deliver their first rows, the window's time goes to showing them.
WARM_UP_QUIET_MS = 500


class VmFilterProxyModel(QSortFilterProxyModel):
    """Rows whose visible text contains the filter text (case-insensitive), on one server
    or on all of them.

    The filter state lives in the table's :class:`SearchIndex` (``table.search``), which
    decides every row in bulk over cached lower-case row texts; ``filterAcceptsRow`` only
    reads a flag (no ``data()`` calls). One proxy per table.

    Sorting is not done here: Qt's proxy sort calls ``data()`` twice per comparison,
    which for 50,000 rows costs seconds (measured: ~10 s), so :meth:`sort` asks the
    table to reorder itself (by primitive keys, in milliseconds) and this proxy keeps the
    table's order. Views use it as usual: ``setSortingEnabled(True)`` and header clicks
    call :meth:`sort`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: VmTableModel | None = None
        self._flags: list[bool | None] = []
        self._needle = ""
        self._server_key: str | None = None
        # Re-deciding changed rows (a call into filterAcceptsRow per row) is needed only
        # while a filter is set: see _change_filter.
        self.setDynamicSortFilter(False)
        # Row texts for the filter are built in idle slices after rows arrive, so the
        # first keystroke does not format the whole table at once; the slices begin when
        # rows stop arriving (a keystroke before then builds every text at once, in bulk).
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(WARM_UP_QUIET_MS)
        self._quiet.timeout.connect(self._begin_warm_up)
        self._warm_up = QTimer(self)
        self._warm_up.setInterval(0)
        self._warm_up.timeout.connect(self._warm_up_step)
        self.warm_up_slice = 1000  # rows per event-loop turn at most...
        self.warm_up_budget_s = 0.004  # ...and no longer than this (the UI-gap budget)

    def setSourceModel(self, model: VmTableModel) -> None:  # noqa: N802 (Qt override)
        """Only a :class:`VmTableModel` (the filter reads its cached text)."""
        if not isinstance(model, VmTableModel):
            raise TypeError("VmFilterProxyModel filters a VmTableModel")
        if self._table is not None:
            for signal in (self._table.rowsInserted, self._table.search_texts_dropped):
                signal.disconnect(self._schedule_warm_up)
        self._table = model
        self._flags = model.search.flags
        model.search.set_filter(self._needle, self._server_key)
        super().setSourceModel(model)
        model.rowsInserted.connect(self._schedule_warm_up)
        model.search_texts_dropped.connect(self._schedule_warm_up)
        self._schedule_warm_up()

    def table(self) -> VmTableModel:
        """The source table."""
        if self._table is None:
            raise RuntimeError("no source model set")
        return self._table

    # --- filter -----------------------------------------------------------------------------

    def filter_text(self) -> str:
        """The current filter text as typed."""
        return self._needle

    def set_filter_text(self, text: str) -> None:
        """Show only rows whose visible cells contain ``text`` (case-insensitive)."""
        needle = text.strip().lower()
        if needle == self._needle:
            return
        self._needle = needle
        self._change_filter()

    def server_filter(self) -> str | None:
        """The server whose rows are shown, None for "All servers"."""
        return self._server_key

    def set_server_filter(self, server_key: str | None) -> None:
        """Show one server's rows, or every server's with None."""
        if server_key == self._server_key:
            return
        self._server_key = server_key
        self._change_filter()

    def _change_filter(self) -> None:
        self.beginFilterChange()
        if self._table is not None:
            self._table.search.set_filter(self._needle, self._server_key)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        # With no filter every row is shown whatever its values: a refresh's changed rows
        # (a thousand every 250 ms with 200 hosts) then pass through without a call into
        # Python each. With a filter, rows whose text changes must be decided again.
        filtering = bool(self._needle) or self._server_key is not None
        if filtering != self.dynamicSortFilter():
            self.setDynamicSortFilter(filtering)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        """Reads the flag the table computed; asks the table for rows not decided yet."""
        flag = self._flags[source_row]
        if flag is None:
            return self._table.search.accepts(source_row)  # type: ignore[union-attr]
        return flag

    def multiData(self, index: QModelIndex, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N802,N803
        """Every role of a cell from the table in one call (Qt would map and ask per role)."""
        if self._table is None:
            super().multiData(index, roleDataSpan)
            return
        self._table.multiData(self.mapToSource(index), roleDataSpan)

    def _schedule_warm_up(self, *_args) -> None:
        self._warm_up.stop()
        self._quiet.start()  # restarts: counts from the last batch of rows

    def _begin_warm_up(self) -> None:
        self._warm_up.start()

    def _warm_up_step(self) -> None:
        # Time-sliced: a thousand rows took 10-15 ms of CPU (35 ms of wall time with
        # transport threads competing for the GIL), the longest turn of a 200-host fan-out.
        if self._table is None:
            self._stop_warm_up()
            return
        deadline = time.perf_counter() + self.warm_up_budget_s
        left = self.warm_up_slice
        while left > 0:
            chunk = min(left, 50)
            if not self._table.search.prepare_some(chunk):
                self._stop_warm_up()
                return
            left -= chunk
            if time.perf_counter() >= deadline:
                return

    def _stop_warm_up(self) -> None:
        self._quiet.stop()
        self._warm_up.stop()

    def warming_up(self) -> bool:
        """True while row texts are still to be built in idle time (waiting for rows to
        stop arriving, or building)."""
        return self._quiet.isActive() or self._warm_up.isActive()

    # --- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the table itself (fast primitive keys); this proxy keeps its order."""
        if self._table is not None:
            self._table.sort(column, order)

    # --- convenience ------------------------------------------------------------------------

    def vm_at(self, row: int) -> VirtualMachine:
        """The VM in proxy ``row``."""
        source = self.mapToSource(self.index(row, 0))
        return self.table().vm_at(source.row())

    def vms_for(self, indexes: Iterable[QModelIndex]) -> list[VirtualMachine]:
        """The VMs of proxy indexes (e.g. a selection), one per row, in row order."""
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return [self.vm_at(row) for row in rows]

    def server_keys_for(self, indexes: Iterable[QModelIndex]) -> list[str]:
        """The distinct server keys of proxy indexes, in row order."""
        seen: dict[str, None] = {}
        for row in sorted({index.row() for index in indexes if index.isValid()}):
            source = self.mapToSource(self.index(row, 0))
            seen.setdefault(self.table().server_key_at(source.row()), None)
        return list(seen)
