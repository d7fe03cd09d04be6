"""Import the server list of Windows' Hyper-V Manager, choosing which names to add."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)

from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.settings.hyperv_manager_import import (read_browser_computer_names,
                                                      servers_from_names, virtmgmt_config_path)
from hvmanager.settings.settings_errors import HyperVManagerConfigError
from hvmanager.models.message_text import MessageText


class ImportServersDialog(QDialog):
    """Lists the names in ``virtmgmt.VMBrowser.config`` with check boxes.

    Names already added (by key, for the chosen transport) are unchecked and marked;
    names we cannot connect to are shown disabled with the reason. "Choose File..."
    reads a copy of the file (useful off Windows). Problems reading the file are said in
    place. On OK, :attr:`servers_chosen` carries the checked servers.
    """

    servers_chosen = Signal(tuple)

    def __init__(self, *, existing_keys: Iterable[str] = (), path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importServersDialog")
        self.setWindowTitle(self.tr("Import Servers from Hyper-V Manager"))
        self.setAccessibleName(self.tr("Import Servers from Hyper-V Manager"))
        self._existing = frozenset(existing_keys)
        self._names: tuple[str, ...] = ()
        self.path = path if path is not None else virtmgmt_config_path()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("importStatus")
        self.status_label.setAccessibleName(self.tr("Import status"))
        self.status_label.setWordWrap(True)
        self.server_list = QListWidget(self)
        self.server_list.setObjectName("importServerList")
        self.server_list.setAccessibleName(self.tr("Servers found"))
        self.transport_combo = QComboBox(self)
        self.transport_combo.setObjectName("importTransportCombo")
        self.transport_combo.setAccessibleName(self.tr("Transport"))
        self.transport_combo.addItem(self.tr("HTTP (port 5985)"), Transport.HTTP)
        self.transport_combo.addItem(self.tr("HTTPS (port 5986)"), Transport.HTTPS)
        self.choose_button = QPushButton(self.tr("Choose &File..."), self)
        self.choose_button.setObjectName("importChooseFileButton")
        self.choose_button.setAccessibleName(self.tr("Choose file"))
        self.file_dialog: QFileDialog | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("importOkButton")
        self.ok_button.setAccessibleName(self.tr("OK"))
        form = QFormLayout()
        form.addRow(self.tr("Connect &with:"), self.transport_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.server_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(self._choose_file)
        self.transport_combo.currentIndexChanged.connect(self._fill)
        self.server_list.itemChanged.connect(self._update_ok)
        self.load(self.path)

    def load(self, path: Path | None) -> None:
        """Read ``path`` (Hyper-V Manager's file or a copy) and list its names."""
        self.path = path
        self._names = ()
        if path is None:
            self._status(self.tr("Hyper-V Manager keeps its server list on Windows. Choose a "
                                 "copy of virtmgmt.VMBrowser.config with Choose File."))
        else:
            try:
                self._names = read_browser_computer_names(path)
            except FileNotFoundError:
                self._status(self.tr("Hyper-V Manager has no saved servers on this computer "
                                     "(%1 does not exist).").replace("%1", str(path)))
            except HyperVManagerConfigError as error:
                self._status(MessageText.of(error.text))
            except OSError as error:
                self._status(self.tr("%1 could not be read: %2").replace("%1", str(path))
                             .replace("%2", error.strerror or str(error)))
            else:
                self._status(self.tr("%n server(s) found in %1.", "", len(self._names))
                             .replace("%1", str(path)) if self._names else
                             self.tr("Hyper-V Manager has no saved servers in %1.")
                             .replace("%1", str(path)))
        self._fill()

    def _status(self, text: str) -> None:
        self.status_label.setText(text)

    def _fill(self, *args: object) -> None:
        transport = self.transport_combo.currentData()
        self.server_list.blockSignals(True)
        self.server_list.clear()
        for name in self._names:
            found = servers_from_names((name,), transport)
            item = QListWidgetItem(name)
            if not found:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setText(self.tr("%1 (not a valid address)").replace("%1", name))
                item.setToolTip(self.tr("Hyper-V Manager accepted this name, but it is not a "
                                        "computer name or address hvmanager can connect to."))
                self.server_list.addItem(item)
                continue
            server = found[0]
            item.setData(Qt.ItemDataRole.UserRole, server)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            if server.key in self._existing:
                item.setText(self.tr("%1 (already added)").replace("%1", name))
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                item.setCheckState(Qt.CheckState.Checked)
            self.server_list.addItem(item)
        self.server_list.blockSignals(False)
        self._update_ok()

    def selected_servers(self) -> tuple[ServerConfig, ...]:
        """The checked servers, in the file's order."""
        items = (self.server_list.item(row) for row in range(self.server_list.count()))
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                     if item.checkState() == Qt.CheckState.Checked
                     and item.data(Qt.ItemDataRole.UserRole) is not None)

    def _update_ok(self, *args: object) -> None:
        self.ok_button.setEnabled(bool(self.selected_servers()))

    def _choose_file(self) -> None:
        if self.file_dialog is None:
            self.file_dialog = QFileDialog(self, self.tr("Hyper-V Manager settings file"))
            self.file_dialog.setObjectName("importFileDialog")
            self.file_dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            self.file_dialog.setNameFilters([self.tr("Hyper-V Manager settings (*.config)"),
                                             self.tr("All files (*)")])
            self.file_dialog.fileSelected.connect(lambda name: self.load(Path(name)))
        self.file_dialog.open()

    def accept(self) -> None:
        """Emit the checked servers and close (OK is disabled when none is checked)."""
        servers = self.selected_servers()
        if not servers:
            return
        super().accept()
        self.servers_chosen.emit(servers)
