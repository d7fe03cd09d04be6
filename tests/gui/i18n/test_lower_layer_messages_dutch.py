"""The texts made below the Qt layers (remoting, hyperv, core, settings) in the real app in
Dutch, against the simulator over real sockets; and after View > Language they read English.

They are ``domain.message.Message``s rendered by ``models.MessageText`` where shown."""

import socket

from PySide6.QtCore import Qt

from hvmanager.core.host_state import HostState
from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.server_config import ServerConfig
from hvmanager.settings.server_store import ServerStore
from hvmanager_testing.gui_app import connect_lab, tree_node

MB = 1024 * 1024
RESULT = 4  # the log pane's Result column


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _switchable(window, switcher):
    def switch(language):  # as AppRunner wires View > Language
        switcher.apply(language)
        window.set_language_checked(switcher.language)

    window.language_requested.connect(switch)


def _tooltip(desktop, key) -> str:
    return tree_node(desktop.models.tree, key).data(Qt.ItemDataRole.ToolTipRole) or ""


def _state(desktop, key):
    session = desktop.catalog.session(key)
    return session.status.state if session is not None else None


def _log_results(desktop) -> list[str]:
    log = desktop.models.log
    return [log.index(row, RESULT).data() for row in range(log.rowCount())]


def test_connection_errors_read_dutch_in_the_tree_and_english_after_a_switch(
        make_lab, make_app, qtbot, switcher):
    assert switcher.apply("nl"), switcher.problem
    desktop = make_app()
    window = desktop.window
    _switchable(window, switcher)
    refused = ServerConfig("127.0.0.1", port=_closed_port(), display_name="dicht")
    desktop.catalog.connect(refused)
    host = make_lab(hosts=1, vms_per_host=1).hosts[0]
    wrong = ServerConfig(host.address, port=host.port, auth=AuthMethod.NTLM, user_name=host.user,
                         display_name="verkeerd")
    desktop.catalog.connect(wrong, "not the password")
    qtbot.waitUntil(lambda: _state(desktop, refused.key) is HostState.ERROR
                    and _state(desktop, wrong.key) is HostState.ERROR, timeout=15000)

    tip = _tooltip(desktop, refused.key)
    assert "127.0.0.1 heeft de verbinding geweigerd." in tip
    assert "voer Enable-PSRemoting uit op de host." in tip
    assert "refused" not in tip
    tip = _tooltip(desktop, wrong.key)
    assert f"{host.address} heeft de referenties geweigerd." in tip
    assert "Controleer de gebruikersnaam en het wachtwoord." in tip and "TrustedHosts" in tip
    # The core keeps the English words for logs and the CLI.
    assert desktop.catalog.session(wrong.key).status.message == f"{host.address} rejected the credentials."

    window.registry["actionLanguageEnglish"].trigger()
    qtbot.waitUntil(lambda: "127.0.0.1 refused the connection." in _tooltip(desktop, refused.key),
                    timeout=3000)
    assert "run Enable-PSRemoting on the host." in _tooltip(desktop, refused.key)
    assert f"{host.address} rejected the credentials." in _tooltip(desktop, wrong.key)


def test_action_results_log_summaries_and_the_vmms_banner_read_dutch(
        make_lab, make_app, qtbot, switcher):
    assert switcher.apply("nl"), switcher.problem
    lab = make_lab(hosts=1, vms_per_host=0)
    model = lab.hosts[0].model
    running = model.add_vm("web01", state="Running", memory_startup=256 * MB, boot_seconds=20.0)
    desktop = make_app()
    window = desktop.window
    _switchable(window, switcher)
    [key] = connect_lab(desktop, lab)
    qtbot.waitUntil(lambda: window.models.proxy.rowCount() == 1, timeout=10000)
    # The refresh reads one VM as CSV: a header and a row, counted as lines.
    qtbot.waitUntil(lambda: "OK: 2 regels" in _log_results(desktop), timeout=3000)

    # Turned off on the host behind the app's back: Pause is still offered, the host refuses.
    assert model.request(running.vm_id, "turn_off").kind == "ok"
    window.vm_pane.select_rows([0])
    window._selection_changed()
    window.registry["actionPauseVM"].trigger()
    qtbot.waitUntil(lambda: window.bulk.last_results != (), timeout=8000)
    [result] = window.bulk.last_results
    assert result.error_kind == "InvalidState"
    dialog = window.bulk.results_dialog
    shown = dialog.table.item(0, 4).text()
    assert shown == "De virtuele machine heeft geen status waarin deze actie mogelijk is."
    # The log pane gets the pipeline's entry through the bridge, a turn of the loop later.
    qtbot.waitUntil(lambda: any(text.startswith("Mislukt: 0 objecten, 1 fout: ")
                                for text in _log_results(desktop)), timeout=3000)

    model.set_service_running("vmms", False)
    window.commands.refresh()
    qtbot.waitUntil(lambda: _state(desktop, key) is HostState.SERVICE_STOPPED, timeout=8000)
    qtbot.waitUntil(lambda: window.vm_pane.banner.isVisibleTo(window), timeout=3000)
    banner = window.vm_pane.banner.label.text()
    assert ("De Hyper-V-service voor het beheer van virtuele machines (vmms) wordt niet "
            "uitgevoerd.") in banner
    assert "Start de Hyper-V-service op de host (Start-Service vmms)." in _tooltip(desktop, key)

    window.registry["actionLanguageEnglish"].trigger()
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text()
                    == "The virtual machine is not in a state that allows this action.", timeout=3000)
    assert any("0 objects, 1 error: " in text for text in _log_results(desktop))
    assert "OK: 2 lines" in _log_results(desktop)
    assert "(vmms) is not running." in window.vm_pane.banner.label.text()


def test_a_corrupt_saved_servers_file_is_reported_in_dutch_then_in_english(
        make_app, qtbot, switcher, config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "servers.json").write_bytes(b'{"schema_version": 2, "servers": [')
    assert switcher.apply("nl"), switcher.problem
    desktop = make_app(server_store=ServerStore())
    window = desktop.window
    _switchable(window, switcher)
    assert desktop.catalog.load_saved()  # what AppRunner does at start
    window.status.show_problem(desktop.catalog.saved_problem)
    label = window.status.problem_label
    assert label.text().startswith("De opgeslagen serverlijst servers.json was onleesbaar (geen JSON: ")
    assert "Het bestand is bewaard als servers.json.corrupt-" in label.text()

    window.registry["actionLanguageEnglish"].trigger()
    qtbot.waitUntil(lambda: label.text().startswith("The saved server list servers.json was "
                                                    "unreadable (not JSON: "), timeout=3000)
    assert "It was kept as servers.json.corrupt-" in label.text()


def test_a_saved_servers_file_from_a_newer_hvmanager_is_reported_in_dutch(
        make_app, switcher, config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "servers.json").write_text('{"schema_version": 99, "servers": []}')
    assert switcher.apply("nl"), switcher.problem
    desktop = make_app(server_store=ServerStore())
    assert desktop.catalog.load_saved() == (
        "servers.json is geschreven door een nieuwere hvmanager (schema 99, deze versie begrijpt "
        "tot en met 2); het bestand blijft ongewijzigd.")
    assert str(desktop.catalog.saved_problem).startswith("servers.json was written by a newer hvmanager")
