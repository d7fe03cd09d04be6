"""A table view that repaints, when cells change, only the rows it shows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QTableView

_Index = QModelIndex | QPersistentModelIndex


class VisibleRowsTableView(QTableView):
    """``QTableView`` whose ``dataChanged`` is clipped to the rows on screen.

    Qt's view repaints its whole viewport for any change of more than 200 cells, even when
    none of them is on screen: a refresh that changes a thousand rows far below the visible
    ones repainted every visible cell (~10 ms of the Qt thread, four times a second with
    200 hosts). Clipped to the visible rows, changes out of sight cost nothing and changes
    on screen repaint only their rows. With assistive technology active the whole range
    is passed on, so accessibility events keep describing what changed.
    """

    def dataChanged(self, top_left: _Index, bottom_right: _Index,  # noqa: N802 (Qt override)
                    roles: list[int] = ()) -> None:
        """Pass on the part of the change that is on screen (nothing when none is)."""
        if top_left.isValid() and bottom_right.isValid() and not QAccessible.isActive():
            rows = self._visible_rows()
            if rows is not None:
                first = max(top_left.row(), rows[0])
                last = min(bottom_right.row(), rows[1])
                if first > last:
                    return
                if first != top_left.row() or last != bottom_right.row():
                    model = self.model()
                    parent = top_left.parent()
                    top_left = model.index(first, top_left.column(), parent)
                    bottom_right = model.index(last, bottom_right.column(), parent)
        super().dataChanged(top_left, bottom_right, list(roles))

    def _visible_rows(self) -> tuple[int, int] | None:
        """First and last row on screen; None when the rows cannot be told (hidden view)."""
        if not self.isVisible():
            return None
        first = self.rowAt(0)
        if first < 0:
            return (0, -1)  # no row at the top: no rows at all
        last = self.rowAt(self.viewport().height() - 1)
        if last < 0:
            last = self.model().rowCount(self.rootIndex()) - 1  # rows end above the bottom
        return first, last
