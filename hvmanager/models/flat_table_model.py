"""A flat table model whose indexes are made without two calls into Python each."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex


class FlatTableModel(QAbstractTableModel):
    """``QAbstractTableModel`` with ``index()`` answered in Python, and Qt's own flags.

    Qt's ``index()`` checks the row and the column through ``rowCount()`` and
    ``columnCount()``, two calls into Python for every index, and views make an index
    per painted cell (through a proxy, per cell and role). While another thread holds the
    GIL, each call from Qt into Python may wait for it. Flags are not overridden: Qt's
    (enabled, selectable, no children) are the ones these tables need, without a call
    into Python per cell. Subclasses also answer ``multiData`` (every role of a painted
    cell in one call).
    """

    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        """The cell at ``row``, ``column``; invalid outside the table (no children)."""
        if parent.isValid() or not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)
