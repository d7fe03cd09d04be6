"""The panes follow the selection when a selected VM changes, and only then."""

from hvmanager.domain.vm_state import VMState
from hvmanager.models import roles
from hvmanager_testing.gui_app import connect_lab

MB = 1024 * 1024


def _row_named(window, name):
    proxy = window.models.proxy
    return next(row for row in range(proxy.rowCount())
                if proxy.index(row, 0).data(roles.VmRole).name == name)


def test_a_refresh_that_changes_the_selected_vm_updates_the_actions(make_lab, make_app, qtbot):
    lab = make_lab(hosts=1, vms_per_host=0)
    host = lab.hosts[0]
    chosen = host.model.add_vm("chosen", state="Off", memory_startup=256 * MB)
    host.model.add_vm("other", state="Off", memory_startup=256 * MB)
    desktop = make_app()
    (key,) = connect_lab(desktop, lab)
    window = desktop.window
    session = desktop.catalog.session(key)
    qtbot.waitUntil(lambda: window.models.proxy.rowCount() == 2, timeout=10000)
    window.vm_pane.select_rows([_row_named(window, "chosen")])
    start, turn_off = window.registry["actionStartVM"], window.registry["actionTurnOffVM"]
    qtbot.waitUntil(start.isEnabled, timeout=2000)
    assert not turn_off.isEnabled()

    # Another VM changes: the selection (and what it enables) stays.
    host.model.rename_vm(next(vm.vm_id for vm in host.model.vms if vm.name == "other"), "renamed")
    session.refresh_soon()
    qtbot.waitUntil(lambda: window.models.table.row_of(key, chosen.vm_id) >= 0
                    and "renamed" in {vm.name for vm in window.models.table.vms()}, timeout=5000)
    qtbot.wait(50)
    assert start.isEnabled() and not turn_off.isEnabled()
    assert [vm.vm_id for _, vm in window.selection().vms] == [chosen.vm_id]

    # The selected VM starts on the host: the refresh changes it, the actions follow.
    with host.model.lock:
        chosen.force_state(VMState.RUNNING, host.model.now(), 5.0)
    session.refresh_soon()
    qtbot.waitUntil(turn_off.isEnabled, timeout=5000)
    assert not start.isEnabled()
    assert [vm.state for _, vm in window.selection().vms] == [VMState.RUNNING]
