"""Hyper-V Service dialog against a simulator host: vmms stop/start with confirmation, live status."""

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hvmanager.core.host_state import HostState
from hvmanager.domain import ServiceState
from hvmanager.ui.dialogs.hyper_v_service_dialog import HyperVServiceDialog


def cell(dialog, name, column):
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).text() == name:
            return dialog.table.item(row, column).text()
    raise KeyError(name)


def confirm(dialog, qtbot, answer):
    """Answer the confirmation; returns its text (the box deletes itself when closed)."""
    box = dialog.findChild(QMessageBox, "serviceConfirmation")
    assert box is not None and box.isVisible()
    text = box.text()
    qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
    return text


def test_vmms_stop_and_start_with_confirmation_and_live_status(make_lab, make_session, qtbot):
    lab = make_lab(time_scale=1.0)  # a real half-second StopPending phase
    session = make_session(lab)
    dialog = HyperVServiceDialog(session, poll_interval_s=0.05)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.status_label.text() == "Loading…" and not dialog.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)
    assert dialog.status_label.text() == ""
    assert [dialog.table.item(r, 0).text() for r in range(2)] == ["vmms", "vmcompute"]
    assert cell(dialog, "vmms", 1) == "Hyper-V Virtual Machine Management"
    assert cell(dialog, "vmms", 2) == "Running"
    assert cell(dialog, "vmms", 3) == "Automatic"
    assert dialog.selected_service() == "vmms"
    assert not dialog.start_button.isEnabled() and dialog.stop_button.isEnabled()
    assert "running VMs keep running" in dialog.purpose_label.text()

    # No: nothing happens.
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    text = confirm(dialog, qtbot, QMessageBox.StandardButton.No)
    assert "vmms" in text and session.title in text
    qtbot.wait(50)
    assert lab.hosts[0].model.service_status("vmms") == "Running"

    # Yes: Stopping… shows while Stop-Service runs, then Stopped.
    seen = set()
    dialog.table.itemChanged.connect(lambda item: seen.add(item.text()))
    dialog.table.model().dataChanged.connect(
        lambda *args: seen.add(cell(dialog, "vmms", 2)))
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.service_changed, timeout=10000) as changed:
        confirm(dialog, qtbot, QMessageBox.StandardButton.Yes)
        qtbot.waitUntil(lambda: "Stopping Hyper-V Virtual Machine Management" in
                        dialog.status_label.text(), timeout=2000)
        assert not dialog.stop_button.isEnabled() and not dialog.refresh_button.isEnabled()
    assert changed.args[0].state is ServiceState.STOPPED
    assert cell(dialog, "vmms", 2) == "Stopped"
    assert "is now stopped" in dialog.status_label.text()
    assert lab.hosts[0].model.service_status("vmms") == "Stopped"
    assert dialog.start_button.isEnabled() and not dialog.stop_button.isEnabled()
    qtbot.waitUntil(lambda: session.status.state is HostState.SERVICE_STOPPED, timeout=10000)

    # Start needs no confirmation.
    with qtbot.waitSignal(dialog.service_changed, timeout=10000) as changed:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.findChild(QMessageBox, "serviceConfirmation") is None or \
        not dialog.findChild(QMessageBox, "serviceConfirmation").isVisible()
    assert changed.args[0].state is ServiceState.RUNNING
    assert cell(dialog, "vmms", 2) == "Running"
    assert lab.hosts[0].model.service_status("vmms") == "Running"
    assert "Stopping…" in seen


def test_errors_are_shown_in_place(make_lab, make_session, qtbot):
    lab = make_lab()
    session = make_session(lab)
    dialog = HyperVServiceDialog(session)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)
    lab.set_fault(lab.hosts[0].name, "refused")
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.refresh_button.isEnabled() and bool(dialog.status_label.text()),
                    timeout=15000)
    assert "#b00020" in dialog.status_label.styleSheet()
    assert "refused the connection" in dialog.status_label.text()
    assert dialog.table.rowCount() == 2  # the last known status stays visible


def test_restart_is_confirmed_and_acts_on_the_selected_service(make_lab, make_session, qtbot):
    lab = make_lab()
    session = make_session(lab)
    dialog = HyperVServiceDialog(session)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)
    dialog.table.selectRow(1)
    assert dialog.selected_service() == "vmcompute"
    assert "worker processes" in dialog.purpose_label.text()
    qtbot.mouseClick(dialog.restart_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.service_changed, timeout=10000) as changed:
        text = confirm(dialog, qtbot, QMessageBox.StandardButton.Yes)
    assert "Restart the service Hyper-V Host Compute Service (vmcompute)" in text
    assert changed.args[0].name == "vmcompute" and changed.args[0].state is ServiceState.RUNNING
    assert dialog.selected_service() == "vmcompute"  # the selection survives the re-read
    assert lab.hosts[0].model.service_status("vmms") == "Running"


def test_closing_and_deleting_while_an_operation_runs_is_clean(make_lab, make_session, qtbot):
    lab = make_lab(time_scale=1.0)
    session = make_session(lab)
    dialog = HyperVServiceDialog(session)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    confirm(dialog, qtbot, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: cell(dialog, "vmms", 2) == "Stopping…", timeout=2000)
    # As the main window does: close, then delete. The task is cancelled and nothing raises
    # (the event_loop fixture fails the test on any unhandled task error).
    dialog.close()
    dialog.deleteLater()
    qtbot.wait(100)
    # The session stays usable.
    task = asyncio.ensure_future(session.services())
    qtbot.waitUntil(task.done, timeout=10000)
    assert [status.name for status in task.result()] == ["vmms", "vmcompute"]
