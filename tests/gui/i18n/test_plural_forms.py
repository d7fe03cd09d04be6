"""Counts read naturally with the shipped catalogues: "1 virtual machine", "2 virtuele
machines" (the English source says "virtual machine(s)"; hvmanager_en.qm has the forms)."""

import pytest
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.ui.dialogs.confirm_action_dialog import ConfirmActionDialog


@pytest.mark.parametrize(("language", "one", "two"), [
    ("en", "1 virtual machine:", "2 virtual machines:"),
    ("nl", "1 virtuele machine:", "2 virtuele machines:"),
])
def test_counts_take_the_singular_or_plural_of_the_language(language, one, two, qtbot,
                                                             switcher):
    assert switcher.apply(language), switcher.problem
    texts = []
    for names in (["web01"], ["web01", "web02"]):
        dialog = ConfirmActionDialog(VmAction.TURN_OFF, names)
        qtbot.addWidget(dialog)
        texts.append(dialog.count_label.text())
    assert texts == [one, two]
