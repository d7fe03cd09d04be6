"""VmFilterProxyModel: filter across visible columns and hosts, sorting through the table."""

import time

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from hvmanager.domain.vm_state import VMState
from hvmanager.models.vm_filter_proxy_model import WARM_UP_QUIET_MS, VmFilterProxyModel
from hvmanager.models.vm_table_model import VmTableModel
from vm_samples import added, changed, removed, vm


@pytest.fixture
def models(registry):
    table = VmTableModel(registry)
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    table.apply_diffs([
        ("hv1", added(vm(1, "hv1", status="Operating normally"),
                      vm(2, "hv1", state=VMState.OFF, notes="web server"),
                      vm(3, "hv1", state=VMState.SAVED))),
        ("hv2", added(vm(4, "hv2", version="9.0"), vm(5, "hv2", status="Degraded"))),
    ])
    return table, proxy


def names(proxy):
    return [proxy.vm_at(row).name for row in range(proxy.rowCount())]


def test_passes_qtmodeltester_filtered_and_sorted(qtmodeltester, models):
    table, proxy = models
    proxy.set_filter_text("vm")
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_filter_is_case_insensitive_across_visible_columns(models):
    table, proxy = models
    proxy.set_filter_text("DEGRADED")          # Status
    assert names(proxy) == ["vm-005"]
    proxy.set_filter_text("saved")             # State, translated display text
    assert names(proxy) == ["vm-003"]
    proxy.set_filter_text("9.0")               # Configuration Version
    assert names(proxy) == ["vm-004"]
    proxy.set_filter_text("web server")        # Notes is not visible: no match
    assert names(proxy) == []
    table.set_columns(["name", "notes"])
    assert names(proxy) == ["vm-002"]
    proxy.set_filter_text("")
    assert proxy.rowCount() == 5


def test_filter_does_not_match_across_cell_boundaries(models):
    _, proxy = models
    proxy.set_filter_text("vm-001running")
    assert names(proxy) == []


def test_server_filter_and_text_filter_combine(models):
    _, proxy = models
    proxy.set_server_filter("hv1")
    assert names(proxy) == ["vm-001", "vm-002", "vm-003"]
    proxy.set_filter_text("vm-00")
    assert len(names(proxy)) == 3
    proxy.set_filter_text("saved")
    assert names(proxy) == ["vm-003"]
    proxy.set_filter_text("normally")
    assert names(proxy) == ["vm-001", "vm-002", "vm-003"]
    proxy.set_server_filter("hv2")
    assert names(proxy) == ["vm-004"]  # vm-005 is Degraded
    proxy.set_server_filter(None)
    assert names(proxy) == ["vm-001", "vm-002", "vm-003", "vm-004"]


def test_filter_follows_refresh_diffs(models):
    table, proxy = models
    proxy.set_filter_text("degraded")
    old = table.vm_at(table.row_of("hv2", vm(4, "hv2").vm_id))
    table.apply_diff("hv2", changed(old, status="Degraded")[1])
    assert names(proxy) == ["vm-004", "vm-005"]
    table.apply_diff("hv1", added(vm(9, "hv1", status="degraded too")))
    assert names(proxy) == ["vm-004", "vm-005", "vm-009"]
    table.apply_diff("hv2", removed(vm(5, "hv2")))
    assert names(proxy) == ["vm-004", "vm-009"]
    table.set_host_title("hv1", "Degraded Host")
    table.set_columns(["name", "host"])
    assert names(proxy) == ["vm-001", "vm-002", "vm-003", "vm-009"]


