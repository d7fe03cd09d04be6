"""Per-VM results of a bulk action, in one non-modal window that is reused, never stacked."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from hvmanager.core.action_result import ActionResult
from hvmanager.models.message_text import MessageText
from hvmanager.ui.dialogs.vm_action_texts import action_title

_FAILED = QColor("#b00020")


class ActionResultsDialog(QDialog):
    """A table: virtual machine, host, action, result, message.

    The main window keeps one instance and calls :meth:`show_results` (non-modal: the
    window stays usable). By convention it is shown only when something failed
    (:meth:`has_failures`); successes are visible in the VM table and the log pane.
    ``host_title`` turns a server key into the name the tree shows.
    """

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None, *,
                 host_title: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionResultsDialog")
        self.setModal(False)
        self._host_title = host_title or (lambda key: key)
        self._results: tuple[ActionResult, ...] = ()
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("resultsSummary")
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("resultsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(720, 320)
        self._retranslate()

    def _retranslate(self) -> None:
        # The window keeps this dialog: View > Language must reach it too.
        self.setWindowTitle(self.tr("Action Results"))
        self.setAccessibleName(self.tr("Action Results"))
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.table.setAccessibleName(self.tr("Results per virtual machine"))
        self.table.setHorizontalHeaderLabels([self.tr("Virtual Machine"), self.tr("Host"),
                                              self.tr("Action"), self.tr("Result"),
                                              self.tr("Message")])
        self._fill(self._results)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @staticmethod
    def has_failures(results: Sequence[ActionResult]) -> bool:
        """True when at least one VM's action failed."""
        return any(not result.ok for result in results)

    def show_results(self, results: Sequence[ActionResult]) -> None:
        """Replace the table with these results, failures first, and show the window."""
        self._results = tuple(results)
        self._fill(self._results)
        self.show()
        self.raise_()
        self.activateWindow()

    def _fill(self, results: Sequence[ActionResult]) -> None:
        ordered = sorted(results, key=lambda result: (result.ok, result.vm_name.lower()))
        self.table.setRowCount(len(ordered))
        for row, result in enumerate(ordered):
            cells = (result.vm_name, self._host_title(result.server_key),
                     action_title(result.action),
                     self.tr("Succeeded") if result.ok else self.tr("Failed"),
                     MessageText.of(result.text, result.message))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not result.ok:
                    item.setForeground(QBrush(_FAILED))
                item.setData(Qt.ItemDataRole.UserRole, result)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        failed = sum(not result.ok for result in results)
        self.summary_label.setText(self.tr("%n of %1 action(s) failed.", "", failed).replace(
            "%1", str(len(results))) if failed else
            self.tr("All %n action(s) succeeded.", "", len(results)) if results else "")

    def result_at(self, row: int) -> ActionResult:
        """The result shown in ``row``."""
        return self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
