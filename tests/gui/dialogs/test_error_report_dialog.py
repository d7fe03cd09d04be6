"""Unexpected exceptions: one window, summary, expandable traceback, clipboard."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from hvmanager.ui.dialogs.error_report_dialog import ErrorReportDialog


def raised(error):
    try:
        raise error
    except type(error):
        return sys.exc_info()


def test_one_window_collects_errors_and_copies_them(qtbot):
    dialog = ErrorReportDialog()
    qtbot.addWidget(dialog)
    dialog.add_error(*raised(KeyError("vm-id")))
    assert dialog.isVisible() and dialog.error_count == 1
    assert "KeyError: 'vm-id'" in dialog.summary_label.text()
    assert not dialog.details_edit.isVisible()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details_edit.isVisible()
    assert "Traceback (most recent call last)" in dialog.details_edit.toPlainText()
    assert "def raised" not in dialog.details_edit.toPlainText()
    assert "in raised" in dialog.details_edit.toPlainText()

    dialog.add_error(*raised(ValueError("second")))
    assert dialog.error_count == 2
    assert dialog.summary_label.text().startswith("2 unexpected error(s)")
    assert "ValueError: second" in dialog.summary_label.text()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "KeyError" in copied and "ValueError: second" in copied

    dialog.close()
    assert dialog.error_count == 0
    dialog.add_error(*raised(RuntimeError("fresh")))
    assert dialog.error_count == 1 and "RuntimeError: fresh" in dialog.summary_label.text()
