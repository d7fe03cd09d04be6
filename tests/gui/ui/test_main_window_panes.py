"""Details (Disks from Get-VMHardDiskDrive), Checkpoints, the copyable log, Enter keys, menus."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from hvmanager.domain.controller_type import ControllerType
from hvmanager_testing.gui_app import connect_lab, shown_rows

MB = 1024 * 1024


def _one_vm_lab(make_lab, generation):
    lab = make_lab(hosts=1, vms_per_host=0)
    vm = lab.hosts[0].model.add_vm("disk-test", generation=generation, memory_startup=512 * MB)
    return lab, vm


def test_disks_tab_lists_path_controller_type_number_and_location(make_lab, make_app, qtbot):
    lab, vm = _one_vm_lab(make_lab, generation=1)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 1, timeout=10000)
    window.vm_pane.select_rows([0])
    details = window.details
    with qtbot.waitSignal(details.disks.loaded, timeout=8000):
        details.setCurrentWidget(details.disks)
    table = details.disks.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Path", "Controller type", "Controller number", "Controller location"]
    disk = vm.disks[0]
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)] == [
        disk.path, ControllerType.IDE.value, "0", "0"]
    # The Summary comes from one full query: fields no column asked for are filled too.
    qtbot.waitUntil(lambda: details.summary.values().get("Processors") == "2", timeout=8000)
    assert details.summary.values()["Host"] == "HV01"
    with qtbot.waitSignal(details.networking.loaded, timeout=8000):
        details.setCurrentWidget(details.networking)
    assert details.networking.table.item(0, 1).text() == "Default Switch"


def test_checkpoints_pane_shows_the_tree_after_the_checkpoint_action(make_lab, make_app, qtbot):
    lab, vm = _one_vm_lab(make_lab, generation=2)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 1, timeout=10000)
    window.vm_pane.select_rows([0])
    qtbot.waitUntil(lambda: "no checkpoints" in window.checkpoints.message.text(), timeout=8000)
    window._selection_changed()
    window.registry["actionCheckpointVM"].trigger()
    qtbot.waitUntil(lambda: desktop.models.checkpoints.rowCount() >= 1, timeout=10000)
    assert window.checkpoints.message.isHidden()


def test_log_rows_copy_as_powershell_a_user_can_paste(make_lab, make_app, qtbot):
    lab, _vm = _one_vm_lab(make_lab, generation=2)
    desktop = make_app()
    connect_lab(desktop, lab)
    log_pane = desktop.window.log_pane
    qtbot.waitUntil(lambda: desktop.models.log.rowCount() >= 1, timeout=10000)
    log_pane.selectRow(0)
    with qtbot.waitActive(desktop.window):
        desktop.window.activateWindow()
    log_pane.setFocus()
    QTest.keyClick(log_pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("# ") and "HV01" in copied.splitlines()[0]
    assert copied.splitlines()[1].startswith("Get-VM | Select-Object -Property Id, Name, State")


def test_enter_on_a_vm_opens_its_settings_and_the_menus_offer_the_actions(make_lab, make_app,
                                                                          qtbot):
    lab, _vm = _one_vm_lab(make_lab, generation=2)
    desktop = make_app()
    key, = connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 1, timeout=10000)
    window.vm_pane.select_rows([0])
    qtbot.waitUntil(window.registry["actionIntegrationServices"].isEnabled, timeout=2000)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.vm_table.setFocus()
    QTest.keyClick(window.vm_table, Qt.Key.Key_Return)
    dialog = window.findChild(QDialog, "integrationServicesDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    window.server_tree.select_server(key)
    menu = window.server_tree.build_context_menu()
    assert {"actionRefresh", "actionRemoveServer", "actionHyperVService"} <= {
        a.objectName() for a in menu.actions()}
    header_menu = window.vm_pane.header_menu.build()
    assert header_menu.actions()[-1].objectName() == "moreColumnsAction"


def test_status_bar_shows_hosts_connecting(make_lab, make_app, qtbot):
    lab = make_lab(hosts=1, vms_per_host=1, faults={"HV01": "blackhole"})
    desktop = make_app(call_timeout_s=1.0)
    connect_lab(desktop, lab)
    label = desktop.window.status.work_label
    qtbot.waitUntil(lambda: "Connecting to HV01" in label.text(), timeout=3000)
    assert desktop.window.status.busy
    qtbot.waitUntil(lambda: label.text().startswith("Ready: 0 of 1"), timeout=8000)


def test_checkpoint_apply_and_delete_ask_first_then_reload_the_tree(make_lab, make_app, qtbot):
    lab, vm = _one_vm_lab(make_lab, generation=2)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 1, timeout=10000)
    window.vm_pane.select_rows([0])
    qtbot.waitUntil(window.registry["actionCheckpointVM"].isEnabled, timeout=2000)
    for _ in range(2):
        count = desktop.models.checkpoints.rowCount()
        window.registry["actionCheckpointVM"].trigger()
        qtbot.waitUntil(lambda: desktop.models.checkpoints.rowCount() > count
                        or _all_checkpoints(desktop) > count, timeout=10000)
    # The newest checkpoint is the current one: bold, with "Now" under it.
    model = desktop.models.checkpoints
    qtbot.waitUntil(lambda: model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, "Now",
                                        1, Qt.MatchFlag.MatchRecursive) != [], timeout=8000)
    commands = window.checkpoint_commands
    tree = window.checkpoints.tree
    assert not commands.delete_action.isEnabled()
    tree.setCurrentIndex(desktop.models.checkpoints.index(0, 0))
    assert commands.delete_action.isEnabled() and commands.apply_action.isEnabled()
    assert {a.objectName() for a in tree.actions()} >= {"actionApplyCheckpoint",
                                                        "actionDeleteCheckpoint"}
    before = _all_checkpoints(desktop)
    box = commands.ask_delete()
    assert box.isVisible()
    box.reject()
    qtbot.wait(100)
    assert _all_checkpoints(desktop) == before
    tree.setCurrentIndex(desktop.models.checkpoints.index(0, 0))
    box = commands.ask_delete()
    box.accept()
    qtbot.waitUntil(lambda: _all_checkpoints(desktop) == before - 1, timeout=10000)
    assert len(lab.hosts[0].model.vm(vm.vm_id).checkpoints) == before - 1


def _all_checkpoints(desktop):
    model = desktop.models.checkpoints
    count, pending = 0, [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            child = model.index(row, 0, parent)
            if model.checkpoint_at(child) is not None:
                count += 1
            pending.append(child)
    return count
