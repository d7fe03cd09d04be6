"""Keyboard, filter, "All servers", columns that persist, CSV export of what is shown."""

import csv

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hvmanager.ui.window_state_store import WindowStateStore
from hvmanager_testing.gui_app import connect_lab, shown_rows


def _refreshes(desktop, key):
    log = desktop.models.log
    count = 0
    for row in range(log.rowCount()):
        texts = " ".join(str(log.index(row, c).data()) for c in range(log.columnCount()))
        if "Get-VM | Select-Object" in texts and desktop.catalog.title(key) in texts:
            count += 1
    return count


def test_f5_refreshes_the_selected_server_and_ctrl_f_focuses_the_filter(make_lab, make_app,
                                                                        qtbot):
    lab = make_lab(hosts=1, vms_per_host=2)
    desktop = make_app(refresh_interval_s=600.0)
    key, = connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: _refreshes(desktop, key) == 1, timeout=10000)
    window.server_tree.select_server(key)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.vm_table.setFocus()
    QTest.keyClick(window.vm_table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: _refreshes(desktop, key) == 2, timeout=8000)
    QTest.keyClick(window.vm_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.vm_filter.hasFocus, timeout=2000)


def test_filter_and_all_servers(make_lab, make_app, qtbot):
    lab = make_lab(hosts=2, vms_per_host=3)
    desktop = make_app()
    first, second = connect_lab(desktop, lab)
    window = desktop.window
    proxy = desktop.models.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 6, timeout=10000)
    assert "host" in window.vm_pane.visible_keys()  # "All servers" shows the Host column
    hosts = {proxy.index(row, window.vm_pane.visible_keys().index("host")).data()
             for row in range(proxy.rowCount())}
    assert hosts == {"HV01", "HV02"}
    window.server_tree.select_server(second)
    qtbot.waitUntil(lambda: proxy.rowCount() == 3, timeout=2000)
    assert {key for key, _ in shown_rows(proxy)} == {second}
    assert "host" not in window.vm_pane.visible_keys()
    window.server_tree.select_server(None)
    qtbot.waitUntil(lambda: proxy.rowCount() == 6, timeout=2000)
    name = shown_rows(proxy)[0][1].name
    QTest.keyClicks(window.vm_filter, name)
    qtbot.waitUntil(lambda: 1 <= proxy.rowCount() < 6, timeout=2000)
    assert all(name.lower() in " ".join(str(proxy.index(row, c).data())
                                        for c in range(proxy.columnCount())).lower()
               for row in range(proxy.rowCount()))
    window.vm_filter.clear()
    qtbot.waitUntil(lambda: proxy.rowCount() == 6, timeout=2000)


def test_header_menu_column_choice_persists_across_a_new_window(make_lab, make_app, qtbot,
                                                                config_dir):
    lab = make_lab(hosts=1, vms_per_host=2)
    desktop = make_app()
    key, = connect_lab(desktop, lab)
    window = desktop.window
    window.server_tree.select_server(key)
    menu = window.vm_pane.header_menu.build()
    toggles = {action.objectName(): action for action in menu.actions()}
    assert toggles["columnToggle_generation"].isChecked()
    assert not toggles["columnToggle_name"].isEnabled()
    toggles["columnToggle_processor_count"].trigger()
    toggles["columnToggle_uptime"].trigger()
    keys = window.vm_pane.visible_keys()
    assert keys[-1] == "processor_count" and "uptime" not in keys
    # The refresh now selects what the new column needs.
    session = desktop.catalog.session(key)
    assert "ProcessorCount" in [p.powershell_name for p in session.properties]
    proxy = desktop.models.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 2 and all(
        proxy.index(r, len(keys) - 1).data() for r in range(2)), timeout=10000)
    window.vm_table.horizontalHeader().resizeSection(0, 234)
    window.close()
    second = make_app().window
    # It opens on "All servers", which adds the Host column by itself (not saved).
    assert [k for k in second.vm_pane.visible_keys() if k != "host"] == list(keys)
    restored = dict(second.vm_pane.visible_columns())
    assert restored["name"] == 234
    saved = WindowStateStore(config_dir / "window.ini").columns()
    assert [k for k, _ in saved] == list(keys)


def test_export_csv_writes_the_visible_rows_in_the_order_shown(make_lab, make_app, qtbot,
                                                               tmp_path):
    lab = make_lab(hosts=2, vms_per_host=3)
    desktop = make_app()
    connect_lab(desktop, lab)
    window = desktop.window
    proxy = desktop.models.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 6, timeout=10000)
    window.vm_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    window.vm_filter.setText("hv02")
    qtbot.waitUntil(lambda: proxy.rowCount() == 3, timeout=2000)
    target = tmp_path / "vms.csv"
    assert window.export_csv(target) == 3
    with open(target, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    header = [proxy.headerData(s, Qt.Orientation.Horizontal) for s in range(proxy.columnCount())]
    assert rows[0] == header and "Generation" in header and "Host" in header
    assert [row[0] for row in rows[1:]] == [proxy.index(r, 0).data() for r in range(3)]
    assert [row[0] for row in rows[1:]] == sorted((row[0] for row in rows[1:]),
                                                   key=str.casefold, reverse=True)
    assert {row[header.index("Host")] for row in rows[1:]} == {"HV02"}


def test_refreshes_keep_the_selection_and_the_scroll_position(make_lab, make_app, qtbot):
    lab = make_lab(hosts=1, vms_per_host=40, time_scale=1.0)
    desktop = make_app()
    key, = connect_lab(desktop, lab)
    window = desktop.window
    window.server_tree.select_server(key)
    proxy = desktop.models.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 40, timeout=10000)
    window.vm_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    window.vm_pane.select_rows([25, 26])
    window.vm_table.scrollTo(proxy.index(30, 0))
    bar = window.vm_table.verticalScrollBar()
    position = bar.value()
    assert position > 0
    selected = {vm.vm_id for _, vm in window.vm_pane.selected_vms()}
    changed = []
    proxy.dataChanged.connect(lambda *args: changed.append(args))
    session = desktop.catalog.session(key)
    for _ in range(2):
        before = _refreshes(desktop, key)
        session.refresh_soon()
        qtbot.waitUntil(lambda: _refreshes(desktop, key) > before, timeout=8000)
    qtbot.waitUntil(lambda: bool(changed), timeout=8000)  # running VMs' uptime moved
    assert {vm.vm_id for _, vm in window.vm_pane.selected_vms()} == selected
    assert bar.value() == position


def test_layout_and_hidden_panes_persist_across_a_new_window(make_app, qtbot):
    window = make_app().window
    window.resize(760, 600)  # the offscreen screen is 800x800
    hide_log = next(a for a in window._pane_actions if a.objectName() == "actionShow_powershellLog")
    hide_log.setChecked(False)
    window.main_splitter.setSizes([150, 450, 150])
    sizes = window.main_splitter.sizes()
    window.close()
    second = make_app().window
    assert second.log_pane.isHidden()
    assert not next(a for a in second._pane_actions
                    if a.objectName() == "actionShow_powershellLog").isChecked()
    assert (second.width(), second.height()) == (760, 600)
    qtbot.waitUntil(lambda: second.main_splitter.sizes() == sizes, timeout=2000)
