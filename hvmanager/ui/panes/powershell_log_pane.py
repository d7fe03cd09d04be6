"""The PowerShell log pane: every command the app ran, with host, duration and result."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

translate = QCoreApplication.translate


#: CommandLogModel's columns: Time, Host, Command, Duration, Result.
COMMAND_COLUMN = 2
_WIDTHS = (70, 90, 400, 70, 170)


class PowerShellLogPane(QTableView):
    """A read-only view over the command log model; Ctrl+C copies the selected rows.

    Copying yields the commands with a comment line each (``CommandLogModel.copy_text``),
    so they can be pasted into a PowerShell console or a report. New entries keep the
    view at the bottom only when it already was there (reading older lines is not
    interrupted).
    """

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("powershellLog")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The command is what matters: it takes the room the other columns leave.
        for column, width in enumerate(_WIDTHS):
            if column < model.columnCount():
                header.resizeSection(column, width)
        if model.columnCount() > COMMAND_COLUMN:
            header.setSectionResizeMode(COMMAND_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_action = QAction(self)
        self.copy_action.setObjectName("actionCopyLog")
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.addAction(self.copy_action)
        model.rowsAboutToBeInserted.connect(self._remember_bottom)
        model.rowsInserted.connect(self._follow)
        self._at_bottom = True
        self.retranslate()

    def selected_text(self) -> str:
        """The selected rows (all rows when none is selected) as PowerShell a user can
        paste, each command under a comment line with its time, host, duration and result."""
        model = self.model()
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows:
            rows = list(range(model.rowCount()))
        return model.copy_text(rows)

    def copy_selection(self) -> None:
        """Put the selected rows on the clipboard."""
        QGuiApplication.clipboard().setText(self.selected_text())

    def _remember_bottom(self, *_args) -> None:
        bar = self.verticalScrollBar()
        self._at_bottom = bar.value() >= bar.maximum() - 2

    def _follow(self, *_args) -> None:
        if self._at_bottom:
            self.scrollToBottom()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.copy_action.setText(translate("PowerShellLogPane", "Copy"))
        self.setAccessibleName(translate("PowerShellLogPane", "PowerShell log"))
        self.setToolTip(translate(
            "PowerShellLogPane", "Every PowerShell command hvmanager ran, with host, duration and "
                            "result. Ctrl+C copies the selected lines."))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
