"""Saved servers connect at start with keyring passwords; a corrupt list is reported, kept."""

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from hvmanager.settings.credential_store import CredentialStore
from hvmanager.settings.server_store import ServerStore
from hvmanager.ui.dialogs.connect_request import ConnectRequest
from hvmanager_testing.gui_app import lab_server, shown_rows
from hvmanager_testing.memory_keyring import MemoryKeyring


def test_saved_servers_connect_at_start_with_their_remembered_passwords(make_lab, make_app,
                                                                        qtbot, config_dir):
    lab = make_lab(hosts=2, vms_per_host=2)
    store = ServerStore(config_dir / "servers.json")
    credentials = CredentialStore(MemoryKeyring())
    for host in lab.hosts:
        config, password = lab_server(host)
        store.add(config)
        credentials.save(config.key, config.user_name, password)
    desktop = make_app(server_store=store, credentials=credentials)
    assert desktop.catalog.load_saved() == ""
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 4, timeout=10000)
    assert all(desktop.catalog.is_saved(key) for key in desktop.catalog.keys())


def test_a_corrupt_server_list_is_reported_once_and_never_overwritten(make_app, config_dir):
    config_dir.mkdir(parents=True)
    path = config_dir / "servers.json"
    path.write_text("{ not json", encoding="utf-8")
    desktop = make_app(server_store=ServerStore(path), credentials=None)
    problem = desktop.catalog.load_saved()
    assert problem
    desktop.window.status.show_problem(problem)
    assert desktop.window.status.problem_label.text() == problem
    kept = [p for p in config_dir.iterdir() if p.name != "window.ini"]
    assert any(p.read_text(encoding="utf-8") == "{ not json" for p in kept)
    assert desktop.catalog.keys() == ()


def test_connect_dialog_result_saves_the_server_and_remembers_the_password(
        make_lab, make_app, qtbot, config_dir):
    lab = make_lab(hosts=1, vms_per_host=1)
    store = ServerStore(config_dir / "servers.json")
    credentials = CredentialStore(MemoryKeyring())
    desktop = make_app(server_store=store, credentials=credentials)
    config, password = lab_server(lab.hosts[0])
    desktop.window.commands._connect_chosen(ConnectRequest(config, password, True))
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 1, timeout=10000)
    assert [s.key for s in store.load().servers] == [config.key]
    assert credentials.get(config.key, config.user_name) == password
    # Removing it forgets the saved entry and the password too.
    desktop.window.server_tree.select_server(config.key)
    desktop.window.commands.remove_server()
    qtbot.waitUntil(lambda: config.key not in desktop.inventory, timeout=8000)
    assert store.load().servers == ()
    assert credentials.get(config.key, config.user_name) is None


def test_closing_the_window_while_a_server_is_being_removed_leaves_no_task_touching_it(
        make_lab, make_app, qtbot):
    # close() cancels the removal; the window (and its status bar) may be gone before the
    # task runs again, and it must not touch them then. The event_loop fixture fails the
    # test on any unhandled task error ("Internal C++ object already deleted").
    # Every answer 300 ms late: closing the session (Delete) keeps the removal in flight
    # long enough to be seen; on the shared network loop it otherwise ends within a poll.
    lab = make_lab(hosts=1, vms_per_host=1, latency_ms=300)
    desktop = make_app()
    config, password = lab_server(lab.hosts[0])
    desktop.window.commands._connect_chosen(ConnectRequest(config, password, False))
    qtbot.waitUntil(lambda: len(shown_rows(desktop.models.proxy)) == 1, timeout=15000)
    desktop.window.server_tree.select_server(config.key)
    commands = desktop.window.commands
    commands.remove_server()
    tasks = set(commands._tasks)
    assert tasks
    # The removal has started (it shows as an action) and now waits for the session to close.
    qtbot.waitUntil(lambda: bool(desktop.window.status._actions), timeout=2000)
    # What the app does when its window closes, and then the window is deleted.
    # pytest-qt's teardown does the same with the windows a test shows: close, then delete.
    status_bar = desktop.window.status
    desktop.window.close()
    desktop.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(status_bar)
    qtbot.waitUntil(lambda: all(task.done() for task in tasks), timeout=8000)
    assert all(task.cancelled() or task.exception() is None for task in tasks)
