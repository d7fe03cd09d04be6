"""The saved-servers file as the user meets it: the app starts on a corrupt file or one from
a newer hvmanager, says so once in the status bar, keeps the file, and still works."""

from __future__ import annotations

import json

from hvmanager.core.host_state import HostState
from hvmanager.settings.server_store import ServerStore
from hvmanager.ui.dialogs.connect_request import ConnectRequest
from hvmanager_testing.gui_app import lab_server

CORRUPT = b'{"schema_version": 2, "servers": [{"address": "hv01"'  # cut off mid-write


def _start(make_app):
    """What AppRunner does at start for saved servers: load them, show a problem."""
    desktop = make_app(server_store=ServerStore())
    problem = desktop.catalog.load_saved()
    desktop.window.status.show_problem(problem)
    return desktop


def _connect_through_the_dialog(desktop, config, password) -> None:
    """Connect to Server, OK: what the window does with the dialog's request."""
    dialog = desktop.window.commands.connect_server()
    dialog.server_chosen.emit(ConnectRequest(config=config, password=password,
                                             remember_password=False))
    dialog.reject()


def _shown(desktop) -> str:
    label = desktop.window.status.problem_label
    return label.text() if label.isVisibleTo(desktop.window) else ""


def test_corrupt_file_is_kept_aside_reported_once_and_saving_works(make_lab, make_app, qtbot,
                                                                    config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "servers.json").write_bytes(CORRUPT)
    first = _start(make_app)
    message = _shown(first)
    assert "servers.json was unreadable" in message and "kept as servers.json.corrupt-" in message
    aside = [p for p in config_dir.iterdir() if p.name.startswith("servers.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == CORRUPT
    assert aside[0].name in message
    assert first.catalog.keys() == ()

    # Connect to Server: the new list is written, the corrupt copy stays, nothing more is said.
    lab = make_lab(hosts=1, vms_per_host=2)
    config, password = lab_server(lab.hosts[0])
    _connect_through_the_dialog(first, config, password)
    assert first.window.status.currentMessage() == ""
    assert first.catalog.is_saved(config.key)
    qtbot.waitUntil(lambda: first.catalog.session(config.key).status.state is HostState.CONNECTED,
                    timeout=15000)
    document = json.loads((config_dir / "servers.json").read_text(encoding="utf-8"))
    assert [entry["port"] for entry in document["servers"]] == [config.port]
    assert aside[0].read_bytes() == CORRUPT

    # The next start reads the saved server and says nothing more about the old file.
    second = _start(make_app)
    assert _shown(second) == ""
    assert second.catalog.keys() == (config.key,)
    assert [p for p in config_dir.iterdir() if p.name.startswith("servers.json.corrupt-")] == aside


def test_a_newer_file_is_reported_left_untouched_and_never_overwritten(make_lab, make_app, qtbot,
                                                                        config_dir):
    config_dir.mkdir(parents=True)
    newer = '{"schema_version": 7, "servers": [{"address": "hv01", "tags": ["lab"]}]}\n'
    (config_dir / "servers.json").write_text(newer, encoding="utf-8")
    desktop = _start(make_app)
    message = _shown(desktop)
    assert "written by a newer hvmanager (schema 7" in message and "left untouched" in message
    # Adding a server still connects it for this session, says why it is not saved, and
    # leaves the newer file exactly as it was.
    lab = make_lab(hosts=1, vms_per_host=2)
    config, password = lab_server(lab.hosts[0])
    _connect_through_the_dialog(desktop, config, password)
    assert "newer hvmanager" in desktop.window.status.currentMessage()
    qtbot.waitUntil(lambda: desktop.catalog.session(config.key).status.state is HostState.CONNECTED,
                    timeout=15000)
    assert not desktop.catalog.is_saved(config.key)
    assert (config_dir / "servers.json").read_text(encoding="utf-8") == newer
    assert sorted(p.name for p in config_dir.iterdir() if p.name.startswith("servers")) \
        == ["servers.json"]
