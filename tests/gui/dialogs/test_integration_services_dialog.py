"""Integration Services against simulator hosts: by GUID, our labels, changes applied, per-VM results."""

import asyncio
import uuid

from PySide6.QtCore import Qt

from hvmanager.domain import KnownIntegrationService as K
from hvmanager.domain import VMState
from hvmanager.simulator.host_spec import HostSpec
from hvmanager.ui.dialogs.integration_services_dialog import IntegrationServicesDialog

LABELS = ["Operating system shutdown", "Time synchronization", "Data Exchange", "Heartbeat",
          "Backup (volume shadow copy)", "Guest services"]


def rows(dialog):
    tree = dialog.service_tree
    return [(tree.topLevelItem(r).text(0), tree.topLevelItem(r).checkState(0))
            for r in range(tree.topLevelItemCount())]


def open_dialog(qtbot, targets):
    dialog = IntegrationServicesDialog(targets)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def wait_loaded(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=10000)


def host_enabled(lab, vm_id, known):
    """What the simulated host itself has (keys are upper-case GUID strings)."""
    return lab.hosts[0].model.vm(vm_id).ic_enabled[str(known.guid).upper()]


def flipped(state):
    return Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked


def test_german_host_shows_our_labels_by_guid_and_applies_changes(make_lab, make_session, qtbot):
    lab = make_lab(specs=[HostSpec("HV02", vm_count=2, locale="de-DE")])
    session = make_session(lab)
    vm = sorted(session.vms.values(), key=lambda v: v.name)[0]
    dialog = open_dialog(qtbot, [(session, vm)])
    assert dialog.status_label.text() == "Loading…"
    assert not dialog.service_tree.isEnabled()  # never usable before the host answered
    wait_loaded(qtbot, dialog)

    assert [label for label, _ in rows(dialog)] == LABELS
    heartbeat = dialog.item_for(K.HEARTBEAT.guid)
    assert heartbeat.text(2) == "Takt"  # the host's German name, shown only as information
    assert dialog.item_for(K.GUEST_SERVICES.guid).text(2) == "Gastdienstschnittstelle"
    assert "alive" in heartbeat.toolTip(0)
    for known in (K.HEARTBEAT, K.GUEST_SERVICES):
        expected = Qt.CheckState.Checked if host_enabled(lab, vm.vm_id, known) \
            else Qt.CheckState.Unchecked
        assert dialog.item_for(known.guid).checkState(0) == expected

    wanted = {}
    for known in (K.HEARTBEAT, K.GUEST_SERVICES):
        item = dialog.item_for(known.guid)
        item.setCheckState(0, flipped(item.checkState(0)))
        wanted[known.guid] = item.checkState(0) == Qt.CheckState.Checked
    assert dialog.pending_changes() == {(session.key, vm.vm_id): wanted}
    with qtbot.waitSignal(dialog.applied, timeout=10000) as applied:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    results = applied.args[0]
    assert {r.guid: (r.enabled, r.ok) for r in results} == {
        guid: (enabled, True) for guid, enabled in wanted.items()}
    table = dialog.results_table
    assert table.isVisible()
    shown = {(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
             for r in range(table.rowCount())}
    word = {True: "Enabled", False: "Disabled"}
    assert shown == {(vm.name, "Heartbeat", word[wanted[K.HEARTBEAT.guid]]),
                     (vm.name, "Guest services", word[wanted[K.GUEST_SERVICES.guid]])}
    wait_loaded(qtbot, dialog)
    assert "All 2 change(s) applied." in dialog.status_label.text()
    assert dialog.cancel_button.text() == "Close"
    # The host really has the new values, and the reload shows them.
    assert host_enabled(lab, vm.vm_id, K.HEARTBEAT) is wanted[K.HEARTBEAT.guid]
    assert host_enabled(lab, vm.vm_id, K.GUEST_SERVICES) is wanted[K.GUEST_SERVICES.guid]
    assert dialog.pending_changes() == {}
    # OK with nothing left to change closes the dialog.
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_several_vms_are_tri_state_when_they_differ(make_lab, make_session, qtbot):
    lab = make_lab(vms_per_host=3)
    session = make_session(lab)
    first, second = sorted(session.vms.values(), key=lambda v: v.name)[:2]
    # Make them differ on Guest services through the dialog of one VM.
    single = open_dialog(qtbot, [(session, first)])
    wait_loaded(qtbot, single)
    target = not host_enabled(lab, second.vm_id, K.GUEST_SERVICES)
    item = single.item_for(K.GUEST_SERVICES.guid)
    if (item.checkState(0) == Qt.CheckState.Checked) != target:
        item.setCheckState(0, flipped(item.checkState(0)))
        with qtbot.waitSignal(single.applied, timeout=10000):
            single.ok_button.click()
        wait_loaded(qtbot, single)
    single.close()
    assert host_enabled(lab, first.vm_id, K.GUEST_SERVICES) is target

    dialog = open_dialog(qtbot, [(session, first), (session, second)])
    assert "2 virtual machine(s)" in dialog.windowTitle()
    wait_loaded(qtbot, dialog)
    guest = dialog.item_for(K.GUEST_SERVICES.guid)
    assert guest.checkState(0) == Qt.CheckState.PartiallyChecked
    assert guest.flags() & Qt.ItemFlag.ItemIsUserTristate
    assert dialog.pending_changes() == {}  # partly checked means "leave as is"
    guest.setCheckState(0, Qt.CheckState.Checked if target else Qt.CheckState.Unchecked)
    # Only the VM that differs is changed.
    assert dialog.pending_changes() == {(session.key, second.vm_id): {K.GUEST_SERVICES.guid: target}}
    with qtbot.waitSignal(dialog.applied, timeout=10000) as applied:
        dialog.ok_button.click()
    assert [(r.vm_id, r.ok) for r in applied.args[0]] == [(second.vm_id, True)]
    wait_loaded(qtbot, dialog)
    assert host_enabled(lab, second.vm_id, K.GUEST_SERVICES) is target
    assert dialog.item_for(K.GUEST_SERVICES.guid).checkState(0) != Qt.CheckState.PartiallyChecked


def test_status_column_shows_primary_status(make_lab, make_session, qtbot):
    lab = make_lab(vms_per_host=4)
    session = make_session(lab)
    running = [vm for vm in session.vms.values() if vm.state is VMState.RUNNING]
    assert running, "the seeded lab has running VMs"
    dialog = open_dialog(qtbot, [(session, running[0])])
    wait_loaded(qtbot, dialog)
    statuses = {dialog.service_tree.topLevelItem(r).text(1)
                for r in range(dialog.service_tree.topLevelItemCount())}
    assert statuses & {"OK", "No Contact", "Lost Communication"}


def test_a_vm_that_is_gone_is_reported_in_place(make_lab, make_session, qtbot):
    lab = make_lab(vms_per_host=2)
    session = make_session(lab)
    real = next(iter(session.vms.values()))
    from dataclasses import replace
    ghost = replace(real, vm_id=uuid.uuid4(), name="ghost")
    dialog = open_dialog(qtbot, [(session, real), (session, ghost)])
    wait_loaded(qtbot, dialog)
    assert "ghost" in dialog.status_label.text()
    assert [label for label, _ in rows(dialog)] == LABELS  # the real VM still loads


def test_a_blackholed_host_never_blocks_and_its_timeout_is_shown_in_place(make_lab, make_session,
                                                                           event_loop, qtbot):
    lab = make_lab(vms_per_host=1)
    session = make_session(lab, call_timeout_s=1.5)
    vm = next(iter(session.vms.values()))
    lab.set_fault(lab.hosts[0].name, "blackhole")
    gaps = []

    async def ticks():
        last = event_loop.time()
        while True:
            await asyncio.sleep(0.005)
            now = event_loop.time()
            gaps.append(now - last - 0.005)
            last = now

    ticker = asyncio.ensure_future(ticks())
    dialog = open_dialog(qtbot, [(session, vm)])
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    ticker.cancel()
    assert vm.name in dialog.status_label.text()
    assert "No integration services could be read" in dialog.status_label.text()
    assert "did not answer" in dialog.status_label.text()
    assert len(gaps) > 50 and max(gaps) < 0.5


def test_a_vm_that_is_not_running_says_so_instead_of_a_status(make_lab, make_session, qtbot):
    lab = make_lab(vms_per_host=6)
    session = make_session(lab)
    off = [vm for vm in session.vms.values() if vm.state is VMState.OFF]
    assert off, "the seeded lab has VMs that are off"
    dialog = open_dialog(qtbot, [(session, off[0])])
    wait_loaded(qtbot, dialog)
    statuses = {dialog.service_tree.topLevelItem(r).text(1)
                for r in range(dialog.service_tree.topLevelItemCount())}
    assert statuses == {"Not running"}


def test_an_english_and_a_german_host_share_one_row_per_service(make_lab, make_session, qtbot):
    lab = make_lab(specs=[HostSpec("HV01", vm_count=1, locale="en-US"),
                          HostSpec("HV02", vm_count=1, locale="de-DE")])
    english, german = make_session(lab, "HV01"), make_session(lab, "HV02")
    targets = [(english, next(iter(english.vms.values()))),
               (german, next(iter(german.vms.values())))]
    dialog = open_dialog(qtbot, targets)
    wait_loaded(qtbot, dialog)
    # Six rows, not twelve: the GUID joins "Heartbeat" and "Takt".
    assert [label for label, _ in rows(dialog)] == LABELS
    assert dialog.item_for(K.HEARTBEAT.guid).text(2) == "Heartbeat, Takt"
    guest = dialog.item_for(K.GUEST_SERVICES.guid)
    assert guest.checkState(0) != Qt.CheckState.Checked  # off by default: something to apply
    guest.setCheckState(0, Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.applied, timeout=10000) as applied:
        dialog.ok_button.click()
    assert all(result.ok for result in applied.args[0])
    wait_loaded(qtbot, dialog)
    for session, vm in targets:
        host = lab.host(session.title)
        assert host.model.vm(vm.vm_id).ic_enabled[str(K.GUEST_SERVICES.guid).upper()] is True
