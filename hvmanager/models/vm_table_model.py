"""The VM table: one row per VM of every server, updated in place from refresh diffs."""

from __future__ import annotations

import operator
import uuid
from typing import Iterable, Sequence

from PySide6.QtCore import (QAbstractItemModel, QModelIndex, QModelRoleDataSpan, QObject, Qt,
                            Signal)

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_diff import VmDiff
from hvmanager.models import roles
from hvmanager.models.column import Column, SortValue
from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.models.diff_batch import final_states
from hvmanager.models.flat_table_model import FlatTableModel
from hvmanager.models.row_order import insertion_runs, sorted_order
from hvmanager.models.row_ranges import column_blocks, contiguous_ranges, merge_spans
from hvmanager.models.search_index import SearchIndex
from hvmanager.models.state_colors import StateColors

RowKey = tuple[str, uuid.UUID]
#: While a filter is set, changed rows at most this far apart are reported in one
#: ``dataChanged`` block (without a filter, one block per column range).
CHANGED_ROWS_GAP = 8

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _BACKGROUND, roles.SortRole,
                       roles.VmRole, roles.ServerKeyRole})
_VERTICAL_SORT = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
# The layout signals are overloaded; this picks the one that carries the hint.
_LAYOUT_SIGNATURE = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")


class VmTableModel(FlatTableModel):
    """VMs keyed by ``(server_key, vm_id)``; columns from a :class:`ColumnRegistry`.

    Refreshes arrive as diffs (:meth:`apply_diffs`): inserts in batches, removals as
    contiguous ranges, ``dataChanged`` only for changed rows and columns. Refreshes never
    emit ``layoutChanged`` or a reset, so selection, persistent indexes and the scroll
    position survive them. The model sorts its own rows (:meth:`sort`, by primitive keys
    in Python: see ``row_order``); new rows go to their sorted place, changed rows stay
    where they are until the next sort. ``set_columns`` resets the model (a user action).
    """

    VmRole = roles.VmRole
    ServerKeyRole = roles.ServerKeyRole
    SortRole = roles.SortRole

    #: Every row's filter text was forgotten (language or columns changed).
    search_texts_dropped = Signal()

    def __init__(self, registry: ColumnRegistry, columns: Iterable[str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._registry = registry
        self._colors = StateColors()
        self._keys: list[RowKey] = []
        self._vms: list[VirtualMachine] = []
        # Keyed by (server_key, vm_id.int): uuid.UUID hashes in Python, an int in C.
        self._row_map: dict[tuple[str, int], int] = {}
        self._row_map_stale = False
        self._host_titles: dict[str, str] = {}
        self._sort_key: str | None = None
        self._descending = False
        self._sort_values: list[SortValue] = []
        self._columns: list[Column] = []
        self._search = SearchIndex(self._keys, self._vms, self.host_title)
        self._configure_columns(registry.default_keys() if columns is None else columns)

    # --- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        """Number of VMs (a flat table: no children)."""
        return 0 if parent.isValid() else len(self._vms)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        """Number of visible columns."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        """Formatted text, sort values, colours, alignment and the VM itself by role."""
        # Font, check state and decoration have no answer here and are refused before
        # touching the index (three calls into Qt each).
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        return self._value(role, row, self._vms[row], self._columns[index.column()])

    def multiData(self, index: QModelIndex, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N802,N803
        """Every role a view asks for a cell (seven to paint one) in one call."""
        if not index.isValid():
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        row = index.row()
        vm, column = self._vms[row], self._columns[index.column()]
        for role_data in roleDataSpan:
            role = role_data.role()
            if role in _ANSWERED:
                role_data.setData(self._value(role, row, vm, column))
            else:
                role_data.clearData()

    def _value(self, role: int, row: int, vm: VirtualMachine, column: Column):
        if role == _DISPLAY:
            return self._text(column, row, vm)
        if role == _BACKGROUND:
            return self._colors.background(vm.state)
        if role == _FOREGROUND:
            return self._colors.foreground(vm.state)
        if role == _ALIGN:
            return column.alignment
        if role == roles.SortRole:
            return self._sort_value(column, row, vm)
        if role == roles.VmRole:
            return vm
        if role == roles.ServerKeyRole:
            return self._keys[row][0]
        if role == _TOOLTIP:
            return self._tooltip(column, row, vm)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        """Translated titles, the PowerShell property as tooltip, the key by ColumnKeyRole."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == _DISPLAY:
            return column.display_title()
        if role == _TOOLTIP:
            return column.header_tooltip()
        if role == _ALIGN:
            return column.alignment
        if role == roles.ColumnKeyRole:
            return column.key
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder rows by a column's real values; persistent indexes follow their rows."""
        if not 0 <= column < len(self._columns):
            self._sort_key = None
            self._sort_values[:] = []
            return
        key = self._columns[column].key
        if key == self._sort_key and len(self._sort_values) == len(self._vms):
            values = self._sort_values[:]  # kept current since the last sort: reuse
        else:
            values = self._values_for(self._columns[column])
        self._sort_key = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged[_LAYOUT_SIGNATURE].emit([], _VERTICAL_SORT)
        order_rows = sorted_order(values, self._descending)
        if order_rows:
            pick = operator.itemgetter(*order_rows)
            # In place: the filter proxy holds on to the flags list.
            for rows in (self._keys, self._vms):
                rows[:] = pick(rows) if len(order_rows) > 1 else [rows[order_rows[0]]]
            self._sort_values[:] = pick(values) if len(order_rows) > 1 else values
            self._search.reordered(order_rows)
        self._row_map_stale = True
        old = self.persistentIndexList()
        if old:
            new_row_of_old = [0] * len(order_rows)
            for new_row, old_row in enumerate(order_rows):
                new_row_of_old[old_row] = new_row
            new = [self.index(new_row_of_old[i.row()], i.column()) for i in old]
        else:
            new = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged[_LAYOUT_SIGNATURE].emit([], _VERTICAL_SORT)

    # --- columns ------------------------------------------------------------------------

    @property
    def registry(self) -> ColumnRegistry:
        """The registry the columns come from."""
        return self._registry

    def columns(self) -> tuple[str, ...]:
        """Visible column keys, in section order."""
        return tuple(c.key for c in self._columns)

    def column(self, section: int) -> Column:
        """The column shown in ``section`` (IndexError if none)."""
        return self._columns[section]

    def section_of(self, key: str) -> int:
        """The section showing column ``key``, or -1 when it is hidden."""
        for section, column in enumerate(self._columns):
            if column.key == key:
                return section
        return -1

    def set_columns(self, keys: Iterable[str]) -> None:
        """Show these columns in this order (unknown keys ignored); resets the model.

        A reset is right here: it is a user action that changes every row's shape.
        Sorting continues when its column stays visible.
        """
        keys = self._registry.known_keys(keys)
        if keys == self.columns():
            return
        self.beginResetModel()
        self._configure_columns(keys)
        if self._search.filtering():
            self._search.refilter()
        self.endResetModel()
        self.search_texts_dropped.emit()

    def _configure_columns(self, keys: Iterable[str]) -> None:
        self._columns = [self._registry.column(k) for k in self._registry.known_keys(keys)]
        sections: dict[str, list[int]] = {}
        for section, column in enumerate(self._columns):
            if column.vm_property is not None:
                sections.setdefault(column.vm_property.field, []).append(section)
        self._sections_of_field = sections
        self._fields = tuple(sections)
        self._get_fields = operator.attrgetter(*self._fields) if self._fields else None
        self._search.set_columns(self._columns)
        if self._sort_key is not None and self.section_of(self._sort_key) < 0:
            self._sort_key = None
            self._sort_values[:] = []

    # --- rows ---------------------------------------------------------------------------

    def vm_at(self, row: int) -> VirtualMachine:
        """The VM shown in ``row`` (IndexError if none)."""
        return self._vms[row]

    def server_key_at(self, row: int) -> str:
        """The server key of ``row``."""
        return self._keys[row][0]

    def row_of(self, server_key: str, vm_id: uuid.UUID) -> int:
        """The row of a VM, or -1 when the model does not hold it."""
        return self._rows().get((server_key, vm_id.int), -1)

    def index_of(self, server_key: str, vm_id: uuid.UUID, column: int = 0) -> QModelIndex:
        """The index of a VM's cell, invalid when the model does not hold it."""
        row = self.row_of(server_key, vm_id)
        return self.index(row, column) if row >= 0 else QModelIndex()

    def vms(self, server_key: str | None = None) -> list[VirtualMachine]:
        """Every VM in row order, or only one server's."""
        if server_key is None:
            return list(self._vms)
        return [vm for key, vm in zip(self._keys, self._vms) if key[0] == server_key]

    def _rows(self) -> dict[tuple[str, int], int]:
        # Rebuilt lazily: inserts and removals in the middle would otherwise renumber
        # every later row once per batch.
        if self._row_map_stale:
            self._row_map = {(key[0], key[1].int): row for row, key in enumerate(self._keys)}
            self._row_map_stale = False
        return self._row_map

    # --- host titles ----------------------------------------------------------------------

    def host_title(self, server_key: str) -> str:
        """The title shown in the Host column (the key until a title is set)."""
        return self._host_titles.get(server_key, server_key)

    def set_host_title(self, server_key: str, title: str) -> None:
        """Name a server for the Host column; repaints its rows' Host cells."""
        if self._host_titles.get(server_key) == title:
            return
        self._host_titles[server_key] = title
        sections = [s for s, c in enumerate(self._columns) if c.shows_host]
        rows = [row for row, key in enumerate(self._keys) if key[0] == server_key]
        if not rows or not sections:
            return
        self._search.invalidate_rows(rows, sections)
        if self._sort_key is not None and self._registry.column(self._sort_key).shows_host:
            for row in rows:
                self._sort_values[row] = title.casefold()
        for first, last in contiguous_ranges(rows):
            for section in sections:
                self.dataChanged.emit(self.index(first, section), self.index(last, section))

    # --- diffs ----------------------------------------------------------------------------

    def apply_diff(self, server_key: str, diff: VmDiff) -> None:
        """Apply one host's refresh diff (see :meth:`apply_diffs`)."""
        self.apply_diffs(((server_key, diff),))

    def apply_diffs(self, diffs: Iterable[tuple[str, VmDiff]]) -> None:
        """Apply several hosts' diffs in one pass: changes, then removals, then inserts.

        A changed VM the model does not hold is inserted; an added VM it already holds is
        updated; removing an unknown VM does nothing (diffs are idempotent that way).
        """
        diffs = list(diffs)
        rows = self._rows()
        changed: list[tuple[int, VirtualMachine]] = []
        removed: list[int] = []
        added: list[tuple[RowKey, VirtualMachine]] = []
        for server_key, vm_id, vm in final_states(diffs):
            row = rows.get((server_key, vm_id.int))
            if vm is None:
                if row is not None:
                    removed.append(row)
            elif row is None:
                added.append(((server_key, vm_id), vm))
            else:
                changed.append((row, vm))
        if changed:
            self._update_rows(changed)
        if removed:
            self._remove_rows(sorted(removed))
        if added:
            self._insert_rows(added)

    def remove_host(self, server_key: str) -> None:
        """Drop every row of one server (contiguous ranges, bottom-up)."""
        rows = [row for row, key in enumerate(self._keys) if key[0] == server_key]
        if rows:
            self._remove_rows(rows)

    def _update_rows(self, changed: list[tuple[int, VirtualMachine]]) -> None:
        # Per changed row only the comparison; the rows are then grouped by which fields
        # moved (a refresh moves the same ones, CPU and uptime, on every running VM), so
        # the sections of each group are worked out once and its filter texts dropped in
        # one call.
        last_section = len(self._columns) - 1
        sort_column = self._sort_column()
        get = self._get_fields
        single = len(self._fields) == 1
        vms = self._vms
        whole: list[int] = []
        moved: dict[tuple[bool, ...], list[int]] = {}
        for row, vm in changed:
            old = vms[row]
            vms[row] = vm
            if sort_column is not None:
                self._sort_values[row] = self._sort_value(sort_column, row, vm)
            if old.state is not vm.state:
                # Colours (and live figures, blank when off) follow the state: the whole
                # row repaints.
                whole.append(row)
                continue
            if get is None:
                continue
            before, after = get(old), get(vm)
            if before == after:
                continue
            fields = (True,) if single else tuple(map(operator.ne, before, after))
            rows = moved.get(fields)
            if rows is None:
                moved[fields] = [row]
            else:
                rows.append(row)
        groups: list[tuple[list[int], int, int]] = []  # (rows, left section, right section)
        if whole:
            groups.append((whole, 0, last_section))
            self._search.invalidate_rows(whole)
        for fields, rows in moved.items():
            sections = self._sections_moved(fields)
            groups.append((rows, min(sections), max(sections)))
            self._search.invalidate_rows(rows, sections)
        for rows, _, _ in groups:
            self._search.decide(rows)
        if last_section < 0 or not groups:
            return
        if self._search.filtering():
            # The filter proxy decides again every row a signal covers: cover the changed
            # rows and few others.
            spans = sorted((row, left, right) for rows, left, right in groups for row in rows)
            blocks = merge_spans(spans, CHANGED_ROWS_GAP)
        else:
            # Nothing decides rows again without a filter, and views repaint only what
            # they show: one signal per column range, however scattered the rows.
            blocks = column_blocks(groups)
        for first, last, left, right in blocks:
            # createIndex: the rows exist, and index() would ask rowCount and columnCount.
            self.dataChanged.emit(self.createIndex(first, left), self.createIndex(last, right))

    def _sections_moved(self, fields: tuple[bool, ...]) -> list[int]:
        """The sections showing the fields flagged True (in ``_fields`` order)."""
        return [section for field, flag in zip(self._fields, fields) if flag
                for section in self._sections_of_field[field]]

    def _remove_rows(self, rows: Sequence[int]) -> None:
        sorting = self._sort_key is not None
        for first, last in reversed(list(contiguous_ranges(rows))):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._keys[first:last + 1]
            del self._vms[first:last + 1]
            self._search.removed(first, last)
            if sorting:
                del self._sort_values[first:last + 1]
            self._row_map_stale = True
            self.endRemoveRows()

    def _insert_rows(self, added: list[tuple[RowKey, VirtualMachine]]) -> None:
        column = self._sort_column()
        if column is None or not self._vms:
            runs = [(len(self._vms), added)]
            if column is not None:
                values = [self._sort_value(column, -1, vm, key[0]) for key, vm in added]
                order = sorted_order(values, self._descending)
                runs = [(0, [added[i] for i in order])]
        else:
            runs = self._sorted_runs(column, added)
        for position, items in reversed(runs):
            last = position + len(items) - 1
            self.beginInsertRows(QModelIndex(), position, last)
            self._keys[position:position] = [key for key, _ in items]
            self._vms[position:position] = [vm for _, vm in items]
            self._search.inserted(position, len(items))
            if column is not None:
                self._sort_values[position:position] = [
                    self._sort_value(column, -1, vm, key[0]) for key, vm in items]
            self._row_map_stale = True
            self.endInsertRows()

    def _sorted_runs(self, column: Column, added: list) -> list[tuple[int, list]]:
        values = [self._sort_value(column, -1, vm, key[0]) for key, vm in added]
        runs = insertion_runs(self._sort_values, values, self._descending)
        return [(position, [added[i] for i in items]) for position, items in runs]

    # --- values -----------------------------------------------------------------------------

    def _text(self, column: Column, row: int, vm: VirtualMachine) -> str:
        if column.shows_host:
            return self.host_title(self._keys[row][0])
        return column.text(vm)

    def _sort_column(self) -> Column | None:
        return None if self._sort_key is None else self._registry.column(self._sort_key)

    def _sort_value(self, column: Column, row: int, vm: VirtualMachine,
                    server_key: str | None = None) -> SortValue:
        if column.shows_host:
            key = server_key if server_key is not None else self._keys[row][0]
            return self.host_title(key).casefold()
        return column.sort_key(vm)

    def _values_for(self, column: Column) -> list[SortValue]:
        if column.shows_host:
            return [self.host_title(key[0]).casefold() for key in self._keys]
        return list(map(column.sort_key, self._vms))

    def _tooltip(self, column: Column, row: int, vm: VirtualMachine) -> str | None:
        if column.key == "name":
            return f"{vm.name}\n{self.host_title(self._keys[row][0])}\n{vm.vm_id}"
        text = self._text(column, row, vm)
        return text or None

    # --- search -----------------------------------------------------------------------------

    def search_text(self, row: int) -> str:
        """Lower-case display text of the row's visible columns, one per line (cached)."""
        return self._search.text(row)

    @property
    def search(self) -> SearchIndex:
        """The filter's row texts and per-row verdicts (used by VmFilterProxyModel)."""
        return self._search

    def retranslate(self) -> None:
        """Repaint titles and texts after a language switch (rows stay where they are)."""
        self._search.reset()
        if self._search.filtering():
            self._search.refilter()
        self.search_texts_dropped.emit()
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._vms and self._columns:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._vms) - 1, len(self._columns) - 1))

    def sort_column_key(self) -> str | None:
        """The key of the column the rows are sorted by (None when unsorted)."""
        return self._sort_key

    def sort_order(self) -> Qt.SortOrder:
        """The direction of the current sort."""
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

