"""VmTableModel: rows from diffs, in-place updates, selection kept, real sort values."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt

from hvmanager.domain.vm_state import VMState
from hvmanager.models import roles
from hvmanager.models.vm_table_model import VmTableModel
from vm_samples import GB, MB, added, changed, removed, vm


@pytest.fixture
def table(registry):
    return VmTableModel(registry)


def texts(model, key):
    section = model.section_of(key)
    return [model.index(r, section).data() for r in range(model.rowCount())]


def test_default_columns_are_hyper_v_managers_plus_generation(table):
    assert table.columns() == ("name", "state", "cpu_usage", "memory_assigned", "uptime",
                               "status", "version", "generation")
    titles = [table.headerData(s, Qt.Orientation.Horizontal) for s in range(8)]
    assert titles == ["Name", "State", "CPU Usage", "Assigned Memory", "Uptime", "Status",
                      "Configuration Version", "Generation"]
    assert table.headerData(0, Qt.Orientation.Horizontal, roles.ColumnKeyRole) == "name"


def test_model_passes_qtmodeltester_with_data_and_after_diffs(qtmodeltester, table):
    vms = [vm(i) for i in range(20)]
    table.apply_diff("hv1", added(*vms))
    qtmodeltester.check(table)
    new, diff = changed(vms[3], state=VMState.OFF, cpu_usage=0)
    table.apply_diff("hv1", diff)
    table.apply_diff("hv1", removed(*vms[5:9]))
    table.apply_diff("hv2", added(vm(1, "hv2"), vm(2, "hv2")))
    table.sort(table.section_of("memory_assigned"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(table)


def test_display_text_like_hyper_v_manager(table):
    table.apply_diff("hv1", added(
        vm(1, memory_assigned=2048 * MB, cpu_usage=3,
           uptime=timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=500)),
        vm(2, state=VMState.OFF, memory_assigned=0, cpu_usage=0, uptime=timedelta(0))))
    assert texts(table, "memory_assigned") == ["2048 MB", ""]
    assert texts(table, "cpu_usage") == ["3 %", ""]
    assert texts(table, "uptime") == ["1.02:03:04", ""]
    assert texts(table, "state") == ["Running", "Off"]
    assert table.index(0, 0).data(roles.VmRole).name == "vm-001"
    assert table.index(0, 0).data(roles.ServerKeyRole) == "hv1"
    align = table.index(0, table.section_of("cpu_usage")).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(align) & Qt.AlignmentFlag.AlignRight


def test_state_colours(table):
    table.apply_diff("hv1", added(vm(1), vm(2, state=VMState.PAUSED),
                                  vm(3, state=VMState.SAVED), vm(4, state=VMState.OFF),
                                  vm(5, state=VMState.RUNNING_CRITICAL)))
    backgrounds = [table.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) for r in range(5)]
    running, paused, saved, off, critical = backgrounds
    assert running.green() > running.red() and running.green() > running.blue()
    assert paused == saved and paused.red() > paused.blue()
    assert off is None
    assert critical.red() > critical.green()


def test_updates_emit_data_changed_for_changed_cells_only(qtbot, table):
    vms = [vm(i) for i in range(10)]
    table.apply_diff("hv1", added(*vms))
    seen = []
    table.dataChanged.connect(lambda a, b, r=None: seen.append((a.row(), b.row(), a.column(),
                                                                 b.column())))
    for bad in ("layoutChanged", "modelReset", "rowsInserted", "rowsRemoved"):
        getattr(table, bad).connect(lambda *a, name=bad: pytest.fail(f"{name} on update"))
    cpu = table.section_of("cpu_usage")
    _, diff = changed(vms[4], cpu_usage=77)
    table.apply_diff("hv1", diff)
    assert seen == [(4, 4, cpu, cpu)]
    seen.clear()
    _, diff = changed(vms[6], state=VMState.OFF)
    table.apply_diff("hv1", diff)
    assert seen == [(6, 6, 0, table.columnCount() - 1)]  # colours: the whole row
    seen.clear()
    _, diff = changed(vms[7], notes="not a visible column")
    table.apply_diff("hv1", diff)
    assert seen == []
    assert table.vm_at(7).notes == "not a visible column"


def test_contiguous_changes_coalesce_into_one_signal(table):
    vms = [vm(i) for i in range(10)]
    table.apply_diff("hv1", added(*vms))
    seen = []
    table.dataChanged.connect(lambda a, b, r=None: seen.append((a.row(), b.row())))
    from hvmanager.domain.vm_diff import VmChange, VmDiff
    from dataclasses import replace
    changes = tuple(VmChange(v, replace(v, cpu_usage=99)) for v in vms[2:6])
    table.apply_diff("hv1", VmDiff(changed=changes))
    assert seen == [(2, 5)]


def test_selection_and_persistent_indexes_survive_refresh_diffs(table):
    vms = [vm(i) for i in range(10)]
    table.apply_diff("hv1", added(*vms))
    selection = QItemSelectionModel(table)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(table.index(5, 0), flags)
    selection.select(table.index(8, 0), flags)
    pinned = QPersistentModelIndex(table.index(8, 2))
    table.apply_diff("hv1", removed(vms[1], vms[2], vms[6]))
    _, diff = changed(vms[5], cpu_usage=50)
    table.apply_diff("hv1", diff)
    table.apply_diff("hv1", added(vm(50), vm(51)))
    selected = sorted(table.vm_at(i.row()).name for i in selection.selectedRows())
    assert selected == ["vm-005", "vm-008"]
    assert pinned.isValid() and table.vm_at(pinned.row()).name == "vm-008"
    assert pinned.column() == 2


def test_selection_follows_rows_when_sorting(table):
    table.apply_diff("hv1", added(*[vm(i) for i in range(10)]))
    selection = QItemSelectionModel(table)
    selection.select(table.index(2, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
    table.sort(0, Qt.SortOrder.DescendingOrder)
    rows = selection.selectedRows()
    assert [table.vm_at(i.row()).name for i in rows] == ["vm-002"]
    assert rows[0].row() == 7


def test_unknown_removals_and_duplicate_adds_are_harmless(table):
    a = vm(1)
    table.apply_diff("hv1", added(a))
    table.apply_diff("hv1", removed(vm(99)))
    table.apply_diff("hv1", added(a.__class__(**{**a.__dict__, "name": "renamed"})))
    assert table.rowCount() == 1 and table.vm_at(0).name == "renamed"


def test_rows_are_keyed_by_server_and_vm_id(table):
    same = vm(1)
    table.apply_diff("hv1", added(same))
    table.apply_diff("hv2", added(same))  # the same VMId on two servers: two rows
    assert table.rowCount() == 2
    assert table.row_of("hv2", same.vm_id) == 1
    assert table.index_of("hv1", same.vm_id).row() == 0
    assert table.row_of("hv3", same.vm_id) == -1
    table.remove_host("hv1")
    assert table.rowCount() == 1 and table.server_key_at(0) == "hv2"


def test_remove_host_removes_contiguous_ranges(table):
    table.apply_diffs([("a", added(vm(1, "a"), vm(2, "a"))), ("b", added(vm(1, "b"))),
                       ("a", added(vm(3, "a")))])
    ranges = []
    table.rowsAboutToBeRemoved.connect(lambda p, first, last: ranges.append((first, last)))
    table.remove_host("a")
    assert ranges == [(3, 3), (0, 1)]
    assert [table.server_key_at(r) for r in range(table.rowCount())] == ["b"]


def test_inserts_come_in_one_batch_when_unsorted(table):
    batches = []
    table.rowsInserted.connect(lambda p, first, last: batches.append((first, last)))
    table.apply_diffs([("a", added(*[vm(i, "a") for i in range(40)])),
                       ("b", added(*[vm(i, "b") for i in range(40)]))])
    assert batches == [(0, 79)]


def test_inserts_go_to_their_sorted_place(table):
    table.apply_diff("hv1", added(vm(10), vm(30), vm(20)))
    table.sort(0, Qt.SortOrder.AscendingOrder)
    table.apply_diff("hv1", added(vm(25), vm(5), vm(40), vm(26)))
    assert texts(table, "name") == ["vm-005", "vm-010", "vm-020", "vm-025", "vm-026",
                                    "vm-030", "vm-040"]
    table.sort(0, Qt.SortOrder.DescendingOrder)
    table.apply_diff("hv1", added(vm(27)))
    assert texts(table, "name")[:5] == ["vm-040", "vm-030", "vm-027", "vm-026", "vm-025"]


@pytest.mark.parametrize("key, values, expected", [
    ("memory_assigned", [4 * GB, 512 * MB, None, 2 * GB], ["512 MB", "2048 MB", "4096 MB", ""]),
    ("uptime", [timedelta(days=2), timedelta(hours=3), None, timedelta(minutes=9)],
     ["00:09:00", "03:00:00", "2.00:00:00", ""]),
    ("cpu_usage", [100, 9, None, 10], ["9 %", "10 %", "100 %", ""]),
    ("version", ["10.0", "9.0", None, "11.0"], ["9.0", "10.0", "11.0", ""]),
    ("generation", [2, 1, None, 2], ["1", "2", "2", ""]),
])
def test_sorting_by_real_values_with_none_last(table, key, values, expected):
    field = table.registry.column(key).vm_property.field
    table.apply_diff("hv1", added(*[vm(i, **{field: v}) for i, v in enumerate(values)]))
    section = table.section_of(key)
    table.sort(section, Qt.SortOrder.AscendingOrder)
    assert texts(table, key) == expected
    table.sort(section, Qt.SortOrder.DescendingOrder)
    assert texts(table, key) == expected[:3][::-1] + [""]  # None stays last


def test_sort_role_returns_primitive_real_values(table):
    table.apply_diff("hv1", added(vm(1, memory_assigned=512 * MB, uptime=timedelta(minutes=2))))
    row = 0
    assert table.index(row, table.section_of("memory_assigned")).data(roles.SortRole) == 512 * MB
    assert table.index(row, table.section_of("uptime")).data(roles.SortRole) == 120.0
    assert isinstance(table.index(row, table.section_of("state")).data(roles.SortRole), int)


def test_state_sorts_by_stable_order_not_by_name(table):
    table.apply_diff("hv1", added(vm(1, state=VMState.OFF), vm(2, state=VMState.SAVED),
                                  vm(3, state=VMState.RUNNING), vm(4, state=VMState.PAUSED),
                                  vm(5, state=VMState.RUNNING_CRITICAL)))
    table.sort(table.section_of("state"), Qt.SortOrder.AscendingOrder)
    assert texts(table, "state") == ["Running", "Paused", "Saved", "Off", "Running-Critical"]


def test_host_column_shows_titles_and_sorts_by_them(table):
    table.set_columns(["name", "host"])
    table.apply_diffs([("k1", added(vm(1, "k1"))), ("k2", added(vm(2, "k2")))])
    assert texts(table, "host") == ["k1", "k2"]  # the key until a title is known
    seen = []
    table.dataChanged.connect(lambda a, b, r=None: seen.append((a.row(), a.column())))
    table.set_host_title("k1", "Zeta")
    table.set_host_title("k2", "alpha")
    assert texts(table, "host") == ["Zeta", "alpha"]
    assert seen == [(0, 1), (1, 1)]
    table.sort(1, Qt.SortOrder.AscendingOrder)
    assert texts(table, "host") == ["alpha", "Zeta"]


def test_set_columns_resets_once_and_keeps_rows(qtbot, table):
    table.apply_diff("hv1", added(vm(1, notes="hello")))
    with qtbot.waitSignal(table.modelReset, timeout=100):
        table.set_columns(["name", "notes", "bogus", "name"])
    assert table.columns() == ("name", "notes")
    assert texts(table, "notes") == ["hello"]
    assert table.section_of("state") == -1


def test_search_text_covers_visible_columns_lower_case(table):
    table.apply_diff("hv1", added(vm(1, status="Operating Normally")))
    text = table.search_text(0)
    assert "vm-001" in text and "operating normally" in text and "running" in text
    table.set_columns(["name"])
    assert table.search_text(0) == "vm-001"


def test_every_column_sorts_real_values_with_missing_ones_last(registry):
    from hvmanager.domain.checkpoint_type import CheckpointType
    from hvmanager.domain.heartbeat_status import HeartbeatStatus
    table = VmTableModel(registry, registry.keys())
    full = dict(memory_demand=GB, memory_startup=GB, memory_minimum=512 * MB,
                memory_maximum=4 * GB, memory_status="OK", dynamic_memory_enabled=True,
                processor_count=4, path="C:\\VMs", configuration_location="C:\\VMs\\cfg",
                notes="n", heartbeat=HeartbeatStatus.OK_APPLICATIONS_HEALTHY,
                integration_services_version="10.0.17763", replication_state="Disabled",
                replication_health="NotApplicable", parent_snapshot_name="cp",
                checkpoint_type=CheckpointType.PRODUCTION, is_clustered=False)
    empty = {field: None for field in full} | dict(
        cpu_usage=None, memory_assigned=None, uptime=None, status=None, version=None,
        generation=None, creation_time=None)
    table.apply_diffs([("hv1", added(vm(1, **full), vm(2, **empty), vm(3, **full)))])
    table.set_host_title("hv1", "Host One")
    for section, column in enumerate(table.columns()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            table.sort(section, order)
            values = [table.index(r, section).data(roles.SortRole) for r in range(3)]
            present = [v for v in values if v is not None]
            assert values[:len(present)] == present, column  # None last
            assert present == sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)
            assert all(isinstance(v, (int, float, str)) for v in present), column


def test_diffs_of_one_batch_apply_in_order(table):
    a, b = vm(1), vm(2)
    table.apply_diff("hv1", added(b))
    table.apply_diffs([("hv1", added(a)), ("hv1", removed(a)),      # added then removed
                       ("hv1", removed(b)), ("hv1", added(b))])    # removed then re-added
    assert [table.vm_at(r).name for r in range(table.rowCount())] == ["vm-002"]


def test_nearby_changed_rows_are_one_signal_and_distant_ones_apart(table):
    vms = [vm(i) for i in range(40)]
    table.apply_diff("hv1", added(*vms))
    seen = []
    table.dataChanged.connect(lambda a, b, r=None: seen.append((a.row(), b.row(), a.column(),
                                                                 b.column())))
    from hvmanager.domain.vm_diff import VmChange, VmDiff
    from dataclasses import replace
    from hvmanager.models.vm_table_model import CHANGED_ROWS_GAP
    # Every other row changes (running VMs' CPU), then one far below changes its state.
    far = 2 * 10 + CHANGED_ROWS_GAP + 2
    changes = [VmChange(v, replace(v, cpu_usage=99)) for v in vms[0:20:2]]
    changes.append(VmChange(vms[far], replace(vms[far], state=VMState.OFF)))
    table.apply_diff("hv1", VmDiff(changed=tuple(changes)))
    cpu = table.section_of("cpu_usage")
    assert seen == [(0, 18, cpu, cpu), (far, far, 0, table.columnCount() - 1)]
    assert [table.vm_at(row).cpu_usage for row in range(0, 20, 2)] == [99] * 10
    assert table.vm_at(far).state is VMState.OFF


def test_scattered_changes_are_one_signal_per_column_range_unless_a_filter_is_set(table):
    from dataclasses import replace
    from hvmanager.domain.vm_diff import VmChange, VmDiff
    from hvmanager.models.vm_filter_proxy_model import VmFilterProxyModel
    vms = [vm(i) for i in range(60)]
    table.apply_diff("hv1", added(*vms))
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    seen = []
    table.dataChanged.connect(lambda a, b, r=None: seen.append((a.row(), b.row(), a.column(),
                                                                 b.column())))
    cpu, last = table.section_of("cpu_usage"), table.columnCount() - 1

    def refresh(cpu_usage):
        # Rows far apart change CPU (as rows of a host do in a sorted table); two change state.
        changes = [VmChange(vms[row], replace(vms[row], cpu_usage=cpu_usage))
                   for row in (3, 30, 57)]
        changes += [VmChange(vms[row], replace(vms[row], state=VMState.OFF if vms[row].state
                                               is VMState.RUNNING else VMState.RUNNING))
                    for row in (15, 45)]
        for change in changes:
            vms[vms.index(change.old)] = change.new
        table.apply_diff("hv1", VmDiff(changed=tuple(changes)))

    refresh(91)
    # No filter: nothing decides rows again and views repaint only what they show.
    assert seen == [(3, 57, cpu, cpu), (15, 45, 0, last)]
    seen.clear()
    proxy.set_filter_text("vm-0")
    refresh(92)
    # A filter: the proxy decides every row a signal covers, so only the changed ones.
    assert seen == [(3, 3, cpu, cpu), (15, 15, 0, last), (30, 30, cpu, cpu),
                    (45, 45, 0, last), (57, 57, cpu, cpu)]
    assert [table.vm_at(row).cpu_usage for row in (3, 30, 57)] == [92] * 3
