"""A new name for a virtual machine."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

# Hyper-V Manager refuses longer names [unverified on a host]; keep it in one place.
MAX_VM_NAME_LENGTH = 100


class RenameDialog(QDialog):
    """Edit a VM's name; OK only for a non-empty, changed, printable name.

    On OK :attr:`name_chosen` carries the trimmed name (also :meth:`new_name`).
    Names need not be unique on a host (VMs are keyed by id), so no uniqueness check.
    """

    name_chosen = Signal(str)

    def __init__(self, current_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renameDialog")
        self.setWindowTitle(self.tr("Rename Virtual Machine"))
        self.setAccessibleName(self.tr("Rename Virtual Machine"))
        self._current = current_name
        self.name_edit = QLineEdit(current_name, self)
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setAccessibleName(self.tr("New name"))
        self.name_edit.selectAll()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("nameError")
        self.error_label.setAccessibleName(self.tr("Name problem"))
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("renameOkButton")
        self.ok_button.setAccessibleName(self.tr("OK"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&New name:"), self)
        label.setBuddy(self.name_edit)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update)
        self._update()

    def new_name(self) -> str:
        """The trimmed name typed."""
        return self.name_edit.text().strip()

    def problem(self) -> str:
        """Why the name cannot be used, or ""."""
        name = self.new_name()
        if not name:
            return self.tr("Enter a name.")
        if len(name) > MAX_VM_NAME_LENGTH:
            return self.tr("A name can have at most %1 characters.").replace(
                "%1", str(MAX_VM_NAME_LENGTH))
        if not name.isprintable():
            return self.tr("The name contains a tab, line break or invisible character.")
        return ""

    def _update(self, *args: object) -> None:
        problem = self.problem()
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem and self.new_name() != self._current)

    def accept(self) -> None:
        """Close only with a usable, changed name."""
        self._update()
        if not self.ok_button.isEnabled():
            return
        super().accept()
        self.name_chosen.emit(self.new_name())
