"""Can this host run Hyper-V? Each check with its answer, a plain explanation and its PowerShell."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from hvmanager.core.error_report import ErrorReport
from hvmanager.domain.host_readiness import HostReadiness
from hvmanager.remoting.errors import RemotingError
from hvmanager.ui.dialogs.dialog_tasks import DialogTasks
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

    Each check is a row (check, result, PowerShell) with its explanation underneath; the
    sentence at the top says whether the host is ready. Refresh reads it again (after
    changing a BIOS setting and restarting, say). Errors are shown in place.
    """

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hostReadinessDialog")
        self.setWindowTitle(self.tr("Host Readiness - %1").replace("%1", session.title))
        self.setAccessibleName(self.tr("Host Readiness"))
        self._session = session
        self._tasks = DialogTasks(self)
        self._shown_once = False
        self.readiness: HostReadiness | None = None
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("readinessSummary")
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.summary_label.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("readinessTable")
        self.tree.setAccessibleName(self.tr("Readiness checks"))
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("PowerShell")])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setObjectName("readinessRefreshButton")
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 560)

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
            self._summary(ErrorReport.of(error).one_line(), ReadinessVerdict.PROBLEM)
        else:
            self.readiness = readiness
            self._fill(readiness)
            verdict = {True: ReadinessVerdict.OK, False: ReadinessVerdict.PROBLEM}.get(
                readiness.ready, ReadinessVerdict.UNKNOWN)
            self._summary(overall_text(readiness), verdict)
        finally:
            self.refresh_button.setEnabled(True)

    def _summary(self, text: str, verdict: ReadinessVerdict | None) -> None:
        self.summary_label.setText(text)
        colour = _COLOURS.get(verdict) if verdict else None
        self.summary_label.setStyleSheet(f"color: {colour.name()}; font-weight: bold;"
                                         if colour else "")

    def _fill(self, readiness: HostReadiness) -> None:
        self.tree.clear()
        for row in readiness_rows(readiness):
            self.tree.addTopLevelItem(self._item(row))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(0, 360)

    def _item(self, row: ReadinessRow) -> QTreeWidgetItem:
        item = QTreeWidgetItem([row.title, row.result, row.powershell])
        item.setData(0, _KEY_ROLE, row.key)
        item.setForeground(1, QBrush(_COLOURS[row.verdict]))
        item.setToolTip(0, row.explanation)
        item.setToolTip(2, row.powershell)
        explanation = QTreeWidgetItem([row.explanation])
        explanation.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.addChild(explanation)
        explanation.setFirstColumnSpanned(True)
        return item

    def row_texts(self, key: str) -> tuple[str, str, str]:
        """(check, result, explanation) of the row with ``key`` (``hypervisor``,
        ``firmware``, ``monitor_mode``, ``slat``, ``edition``, ``feature:<FeatureName>``)."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, _KEY_ROLE) == key:
                return item.text(0), item.text(1), item.child(0).text(0)
        raise KeyError(key)

    def row_keys(self) -> list[str]:
        """The keys of every row, in order."""
        return [self.tree.topLevelItem(i).data(0, _KEY_ROLE)
                for i in range(self.tree.topLevelItemCount())]
