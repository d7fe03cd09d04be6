"""Servers connect in parallel, their nodes show states, and a dead host never freezes the UI."""

from PySide6.QtCore import Qt

from hvmanager.core.host_state import HostState
from hvmanager.models import roles
from hvmanager_testing.gui_app import TickGap, connect_lab, shown_rows, tree_node

DEFAULT_TITLES = ["Name", "State", "CPU Usage", "Assigned Memory", "Uptime", "Status",
                  "Configuration Version", "Generation"]


def _state(desktop, key):
    return desktop.catalog.session(key).status.state


def test_hosts_connect_in_parallel_while_a_blackholed_host_times_out(make_lab, make_app, qtbot):
    lab = make_lab(hosts=3, vms_per_host=3, faults={"HV03": "blackhole"})
    desktop = make_app(call_timeout_s=2.0)
    with TickGap() as gap:
        good_a, good_b, dead = connect_lab(desktop, lab)
        # Both live hosts are listed while the dead one is still trying: parallel, not serial.
        qtbot.waitUntil(lambda: _state(desktop, good_a).is_usable
                        and _state(desktop, good_b).is_usable, timeout=8000)
        assert _state(desktop, dead) is HostState.CONNECTING
        qtbot.waitUntil(lambda: _state(desktop, dead) is HostState.ERROR, timeout=10000)
    assert gap.largest < 1.0, f"the Qt thread stalled {gap.largest:.3f} s"
    tree = desktop.models.tree
    node = tree_node(tree, dead)
    assert node.isValid()
    assert node.data(roles.HostStatusRole).state is HostState.ERROR
    tooltip = node.data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip and desktop.catalog.session(dead).status.message.split("\n")[0] in tooltip
    assert node.data(Qt.ItemDataRole.DecorationRole) is not None
    live = tree_node(tree, good_a)
    assert live.data(roles.HostStatusRole).state.is_usable
    keys = {key for key, _ in shown_rows(desktop.models.proxy)}
    assert keys == {good_a, good_b}
    # The status bar repaints host states at most every 100 ms.
    qtbot.waitUntil(lambda: desktop.window.status.work_label.text().startswith("Ready: 2 of 3"), timeout=1000)


def test_table_shows_every_vm_with_the_default_columns_including_generation(make_lab, make_app,
                                                                           qtbot):
    lab = make_lab(hosts=2, vms_per_host=3)
    desktop = make_app()
    keys = connect_lab(desktop, lab)
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 6, timeout=10000)
    window = desktop.window
    window.server_tree.select_server(keys[0])
    proxy = desktop.models.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 3, timeout=2000)
    header = window.vm_table.horizontalHeader()
    titles = [proxy.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)
              for v in range(header.count())]
    assert titles == DEFAULT_TITLES
    generation = titles.index("Generation")
    assert all(proxy.index(row, generation).data() in ("1", "2") for row in range(3))
    names = {vm.name for vm in lab.host("HV01").model.vms}
    assert {proxy.index(row, 0).data() for row in range(3)} == names
