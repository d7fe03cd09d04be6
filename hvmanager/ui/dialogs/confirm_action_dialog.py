"""Confirm a destructive action on the selected VMs, naming them."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout,
                               QWidget)

from hvmanager.hyperv.vm_action import VmAction
from hvmanager.ui.dialogs.vm_action_texts import action_title, confirmation_question, consequence


class ConfirmActionDialog(QDialog):
    """"Are you sure you want to turn off the selected virtual machine(s)?" and the VM names.

    Open with ``open()``; ``accepted`` means go ahead. The safe button (Cancel) is the
    default, so Enter never destroys anything by accident.
    """

    def __init__(self, action: VmAction, vm_names: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setObjectName("confirmActionDialog")
        title = action_title(action)
        self.setWindowTitle(title)
        self.setAccessibleName(self.tr("Confirm %1").replace("%1", title))
        self.question_label = QLabel(confirmation_question(action), self)
        self.question_label.setObjectName("confirmQuestion")
        self.question_label.setAccessibleName(self.tr("Question"))
        self.question_label.setWordWrap(True)
        self.count_label = QLabel(self.tr("%n virtual machine(s):", "", len(vm_names)), self)
        self.count_label.setObjectName("confirmVmCount")
        self.count_label.setAccessibleName(self.tr("Number of virtual machines"))
        self.vm_list = QListWidget(self)
        self.vm_list.setObjectName("confirmVmList")
        self.vm_list.setAccessibleName(self.tr("Selected virtual machines"))
        self.vm_list.addItems(list(vm_names))
        self.consequence_label = QLabel(consequence(action), self)
        self.consequence_label.setObjectName("confirmConsequence")
        self.consequence_label.setAccessibleName(self.tr("Consequence"))
        self.consequence_label.setWordWrap(True)
        self.consequence_label.setVisible(bool(self.consequence_label.text()))
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(title, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setAccessibleName(title)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question_label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.vm_list)
        layout.addWidget(self.consequence_label)
        layout.addWidget(self.buttons)