def test_header_sort_goes_through_the_table_and_keeps_selection(models):
    table, proxy = models
    selection = QItemSelectionModel(proxy)
    selection.select(proxy.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
    proxy.sort(table.section_of("name"), Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["vm-005", "vm-004", "vm-003", "vm-002", "vm-001"]
    assert table.sort_column_key() == "name"
    assert proxy.vms_for(selection.selectedIndexes())[0].name == "vm-002"
    assert proxy.server_keys_for(selection.selectedIndexes()) == ["hv1"]


def test_only_a_vm_table_can_be_the_source():
    from PySide6.QtCore import QStringListModel
    with pytest.raises(TypeError):
        VmFilterProxyModel().setSourceModel(QStringListModel())


def test_row_texts_are_built_in_idle_slices_after_rows_arrive(qtbot, registry):
    table = VmTableModel(registry)
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    proxy.warm_up_slice = 10
    table.apply_diff("hv1", added(*[vm(i) for i in range(35)]))
    assert proxy.warming_up()
    assert table.search.prepare_some(0)  # texts still missing before the loop turns
    qtbot.waitUntil(lambda: not proxy.warming_up(), timeout=2000)
    assert not table.search.prepare_some(1)
    proxy.set_filter_text("vm-03")
    assert len(names(proxy)) == 5


def test_row_texts_wait_until_rows_stop_arriving(qtbot, registry):
    table = VmTableModel(registry)
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    arrivals = 0

    def more_rows():
        nonlocal arrivals
        table.apply_diff("hv1", added(*[vm(arrivals * 10 + i) for i in range(10)]))
        arrivals += 1

    # Rows keep arriving more often than the quiet time: no text is built meanwhile.
    began = time.monotonic()
    more_rows()
    while time.monotonic() - began < 2 * WARM_UP_QUIET_MS / 1000:
        qtbot.wait(WARM_UP_QUIET_MS // 5)
        more_rows()
        assert proxy.warming_up()
        assert table.search.text_count() == 0
    quiet_from = time.monotonic()
    qtbot.waitUntil(lambda: not proxy.warming_up(), timeout=3000)
    assert time.monotonic() - quiet_from >= WARM_UP_QUIET_MS / 1000 * 0.9
    assert table.search.text_count() == table.rowCount() == arrivals * 10
    proxy.set_filter_text("vm-01")
    assert names(proxy) == [f"vm-{n:03d}" for n in range(10, 20)]


def test_the_idle_build_of_row_texts_stops_each_turn_at_its_time_budget(qtbot, registry):
    table = VmTableModel(registry)
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    proxy.warm_up_budget_s = 0.0  # one chunk per turn, however fast
    table.apply_diff("hv1", added(*[vm(i) for i in range(120)]))
    turns = 0
    while proxy.warming_up():
        proxy._warm_up_step()
        turns += 1
    assert turns == 3  # 120 rows in chunks of 50
    assert not table.search.prepare_some(1)
    proxy.set_filter_text("vm-11")
    assert len(names(proxy)) == 10


class _CountingProxy(VmFilterProxyModel):
    """Counts the calls Qt makes into Python to decide rows."""

    def __init__(self):
        super().__init__()
        self.decided = 0

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802 (Qt override)
        self.decided += 1
        return super().filterAcceptsRow(source_row, source_parent)


def _running_hosts(table, count=40):
    vms = [vm(i) for i in range(count)]
    table.apply_diff("hv1", added(*vms))
    return vms


def _tick_all(table, vms, fields):
    """Change every VM (as a refresh changes running VMs' CPU); returns the new VMs."""
    from hvmanager.domain.vm_diff import VmChange, VmDiff
    from dataclasses import replace
    new = [replace(v, **fields(v)) for v in vms]
    table.apply_diff("hv1", VmDiff(changed=tuple(VmChange(a, b) for a, b in zip(vms, new))))
    return new


def test_without_a_filter_changed_rows_are_not_decided_again(registry):
    table = VmTableModel(registry)
    proxy = _CountingProxy()
    proxy.setSourceModel(table)
    vms = _running_hosts(table)
    seen = []
    proxy.dataChanged.connect(lambda a, b, r=None: seen.append((a.row(), b.row())))
    proxy.decided = 0
    vms = _tick_all(table, vms, fields=lambda v: {"cpu_usage": 90})
    assert proxy.decided == 0  # no call into Python per changed row
    assert seen == [(0, 39)]  # the change still reaches views
    assert [proxy.vm_at(row).cpu_usage for row in range(proxy.rowCount())] == [90] * 40


def test_a_filter_typed_between_refreshes_follows_the_changed_rows(registry):
    table = VmTableModel(registry)
    proxy = _CountingProxy()
    proxy.setSourceModel(table)
    vms = _running_hosts(table)
    vms = _tick_all(table, vms, fields=lambda v: {"status": "Operating normally"})
    proxy.set_filter_text("degraded")
    assert names(proxy) == []
    proxy.decided = 0
    # A refresh makes every third VM degraded: those rows appear...
    vms = _tick_all(table, vms, fields=lambda v: {
        "status": "Degraded" if int(v.name[3:]) % 3 == 0 else "Operating normally"})
    assert proxy.decided > 0
    assert names(proxy) == [f"vm-{n:03d}" for n in range(0, 40, 3)]
    # ...and disappear when the next one says otherwise.
    vms = _tick_all(table, vms, fields=lambda v: {
        "status": "Degraded" if v.name == "vm-039" else "Operating normally"})
    assert names(proxy) == ["vm-039"]
    proxy.set_server_filter("hv2")
    assert names(proxy) == []
    # Cleared: every row again, and changes pass without deciding rows.
    proxy.set_server_filter(None)
    proxy.set_filter_text("")
    assert proxy.rowCount() == 40
    proxy.decided = 0
    _tick_all(table, vms, fields=lambda v: {"status": "Degraded"})
    assert proxy.decided == 0 and proxy.rowCount() == 40
    # A server filter alone also follows changes (a VM cannot change host, but rows can
    # arrive for both while it is set).
    proxy.set_server_filter("hv2")
    table.apply_diff("hv2", added(vm(50, "hv2")))
    assert names(proxy) == ["vm-050"]


def test_sorted_rows_stay_in_place_when_their_sort_value_changes_until_the_next_sort(models):
    table, proxy = models
    proxy.set_filter_text("vm")
    proxy.sort(table.section_of("cpu_usage"), Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["vm-001", "vm-002", "vm-003", "vm-004", "vm-005"]
    old = table.vm_at(table.row_of("hv1", vm(1, "hv1").vm_id))
    table.apply_diff("hv1", changed(old, cpu_usage=99)[1])
    # A refresh does not move rows under the user's pointer (re-sorting is a user action)...
    assert names(proxy) == ["vm-001", "vm-002", "vm-003", "vm-004", "vm-005"]
    # ...but the values the next sort uses are current.
    proxy.sort(table.section_of("cpu_usage"), Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["vm-002", "vm-003", "vm-004", "vm-005", "vm-001"]
    proxy.set_filter_text("")
    proxy.sort(table.section_of("cpu_usage"), Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["vm-001", "vm-005", "vm-004", "vm-003", "vm-002"]


_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
          Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
          Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
          Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole,
          VmTableModel.SortRole, VmTableModel.VmRole, VmTableModel.ServerKeyRole)


def _multi(model, index, role):
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan
    role_data = QModelRoleData(int(role))
    role_data.setData("stale")  # whatever a view's buffer held: each role is answered
    model.multiData(index, QModelRoleDataSpan(role_data))
    return role_data.data()


def test_every_role_of_a_cell_in_one_call_answers_as_data_does(models):
    table, proxy = models
    proxy.set_filter_text("vm-00")
    proxy.sort(table.section_of("state"), Qt.SortOrder.DescendingOrder)
    for model in (table, proxy):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                for role in _ROLES:
                    assert _multi(model, index, role) == index.data(role), (model, row, column, role)
    # The proxy answers for its own rows: the table's values of the row it shows.
    assert _multi(proxy, proxy.index(0, 0), VmTableModel.VmRole) == proxy.vm_at(0)
    assert _multi(table, proxy.index(0, 0).sibling(99, 0), Qt.ItemDataRole.DisplayRole) is None
