"""Destructive actions are confirmed with the VM names listed; Cancel is the default."""

import pytest
from PySide6.QtCore import Qt

from hvmanager.hyperv.vm_action import VmAction
from hvmanager.ui.dialogs.confirm_action_dialog import ConfirmActionDialog


def test_turn_off_names_every_vm_and_defaults_to_cancel(qtbot):
    dialog = ConfirmActionDialog(VmAction.TURN_OFF, ["web01", "db01", "web01"])
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.question_label.text() == (
        "Are you sure you want to turn off the selected virtual machine(s)?")
    assert dialog.count_label.text() == "3 virtual machine(s):"
    assert [dialog.vm_list.item(i).text() for i in range(dialog.vm_list.count())] == [
        "web01", "db01", "web01"]
    assert "power cord" in dialog.consequence_label.text()
    assert dialog.confirm_button.text() == "Turn Off"
    assert dialog.cancel_button.isDefault()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


def test_confirm_button_accepts(qtbot):
    dialog = ConfirmActionDialog(VmAction.DELETE_SAVED_STATE, ["legacy01"])
    qtbot.addWidget(dialog)
    dialog.open()
    assert "saved state" in dialog.question_label.text()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("action", list(VmAction))
def test_every_action_has_a_question(qtbot, action):
    dialog = ConfirmActionDialog(action, ["vm"])
    qtbot.addWidget(dialog)
    assert dialog.question_label.text().startswith("Are you sure")
    assert "%" not in dialog.question_label.text()
    assert dialog.windowTitle() == action.title
