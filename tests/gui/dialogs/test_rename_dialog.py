"""Rename: the new name must be non-empty, printable, short enough and different."""

from PySide6.QtCore import Qt

from hvmanager.ui.dialogs.rename_dialog import RenameDialog


def test_rename_emits_the_trimmed_name(qtbot):
    dialog = RenameDialog("web01")
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.name_edit.selectedText() == "web01"
    assert not dialog.ok_button.isEnabled()  # unchanged
    qtbot.keyClicks(dialog.name_edit, "  web-frontend 01 ")
    with qtbot.waitSignal(dialog.name_chosen) as chosen:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert chosen.args == ["web-frontend 01"]


def test_empty_and_odd_names_are_refused_in_place(qtbot):
    dialog = RenameDialog("web01")
    qtbot.addWidget(dialog)
    dialog.show()
    for text, message in (("", "Enter a name."), ("   ", "Enter a name."),
                          ("a\tb", "invisible"), ("x" * 101, "at most 100")):
        dialog.name_edit.setText(text)
        assert dialog.error_label.text().startswith(message) or message in dialog.error_label.text()
        assert dialog.error_label.isVisible() and not dialog.ok_button.isEnabled()
        with qtbot.assertNotEmitted(dialog.name_chosen):
            dialog.accept()
        assert dialog.isVisible()
    dialog.name_edit.setText("ok name")
    assert dialog.error_label.isHidden() and dialog.ok_button.isEnabled()
