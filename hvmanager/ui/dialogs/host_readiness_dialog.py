"""Can this host run Hyper-V? Each check with its answer, a plain explanation and its PowerShell."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from hvmanager.core.error_report import ErrorReport
from hvmanager.models.message_text import MessageText
from hvmanager.domain.host_readiness import HostReadiness
from hvmanager.remoting.errors import RemotingError
from hvmanager.ui.dialogs.dialog_tasks import DialogTasks, unexpected_error_text
from hvmanager.ui.dialogs.readiness_row import ReadinessRow
from hvmanager.ui.dialogs.readiness_verdict import ReadinessVerdict
from hvmanager.ui.dialogs.readiness_texts import overall_text, readiness_rows

_COLOURS = {ReadinessVerdict.OK: QColor("#1b7f2a"),
            ReadinessVerdict.PROBLEM: QColor("#b00020"),
            ReadinessVerdict.NOTE: QColor("#a04000"),
            ReadinessVerdict.UNKNOWN: QColor("#666666")}
_KEY_ROLE = Qt.ItemDataRole.UserRole


class HostReadinessDialog(QDialog):
    """The readiness checks of one host (``session.readiness()``), loaded when first shown.

    Each check is a row: check, result, a plain explanation (wrapped, always visible) and
    the PowerShell that reads it; the sentence at the top says whether the host is ready. Refresh reads it again (after
    changing a BIOS setting and restarting, say). Errors are shown in place.
    """

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hostReadinessDialog")
        self.setWindowTitle(self.tr("Host Readiness - %1").replace("%1", session.title))
        self.setAccessibleName(self.tr("Host Readiness"))
        self._session = session
        self._tasks = DialogTasks(self, self._unexpected)
        self._shown_once = False
        self.readiness: HostReadiness | None = None
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("readinessSummary")
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("readinessTable")
        self.table.setAccessibleName(self.tr("Readiness checks"))
        self.table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Result"),
                                              self.tr("Explanation"), self.tr("PowerShell")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in ((0, 230), (1, 150), (3, 320)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Wrapped text needs its rows re-measured whenever a column's width changes.
        header.sectionResized.connect(lambda *args: self.table.resizeRowsToContents())
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setObjectName("readinessRefreshButton")
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)

    def showEvent(self, event) -> None:
        """Start reading the first time the dialog is shown."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def reload(self) -> asyncio.Task:
        """Read the host's readiness again ("Loading…" shows at once)."""
        self.refresh_button.setEnabled(False)
        self._summary(self.tr("Loading…"), None)
        return self._tasks.start(self._load())

    async def _load(self) -> None:
        try:
            readiness = await self._session.readiness()
        except RemotingError as error:
            self._summary(MessageText.of(ErrorReport.of(error).one_line_text()), ReadinessVerdict.PROBLEM)
        else:
            self.readiness = readiness
            self._fill(readiness)
            verdict = {True: ReadinessVerdict.OK, False: ReadinessVerdict.PROBLEM}.get(
                readiness.ready, ReadinessVerdict.UNKNOWN)
            self._summary(overall_text(readiness), verdict)
        finally:
            self.refresh_button.setEnabled(True)

    def _unexpected(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self._summary(unexpected_error_text(error), ReadinessVerdict.PROBLEM)

    def _summary(self, text: str, verdict: ReadinessVerdict | None) -> None:
        self.summary_label.setText(text)
        colour = _COLOURS.get(verdict) if verdict else None
        self.summary_label.setStyleSheet(f"color: {colour.name()}; font-weight: bold;"
                                         if colour else "")

    def _fill(self, readiness: HostReadiness) -> None:
        rows = readiness_rows(readiness)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (row.title, row.result, row.explanation, row.powershell)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_KEY_ROLE, row.key)
                item.setToolTip(row.explanation if column < 3 else row.powershell)
                self.table.setItem(index, column, item)
            self.table.item(index, 1).setForeground(QBrush(_COLOURS[row.verdict]))
        self.table.resizeRowsToContents()

    def row_texts(self, key: str) -> tuple[str, str, str, str]:
        """(check, result, explanation, PowerShell) of the row with ``key`` (``hypervisor``,
        ``firmware``, ``monitor_mode``, ``slat``, ``edition``, ``feature:<FeatureName>``)."""
        for index in range(self.table.rowCount()):
            if self.table.item(index, 0).data(_KEY_ROLE) == key:
                return tuple(self.table.item(index, column).text() for column in range(4))
        raise KeyError(key)

    def row_keys(self) -> list[str]:
        """The keys of every row, in order."""
        return [self.table.item(index, 0).data(_KEY_ROLE)
                for index in range(self.table.rowCount())]
