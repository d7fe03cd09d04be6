"""One window for unexpected exceptions: summary, expandable traceback, copy to clipboard."""

from __future__ import annotations

import traceback
from types import TracebackType

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)


class ErrorReportDialog(QDialog):
    """The excepthook's window: errors that arrive while it is open are added to it.

    The app keeps one instance and calls :meth:`add_error` from its excepthook; a burst
    of exceptions gives one window saying "3 unexpected errors", not a stack of boxes.
    Closing it forgets the errors shown (they are in the log as well).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorReportDialog")
        self.setModal(False)
        self._reports: list[str] = []
        self._last_line = ""
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("errorSummary")
        self.summary_label.setWordWrap(True)
        self.details_button = QPushButton(self)
        self.details_button.setObjectName("errorDetailsButton")
        self.details_button.setCheckable(True)
        self.details_edit = QPlainTextEdit(self)
        self.details_edit.setObjectName("errorDetails")
        self.details_edit.setReadOnly(True)
        self.details_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_edit.setVisible(False)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("errorCopyButton")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(self._forget)
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details_edit, 1)
        layout.addWidget(self.buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        # The app keeps this dialog: View > Language must reach it too.
        self.setWindowTitle(self.tr("Unexpected Error"))
        self.setAccessibleName(self.tr("Unexpected Error"))
        self.summary_label.setAccessibleName(self.tr("Error summary"))
        self.details_button.setAccessibleName(self.tr("Show details"))
        self.details_edit.setAccessibleName(self.tr("Error details"))
        self.copy_button.setText(self.tr("&Copy to Clipboard"))
        self.copy_button.setAccessibleName(self.tr("Copy to clipboard"))
        self.details_button.setText(self.tr("Hide &Details") if self.details_button.isChecked()
                                    else self.tr("Show &Details"))
        self._summarize()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @property
    def error_count(self) -> int:
        """How many errors the window currently shows."""
        return len(self._reports)

    def add_error(self, exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
        """Add one exception (the ``sys.excepthook`` arguments) and show the window."""
        self._reports.append("".join(traceback.format_exception(exc_type, exc, tb)).rstrip())
        self._last_line = f"{exc_type.__name__}: {exc}".strip().rstrip(":")
        self._summarize()
        self.details_edit.setPlainText(self.details_text())
        self.show()
        self.raise_()

    def _summarize(self) -> None:
        if not self._reports:
            summary = ""
        elif len(self._reports) == 1:
            summary = self.tr("Something went wrong that hvmanager did not expect:\n%1\n\n"
                              "Your servers and virtual machines were not changed by this "
                              "error. The details help to report it.").replace(
                                  "%1", self._last_line)
        else:
            summary = self.tr("%n unexpected error(s) occurred. The last one:\n%1", "",
                              len(self._reports)).replace("%1", self._last_line)
        self.summary_label.setText(summary)

    def details_text(self) -> str:
        """Every traceback shown, separated by a blank line."""
        return "\n\n".join(self._reports)

    def copy_to_clipboard(self) -> None:
        """Put the summary and every traceback on the clipboard."""
        QGuiApplication.clipboard().setText(f"{self.summary_label.text()}\n\n{self.details_text()}")

    def _toggle_details(self, shown: bool) -> None:
        self.details_edit.setVisible(shown)
        if shown:
            # Room for a traceback; the summary keeps its own height above it.
            self.resize(max(self.width(), 720), max(self.height(), 480))
        self.details_button.setText(self.tr("Hide &Details") if shown else self.tr("Show &Details"))

    def _forget(self, *args: object) -> None:
        # Closed (Close, Escape or the title bar): the next error starts a fresh report.
        self._reports.clear()
        self.details_edit.clear()
