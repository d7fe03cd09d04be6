"""InventoryBridge: core callbacks become signals; bursts reach the table in one pass."""

from datetime import datetime, timezone

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.host_listener import HostListener
from hvmanager.core.host_state import HostState
from hvmanager.core.host_status import HostStatus
from hvmanager.models import roles
from hvmanager.models.command_log_model import CommandLogModel
from hvmanager.models.inventory_bridge import InventoryBridge
from hvmanager.models.server_tree_model import ServerTreeModel
from hvmanager.models.vm_table_model import VmTableModel
from vm_samples import added, changed, vm


def make(registry):
    table, tree, log = VmTableModel(registry, ["name", "host"]), ServerTreeModel(), \
        CommandLogModel()
    return InventoryBridge(table, tree, log), table, tree, log


def test_listener_satisfies_the_core_protocol(registry):
    bridge, *_ = make(registry)
    listener: HostListener = bridge.listener
    assert all(callable(getattr(listener, name)) for name in
               ("host_status_changed", "vms_changed", "command_logged"))


def test_status_goes_to_tree_at_once_and_is_re_emitted(qtbot, registry):
    bridge, table, tree, _ = make(registry)
    bridge.add_server("hv1", "HV One")
    status = HostStatus(HostState.CONNECTING)
    with qtbot.waitSignal(bridge.host_status_changed) as blocker:
        bridge.listener.host_status_changed("hv1", status)
    assert blocker.args == ["hv1", status]
    assert tree.index_for("hv1").data(roles.HostStatusRole) == status


def test_a_burst_of_200_hosts_is_one_insert_batch(qtbot, registry):
    bridge, table, tree, _ = make(registry)
    inserts, per_host = [], []
    table.rowsInserted.connect(lambda p, first, last: inserts.append((first, last)))
    bridge.vms_changed.connect(lambda key, diff: per_host.append(key))
    for h in range(200):
        key = f"hv{h}"
        bridge.add_server(key, key.upper())
        bridge.listener.vms_changed(key, added(*[vm(i, key) for i in range(5)]))
    assert table.rowCount() == 0  # nothing applied before the event loop turns
    with qtbot.waitSignal(bridge.vms_applied, timeout=2000):
        pass
    assert inserts == [(0, 999)]
    assert len(per_host) == 200
    assert table.index(0, 1).data() == "HV0"


def test_two_refreshes_of_a_host_in_one_turn_merge(qtbot, registry):
    bridge, table, *_ = make(registry)
    first = vm(1)
    bridge.listener.vms_changed("hv1", added(first))
    newer, diff = changed(first, name="renamed")
    bridge.listener.vms_changed("hv1", diff)
    with qtbot.waitSignal(bridge.vms_changed) as blocker:
        pass
    assert blocker.args[1].added == (newer,)
    assert table.vm_at(0).name == "renamed"


def test_log_entries_reach_the_log_model_and_the_signal(qtbot, registry):
    bridge, _, _, log = make(registry)
    entry = CommandLogEntry("hv1", "HV1", "Get-VM", datetime.now(timezone.utc), 0.1, True)
    with qtbot.waitSignal(bridge.command_logged) as blocker:
        bridge.listener.command_logged(entry)
    assert blocker.args == [entry]
    assert log.rowCount() == 1


def test_remove_server_flushes_then_drops_rows_and_node(registry):
    bridge, table, tree, _ = make(registry)
    bridge.add_server("hv1", "HV1")
    bridge.listener.vms_changed("hv1", added(vm(1)))
    bridge.remove_server("hv1")
    assert table.rowCount() == 0 and tree.server_keys() == ()


def test_signals_reach_receivers_connected_at_any_time_and_models_update_without_any(
        qtbot, registry):
    bridge, table, tree, log = make(registry)
    bridge.add_server("hv1", "HV One")
    # Nothing connected: the models still follow (the signals are skipped).
    bridge.listener.host_status_changed("hv1", HostStatus(HostState.CONNECTED, vm_count=1))
    bridge.listener.vms_changed("hv1", added(vm(1, "hv1")))
    bridge.listener.command_logged(CommandLogEntry(
        "hv1", "HV One", "Get-VM", datetime.now(timezone.utc), 0.1, True, "1 object"))
    bridge.flush()
    assert table.rowCount() == 1 and log.rowCount() == 1
    assert tree.index_for("hv1").data(roles.HostStatusRole).state is HostState.CONNECTED
    seen = []
    bridge.host_status_changed.connect(lambda key, status: seen.append(("status", key)))
    bridge.vms_changed.connect(lambda key, diff: seen.append(("vms", key)))
    bridge.command_logged.connect(lambda entry: seen.append(("log", entry.server_key)))
    bridge.vms_applied.connect(lambda: seen.append(("applied", None)))
    bridge.listener.host_status_changed("hv1", HostStatus(HostState.REFRESHING, vm_count=1))
    bridge.listener.vms_changed("hv1", added(vm(2, "hv1")))
    bridge.listener.command_logged(CommandLogEntry(
        "hv1", "HV One", "Get-VM", datetime.now(timezone.utc), 0.1, True, "2 objects"))
    bridge.flush()
    assert seen == [("status", "hv1"), ("log", "hv1"), ("vms", "hv1"), ("applied", None)]
    assert table.rowCount() == 2
