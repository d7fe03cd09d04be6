"""ServerTreeModel: root, All servers, servers in add order with state icons and tooltips."""

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from hvmanager.core.host_state import HostState
from hvmanager.core.host_status import HostStatus
from hvmanager.models import roles
from hvmanager.models.node_kind import NodeKind
from hvmanager.models.server_tree_model import ICON_DIR, ServerTreeModel


def test_structure_and_roles(qtmodeltester):
    model = ServerTreeModel()
    model.add_server("b", "Bravo")
    model.add_server("a", "Alpha")
    qtmodeltester.check(model)
    root = model.root_index()
    assert root.data() == "Hyper-V Manager"
    assert root.data(roles.NodeKindRole) is NodeKind.ROOT
    assert model.rowCount(root) == 3
    assert model.all_servers_index().data() == "All servers"
    assert model.all_servers_index().data(roles.NodeKindRole) is NodeKind.ALL_SERVERS
    assert model.all_servers_index().data(roles.ServerKeyRole) is None
    assert [model.index(r, 0, root).data() for r in (1, 2)] == ["Bravo", "Alpha"]
    assert model.server_keys() == ("b", "a")
    assert model.index_for("a").data(roles.ServerKeyRole) == "a"
    assert model.index_for("a").data(roles.NodeKindRole) is NodeKind.SERVER
    assert not model.index_for("zzz").isValid()


def test_status_sets_icon_tooltip_and_role(qtmodeltester):
    model = ServerTreeModel()
    model.add_server("hv1", "HV1")
    before = model.index_for("hv1").data(Qt.ItemDataRole.DecorationRole).cacheKey()
    status = HostStatus(HostState.ERROR, error_kind="auth", message="Access is denied.",
                        hint="Check the user name and password.")
    model.set_status("hv1", status)
    index = model.index_for("hv1")
    assert index.data(roles.HostStatusRole) == status
    assert model.status("hv1") == status
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    for part in ("HV1", "Error", "Access is denied.", "Check the user name", "Not refreshed"):
        assert part in tooltip
    assert index.data(Qt.ItemDataRole.DecorationRole).cacheKey() != before
    model.set_status("hv1", HostStatus(HostState.CONNECTED, vm_count=25, refresh_duration_s=0.25,
                                       last_refresh=datetime(2026, 1, 1, tzinfo=timezone.utc)))
    tooltip = model.index_for("hv1").data(Qt.ItemDataRole.ToolTipRole)
    assert "Virtual machines: 25" in tooltip and "0.25 s" in tooltip
    qtmodeltester.check(model)


def test_every_state_has_an_icon_file():
    from hvmanager.models.server_tree_model import _ICON_FILES
    assert all((ICON_DIR / name).is_file() for name in _ICON_FILES.values())
    assert set(HostState) <= set(_ICON_FILES)


def test_remove_and_retitle(qtmodeltester):
    model = ServerTreeModel()
    for key in "abc":
        model.add_server(key, key.upper())
    model.remove_server("b")
    model.remove_server("nope")
    model.set_title("c", "Charlie")
    model.add_server("a", "Alpha")  # re-adding retitles, no duplicate
    assert model.server_keys() == ("a", "c")
    assert [model.index(r, 0, model.root_index()).data() for r in (1, 2)] == ["Alpha", "Charlie"]
    qtmodeltester.check(model)


def test_a_routine_status_change_is_one_data_change_without_the_unchanged_icon_and_text():
    model = ServerTreeModel()
    model.add_server("hv1", "HV1")
    model.set_status("hv1", HostStatus(HostState.CONNECTED, vm_count=3))
    icon = model.index_for("hv1").data(Qt.ItemDataRole.DecorationRole).cacheKey()
    changes = []
    model.dataChanged.connect(lambda first, last, changed: changes.append(
        (first.data(roles.ServerKeyRole), set(changed))))
    refreshing = HostStatus(HostState.REFRESHING, vm_count=3)
    model.set_status("hv1", refreshing)
    # Refreshing keeps the connected icon and the title: only the tooltip and the status.
    assert changes == [("hv1", {int(Qt.ItemDataRole.ToolTipRole), roles.HostStatusRole})]
    index = model.index_for("hv1")
    assert index.data(roles.HostStatusRole) is refreshing
    assert "Refreshing" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data() == "HV1"
    assert index.data(Qt.ItemDataRole.DecorationRole).cacheKey() == icon
    changes.clear()
    model.set_status("hv1", HostStatus(HostState.ERROR, message="Access is denied."))
    assert changes[0][1] >= {int(Qt.ItemDataRole.DecorationRole), int(Qt.ItemDataRole.ToolTipRole)}
    assert model.index_for("hv1").data(Qt.ItemDataRole.DecorationRole).cacheKey() != icon
    model.set_title("hv1", "Renamed")
    assert model.index_for("hv1").data() == "Renamed"


def test_a_new_refresh_time_alone_repaints_nothing_but_the_tooltip_says_it():
    model = ServerTreeModel()
    model.add_server("hv1", "HV1")
    first = datetime(2026, 1, 2, 10, 0, 0, tzinfo=timezone.utc)
    model.set_status("hv1", HostStatus(HostState.CONNECTED, last_refresh=first,
                                       refresh_duration_s=0.25, vm_count=3))
    index = model.index_for("hv1")
    assert "0.25 s" in index.data(Qt.ItemDataRole.ToolTipRole)
    changes = []
    model.dataChanged.connect(lambda first, last, changed: changes.append(set(changed)))
    later = HostStatus(HostState.CONNECTED, last_refresh=first + timedelta(seconds=2),
                       refresh_duration_s=0.5, vm_count=3)
    model.set_status("hv1", later)
    assert changes == []  # hundreds of hosts tick every few seconds: no repaint each
    assert index.data(roles.HostStatusRole) is later
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "0.50 s" in tooltip
    assert (first + timedelta(seconds=2)).astimezone().strftime("%H:%M:%S") in tooltip
    model.set_status("hv1", HostStatus(HostState.CONNECTED, last_refresh=first, vm_count=4))
    assert changes == [{int(Qt.ItemDataRole.ToolTipRole), roles.HostStatusRole}]
    assert "4" in index.data(Qt.ItemDataRole.ToolTipRole).splitlines()[-1]
