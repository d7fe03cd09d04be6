"""Selection drives the actions (the one table); bulk Start runs across hosts in place."""

from PySide6.QtWidgets import QDialog

from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.vm_action import allowed_for_all
from hvmanager.models import roles
from hvmanager.ui.actions.action_registry import VM_ACTION_NAMES
from hvmanager_testing.gui_app import connect_lab, shown_rows

MB = 1024 * 1024


def _lab_with_states(make_lab, hosts=1):
    """Hosts holding one VM per resting state, named after it (deterministic tests)."""
    lab = make_lab(hosts=hosts, vms_per_host=0)
    for host in lab.hosts:
        for state in ("Off", "Running", "Paused", "Saved"):
            host.model.add_vm(f"{host.name}-{state.lower()}", state=state,
                              memory_startup=256 * MB, boot_seconds=20.0)
        host.model.add_vm(f"{host.name}-off2", state="Off", memory_startup=256 * MB,
                          boot_seconds=20.0)
    return lab


def _rows_named(window, names):
    proxy = window.models.proxy
    return [row for row in range(proxy.rowCount())
            if proxy.index(row, 0).data(roles.VmRole).name in names]


def _selected_ids(window):
    return {vm.vm_id for _, vm in window.vm_pane.selected_vms()}


def test_selection_enables_exactly_the_actions_every_selected_vm_allows(make_lab, make_app,
                                                                          qtbot):
    lab = _lab_with_states(make_lab)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: window.models.proxy.rowCount() == 5, timeout=10000)
    for names in (["HV01-off"], ["HV01-running"], ["HV01-paused"], ["HV01-saved"],
                  ["HV01-off", "HV01-saved"], ["HV01-running", "HV01-paused"],
                  ["HV01-off", "HV01-running"]):
        window.vm_pane.select_rows(_rows_named(window, names))
        qtbot.waitUntil(lambda: len(window.selection().vms) == len(names), timeout=2000)
        window._selection_changed()
        states = [vm.state for _, vm in window.selection().vms]
        for action, object_name in VM_ACTION_NAMES.items():
            expected = allowed_for_all(action, states) and (
                action.key != "rename" or len(names) == 1)
            assert window.registry[object_name].isEnabled() is expected, (names, object_name)
        assert window.registry["actionIntegrationServices"].isEnabled()
        visible = window.actions_pane.visible_action_names()
        assert ("actionStartVM" in visible) is window.registry["actionStartVM"].isEnabled()


def test_start_on_vms_of_two_hosts_updates_rows_in_place_and_keeps_the_selection(
        make_lab, make_app, qtbot):
    lab = _lab_with_states(make_lab, hosts=2)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    proxy = window.models.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 10, timeout=10000)
    targets = {"HV01-off", "HV01-off2", "HV02-off"}
    window.vm_pane.select_rows(_rows_named(window, targets))
    selected = _selected_ids(window)
    assert len(selected) == 3
    window._selection_changed()
    start = window.registry["actionStartVM"]
    assert start.isEnabled()
    removed = []
    proxy.rowsRemoved.connect(lambda *args: removed.append(args))
    start.trigger()

    def started():
        states = {vm.name: vm.state for _, vm in shown_rows(proxy)}
        return all(states[name] in (VMState.STARTING, VMState.RUNNING) for name in targets)
    qtbot.waitUntil(started, timeout=10000)
    assert _selected_ids(window) == selected
    assert removed == []
    qtbot.waitUntil(lambda: window.bulk.running == 0, timeout=5000)
    assert len(window.bulk.last_results) == 3 and all(r.ok for r in window.bulk.last_results)
    assert not window.bulk.results_dialog.isVisible()
    # The log pane shows the exact command of each host's start: HV01's two VMs in one
    # pipeline, HV02's one VM by itself.
    log = window.models.log
    texts = [log.index(row, 2).data() for row in range(log.rowCount())]
    starts = [text for text in texts if "Start-VM" in text]
    assert len(starts) == 2
    for _, vm in window.vm_pane.selected_vms():
        assert sum(str(vm.vm_id) in text for text in starts) == 1


def test_destructive_action_asks_first_and_cancel_runs_nothing(make_lab, make_app, qtbot):
    lab = _lab_with_states(make_lab)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: window.models.proxy.rowCount() == 5, timeout=10000)
    window.vm_pane.select_rows(_rows_named(window, {"HV01-running"}))
    window._selection_changed()
    window.registry["actionTurnOffVM"].trigger()
    dialog = window.findChild(QDialog, "confirmActionDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    qtbot.wait(200)
    assert window.bulk.running == 0 and window.bulk.last_results == ()
    window.registry["actionTurnOffVM"].trigger()
    dialog = [d for d in window.findChildren(QDialog, "confirmActionDialog") if d.isVisible()][0]
    dialog.accept()
    qtbot.waitUntil(lambda: window.bulk.last_results != (), timeout=8000)
    assert [r.ok for r in window.bulk.last_results] == [True]
    qtbot.waitUntil(lambda: window.vm_pane.selected_vms()[0][1].state is VMState.OFF,
                    timeout=8000)
    # The actions follow the new state (the row changed in place, still selected).
    qtbot.waitUntil(window.registry["actionStartVM"].isEnabled, timeout=2000)
    assert not window.registry["actionTurnOffVM"].isEnabled()


def test_a_failed_action_is_reported_once_per_vm_in_the_results_window(make_lab, make_app,
                                                                         qtbot):
    lab = _lab_with_states(make_lab)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: window.models.proxy.rowCount() == 5, timeout=10000)
    window.vm_pane.select_rows(_rows_named(window, {"HV01-off"}))
    window._selection_changed()
    # The VM disappears on the host before the user clicks: the host says why, per VM.
    host = lab.host("HV01").model
    victim = next(vm for vm in host.vms if vm.name == "HV01-off")
    host.remove_vm(victim.vm_id)
    window.registry["actionStartVM"].trigger()
    qtbot.waitUntil(lambda: window.bulk.last_results != (), timeout=8000)
    result, = window.bulk.last_results
    assert not result.ok and result.message
    dialog = window.bulk.results_dialog
    assert dialog.isVisible()
    assert dialog.table.rowCount() == 1
    assert len([d for d in window.findChildren(QDialog) if d.isVisible()]) == 1
    assert not dialog.isModal()  # the window stays usable; errors never stack as boxes


def test_rename_asks_for_the_name_and_the_row_follows(make_lab, make_app, qtbot):
    lab = _lab_with_states(make_lab)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: window.models.proxy.rowCount() == 5, timeout=10000)
    window.vm_pane.select_rows(_rows_named(window, {"HV01-saved"}))
    selected = _selected_ids(window)
    qtbot.waitUntil(window.registry["actionRenameVM"].isEnabled, timeout=2000)
    window.registry["actionRenameVM"].trigger()
    dialog = window.findChild(QDialog, "renameDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText("renamed-by-test")
    dialog.accept()
    qtbot.waitUntil(lambda: [vm.name for _, vm in window.vm_pane.selected_vms()]
                    == ["renamed-by-test"], timeout=8000)
    assert _selected_ids(window) == selected
    log = window.models.log
    assert any("Rename-VM -NewName renamed-by-test" in str(log.index(r, 2).data())
               for r in range(log.rowCount()))
