"""``DesktopApp(window=False)``: servers connect first, the window is built while they do."""

from hvmanager.app.desktop_app import DesktopApp
from hvmanager.core.host_state import HostState
from hvmanager.ui.window_state_store import WindowStateStore
from hvmanager_testing.gui_app import connect_lab, shut_down
from hvmanager_testing.recording_listener import RecordingListener


def _recording(desktop):
    """A listener beside the models' (core reports every pipeline to each)."""
    recording = RecordingListener()
    desktop.fanout.listeners = [*desktop.fanout.listeners, recording]
    return recording


def _refreshes(recording, key):
    return sum(1 for entry in recording.log
               if entry.server_key == key and entry.powershell.startswith("Get-VM |"))


def _refreshed(desktop):
    sessions = desktop.inventory.sessions
    return bool(sessions) and all(s.status.state is HostState.CONNECTED
                                  and s.status.last_refresh is not None for s in sessions)


def test_a_window_built_after_the_first_refreshes_knows_the_hosts_and_refreshes_nothing_again(
        make_lab, event_loop, qtbot, config_dir):
    lab = make_lab(hosts=2, vms_per_host=3)
    desktop = DesktopApp(window_store=WindowStateStore(config_dir / "window.ini"),
                         refresh_interval_s=600.0, call_timeout_s=10.0, window=False)
    recording = _recording(desktop)
    try:
        keys = connect_lab(desktop, lab)
        assert desktop.window is None
        # No saved columns: the first refresh already selects what the default columns show.
        registry = desktop.registry
        wanted = {p.powershell_name for p in registry.properties_for(registry.default_keys())}
        selected = {p.powershell_name for p in desktop.inventory.session(keys[0]).properties}
        assert len(wanted) > 3 and wanted <= selected
        qtbot.waitUntil(lambda: _refreshed(desktop) and desktop.models.table.rowCount() == 6,
                        timeout=15000)
        window = desktop.build_window()
        assert desktop.build_window() is window  # once
        window.show()
        # The statuses reported before the window existed are in its status bar...
        qtbot.waitUntil(lambda: "2 of 2" in window.status.work_label.text(), timeout=2000)
        assert window.models.proxy.rowCount() == 6
        # ...and its first columns asked for nothing the refresh did not already select.
        qtbot.wait(500)
        assert [_refreshes(recording, key) for key in keys] == [1, 1]
    finally:
        shut_down(desktop, qtbot)


def test_the_saved_columns_decide_what_the_first_refresh_selects_before_the_window_exists(
        make_lab, event_loop, qtbot, config_dir):
    store = WindowStateStore(config_dir / "window.ini")
    store.set_columns([("name", 0), ("state", 0), ("processor_count", 0)])
    store.sync()
    lab = make_lab(hosts=1, vms_per_host=2)
    desktop = DesktopApp(window_store=WindowStateStore(config_dir / "window.ini"),
                         refresh_interval_s=600.0, call_timeout_s=10.0, window=False)
    recording = _recording(desktop)
    try:
        key, = connect_lab(desktop, lab)
        session = desktop.inventory.session(key)
        assert "ProcessorCount" in [p.powershell_name for p in session.properties]
        assert "Uptime" not in [p.powershell_name for p in session.properties]
        qtbot.waitUntil(lambda: _refreshed(desktop), timeout=15000)
        desktop.build_window().show()
        qtbot.wait(300)
        assert _refreshes(recording, key) == 1
    finally:
        shut_down(desktop, qtbot)
