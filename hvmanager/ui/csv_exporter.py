"""Export what a table view shows (filtered, sorted, visible columns in their order) to CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView


class CsvExporter:
    """Writes a view's visible table: header titles, then the display text of each row.

    Reads through the view (its proxy model and its header), so what the file holds is
    exactly what the user sees, in the visual column order.
    """

    def __init__(self, view: QTableView) -> None:
        self._view = view

    def rows(self) -> list[list[str]]:
        """The header row, then one row per visible table row."""
        model = self._view.model()
        header = self._view.horizontalHeader()
        columns = [header.logicalIndex(visual) for visual in range(header.count())]
        columns = [column for column in columns if not header.isSectionHidden(column)]
        table = [[_text(model.headerData(column, Qt.Orientation.Horizontal)) for column in columns]]
        for row in range(model.rowCount()):
            table.append([_text(model.index(row, column).data()) for column in columns])
        return table

    def write(self, path: Path) -> int:
        """Write the CSV (UTF-8 with BOM, so Excel opens it right); return the data row count."""
        table = self.rows()
        with open(path, "w", encoding="utf-8-sig", newline="") as stream:
            csv.writer(stream).writerows(table)
        return len(table) - 1


def _text(value: object) -> str:
    return "" if value is None else str(value)
