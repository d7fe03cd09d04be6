"""vmms stopped is explained in place; host dialogs open from the window, one per host."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from hvmanager.core.host_state import HostState
from hvmanager.models import roles
from hvmanager_testing.gui_app import connect_lab, shown_rows, tree_node


def test_a_stopped_hyper_v_service_is_explained_over_the_table_and_on_the_node(
        make_lab, make_app, qtbot):
    lab = make_lab(hosts=2, vms_per_host=2)
    desktop = make_app()
    first, second = connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 4, timeout=10000)
    assert window.vm_pane.banner.isHidden()
    lab.host("HV01").model.set_service_running("vmms", False)
    window.server_tree.select_server(first)
    window.registry["actionRefresh"].trigger()
    session = desktop.catalog.session(first)
    qtbot.waitUntil(lambda: session.status.state is HostState.SERVICE_STOPPED, timeout=10000)
    banner = window.vm_pane.banner
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert "HV01" in banner.label.text() and "vmms" in banner.label.text()
    node = tree_node(desktop.models.tree, first)
    assert node.data(roles.HostStatusRole).state is HostState.SERVICE_STOPPED
    assert node.data(Qt.ItemDataRole.ToolTipRole)
    # Another host's node has no banner; "All servers" names the stopped host.
    window.server_tree.select_server(second)
    qtbot.waitUntil(banner.isHidden, timeout=2000)
    window.server_tree.select_server(None)
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.server_key == first
    banner.button.click()
    dialog = window.findChild(QDialog, "hyperVServiceDialog")
    assert dialog is not None and dialog.isVisible()
    # Asking again raises the same dialog instead of stacking a second one.
    window.commands.hyperv_service(first)
    assert len(window.findChildren(QDialog, "hyperVServiceDialog")) == 1
    dialog.close()


def test_host_dialogs_open_for_the_selected_server(make_lab, make_app, qtbot):
    lab = make_lab(hosts=1, vms_per_host=2)
    desktop = make_app()
    key, = connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 2, timeout=10000)
    window.server_tree.select_server(None)
    window._selection_changed()
    assert not window.registry["actionHostReadiness"].isEnabled()
    window.server_tree.select_server(key)
    window._selection_changed()
    window.registry["actionHostReadiness"].trigger()
    readiness = window.findChild(QDialog, "hostReadinessDialog")
    assert readiness is not None and readiness.isVisible()
    readiness.close()
    window.vm_pane.select_rows([0, 1])
    window._selection_changed()
    window.registry["actionIntegrationServices"].trigger()
    services = window.findChild(QDialog, "integrationServicesDialog")
    assert services is not None and services.isVisible()
    services.close()
    window.registry["actionConnectServer"].trigger()
    connect = window.findChild(QDialog, "connectServerDialog")
    assert connect is not None and connect.isVisible()
    connect.close()
    window.registry["actionImportServers"].trigger()
    imported = window.findChild(QDialog, "importServersDialog")
    assert imported is not None and imported.isVisible()
    imported.close()
    window.registry["actionColumns"].trigger()
    columns = window.findChild(QDialog, "columnsDialog")
    assert columns is not None and columns.isVisible()
    columns.close()


def test_remove_server_drops_its_node_rows_and_session(make_lab, make_app, qtbot):
    lab = make_lab(hosts=2, vms_per_host=2)
    desktop = make_app()
    first, second = connect_lab(desktop, lab)
    window = desktop.window
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 4, timeout=10000)
    window.server_tree.select_server(first)
    qtbot.waitUntil(window.registry["actionRemoveServer"].isEnabled, timeout=2000)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.server_tree.setFocus()
    QTest.keyClick(window.server_tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: first not in desktop.inventory, timeout=8000)
    assert not tree_node(desktop.models.tree, first).isValid()
    window.server_tree.select_server(None)
    qtbot.waitUntil(lambda: {k for k, _ in shown_rows(desktop.models.proxy)} == {second},
                    timeout=2000)
