"""The view actions: columns dialog, CSV export, the VM table's right-click menu, About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from hvmanager.ui.actions.action_registry import ActionRegistry
from hvmanager.ui.csv_exporter import CsvExporter
from hvmanager.ui.panes.vm_table_pane import VmTablePane
from hvmanager.ui.panes.work_status_bar import WorkStatusBar

translate = QCoreApplication.translate


class ViewCommands(QObject):
    """Dialogs open with ``open()`` (never ``exec()``); results go to the status bar."""

    def __init__(self, registry: ActionRegistry, vm_pane: VmTablePane, status: WorkStatusBar,
                 window: QWidget) -> None:
        super().__init__(window)
        self._registry = registry
        self._vm_pane = vm_pane
        self._status = status
        self._window = window

    def open_columns_dialog(self) -> QDialog:
        """The columns dialog over the registry; OK shows the chosen columns."""
        from hvmanager.ui.dialogs.columns_dialog import ColumnsDialog

        dialog = ColumnsDialog(self._vm_pane.registry, self._vm_pane.visible_keys(), self._window)
        dialog.columns_chosen.connect(lambda keys: self._vm_pane.set_visible_keys(tuple(keys)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def export_csv(self, path: Path) -> int:
        """Write the visible table (filtered, sorted, visible columns) to ``path``."""
        count = CsvExporter(self._vm_pane.table).write(Path(path))
        self._status.showMessage(
            self.tr("Exported %n virtual machine(s) to %1", "", count).replace("%1", str(path)),
            8000)
        return count

    def ask_export_path(self) -> QFileDialog:
        """A save dialog; the chosen file gets the export."""
        dialog = QFileDialog(self._window, translate("ViewCommands", "Export to CSV"),
                             str(Path.home() / "virtual-machines.csv"),
                             translate("ViewCommands", "CSV files (*.csv)"))
        dialog.setObjectName("exportCsvDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self._export_to)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _export_to(self, path: str) -> None:
        try:
            self.export_csv(Path(path))
        except OSError as error:
            self._status.showMessage(translate(
                "ViewCommands", "Export failed: {error}").format(error=error), 15000)

    def build_vm_menu(self) -> QMenu:
        """The VM table's right-click menu: the VM actions, settings, refresh, export."""
        registry = self._registry
        menu = QMenu(self._vm_pane.table)
        menu.setObjectName("vmTableMenu")
        for _, action in registry.vm_actions():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(registry["actionIntegrationServices"])
        menu.addSeparator()
        menu.addAction(registry["actionRefresh"])
        menu.addAction(registry["actionExportCsv"])
        return menu

    def open_vm_menu(self, position: QPoint) -> None:
        """Pop the VM menu up where the user right-clicked."""
        self.build_vm_menu().popup(self._vm_pane.table.viewport().mapToGlobal(position))

    def about(self) -> QMessageBox:
        """A non-modal About box."""
        import hvmanager

        text = translate(
            "ViewCommands", "hvmanager {version}\nA Hyper-V Manager for many servers at once, "
            "with the PowerShell behind every click.").format(version=hvmanager.__version__)
        box = QMessageBox(QMessageBox.Icon.Information,
                          translate("ViewCommands", "About hvmanager"), text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("aboutBox")
        box.finished.connect(box.deleteLater)
        box.open()
        return box
