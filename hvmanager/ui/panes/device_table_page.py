"""A Details tab that loads a table from the host when shown (Disks, Networking)."""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from hvmanager.models.message_text import MessageText

Loader = Callable[[], Awaitable[Sequence[Sequence[str]]]]


class DeviceTablePage(QWidget):
    """A read-only table filled by an async loader; a newer load cancels an older one.

    The page never blocks: it shows "Loading..." while the host answers and the error
    message in place if the query fails (no dialog: the log pane has the details).
    """

    loaded = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName(f"{object_name}Table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName(f"{object_name}Message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        self._headers: list[str] = []
        self._task: asyncio.Task | None = None
        self.loaded_for: object = None

    def set_headers(self, headers: list[str]) -> None:
        """Column titles (called again on language change)."""
        self._headers = headers
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)

    def clear(self, message: str = "") -> None:
        """Empty the table and show ``message`` instead (e.g. "Select one virtual machine")."""
        self.cancel()
        self.loaded_for = None
        self.table.setRowCount(0)
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def load(self, key: object, loader: Loader, loading_text: str) -> None:
        """Start loading rows for ``key`` unless they are already shown."""
        if key == self.loaded_for and self._task is None:
            return
        self.cancel()
        self.loaded_for = key
        self.message.setText(loading_text)
        self.message.setVisible(True)
        self._task = asyncio.ensure_future(self._run(loader))

    def cancel(self) -> None:
        """Drop a load in progress (a newer selection or the window closing)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    async def _run(self, loader: Loader) -> None:
        try:
            rows = await loader()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # shown in place; the log pane has the command
            self.table.setRowCount(0)
            self.message.setText(MessageText.of_error(error))
            self.message.setVisible(True)
        else:
            self.table.setRowCount(len(rows))
            for row, values in enumerate(rows):
                for column, value in enumerate(values):
                    self.table.setItem(row, column, QTableWidgetItem(value))
            self.table.resizeColumnsToContents()
            self.message.setVisible(False)
        finally:
            if self._task is asyncio.current_task():
                self._task = None
        self.loaded.emit()
