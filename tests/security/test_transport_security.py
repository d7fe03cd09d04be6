"""Basic over HTTP never leaves the client, HTTPS validates by default, the opt-out is per
server and visible in the tree, and a server connected again takes the new password."""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtCore import Qt

from hvmanager.core.host_state import HostState
from hvmanager.domain import AuthMethod, CertificateValidation, ServerConfig, Transport
from hvmanager.domain.server_config import InvalidServerConfig
from hvmanager.remoting.configuration_error import ConfigurationError
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.command import Command
from hvmanager.remoting.winrm_session import WinRMSession
from hvmanager.remoting.wsman_session import WSManSession
from hvmanager.settings.server_store import ServerStore


@pytest.fixture(params=["pypsrp", "psrpcore"])
def winrm_session(request: pytest.FixtureRequest) -> type:
    """Each WinRM session class in turn: pypsrp's WSManSession and ours on psrpcore."""
    return {"pypsrp": WSManSession, "psrpcore": WinRMSession}[request.param]


def _https(host, **fields) -> ServerConfig:
    return ServerConfig(host.address, transport=Transport.HTTPS, port=host.port, auth=AuthMethod.NTLM,
                        user_name=host.user, display_name=host.name, **fields)


def _session_state(desktop, key):
    session = desktop.catalog.session(key)
    return session.status if session is not None else None


def test_basic_over_http_is_refused_before_anything_is_sent(make_lab, winrm_session):
    lab = make_lab(hosts=1, vms_per_host=1)
    host = lab.hosts[0]
    with pytest.raises(InvalidServerConfig, match="clear"):
        ServerConfig(host.address, port=host.port, auth=AuthMethod.BASIC, user_name=host.user)
    info = ConnectionInfo(host.address, port=host.port, auth="basic", user=host.user,
                          password=host.password)
    with pytest.raises(ConfigurationError, match="readable on the network"):
        asyncio.run(winrm_session(info).run(Pipeline.of(Command("Get-VM"))))
    assert host.server.requests == 0 and host.server.connections == 0


def test_https_validates_by_default(make_lab, make_app, qtbot, winrm_session):
    lab = make_lab(hosts=1, vms_per_host=2, transport="https")
    host = lab.hosts[0]
    desktop = make_app(session_factory=winrm_session)
    config = _https(host)  # the system store: the lab's own CA is not in it
    assert config.certificate_validation is CertificateValidation.SYSTEM_STORE
    desktop.catalog.connect(config, host.password)
    qtbot.waitUntil(lambda: _session_state(desktop, config.key).state is HostState.ERROR, timeout=10000)
    status = _session_state(desktop, config.key)
    assert status.error_kind == "certificate" and "not trusted" in status.message
    node = desktop.models.tree.index_for(config.key)
    assert "not trusted" in node.data(Qt.ItemDataRole.ToolTipRole)
    assert node.data(Qt.ItemDataRole.DisplayRole) == host.name  # validated: no opt-out mark
    assert host.server.requests == 0  # nothing went over the unvalidated connection


def test_opt_out_is_per_server_saved_and_shown_in_the_tree(make_lab, make_app, qtbot, config_dir,
                                                          winrm_session):
    lab = make_lab(hosts=2, vms_per_host=2, transport="https")
    lax, strict = lab.host("HV01"), lab.host("HV02")
    desktop = make_app(server_store=ServerStore(), session_factory=winrm_session)
    skipped = _https(lax, certificate_validation=CertificateValidation.SKIP)
    checked = _https(strict, certificate_validation=CertificateValidation.CA_FILE, ca_file=strict.ca_file)
    desktop.catalog.connect(skipped, lax.password, save=True)
    desktop.catalog.connect(checked, strict.password, save=True)
    for key in (skipped.key, checked.key):
        qtbot.waitUntil(lambda key=key: _session_state(desktop, key).state is HostState.CONNECTED,
                        timeout=10000)
    tree = desktop.models.tree
    lax_node, strict_node = tree.index_for(skipped.key), tree.index_for(checked.key)
    assert lax_node.data(Qt.ItemDataRole.DisplayRole) == "HV01 (certificate not checked)"
    assert "Certificate validation is turned off" in lax_node.data(Qt.ItemDataRole.ToolTipRole)
    assert strict_node.data(Qt.ItemDataRole.DisplayRole) == "HV02"
    assert "Certificate validation" not in strict_node.data(Qt.ItemDataRole.ToolTipRole)
    saved = json.loads((config_dir / "servers.json").read_text(encoding="utf-8"))
    text = json.dumps(saved)
    assert text.count('"skip"') == 1 and text.count('"ca_file"') >= 1
    # Removing the mark is a reconnect with validation: the node loses it.
    desktop.catalog.connect(_https(lax, certificate_validation=CertificateValidation.CA_FILE,
                                   ca_file=lax.ca_file), lax.password)
    qtbot.waitUntil(lambda: tree.index_for(skipped.key).data(Qt.ItemDataRole.DisplayRole) == "HV01",
                    timeout=5000)


def test_connecting_again_with_the_right_password_replaces_the_failed_session(make_lab, make_app,
                                                                              qtbot, winrm_session):
    lab = make_lab(hosts=1, vms_per_host=2)
    host = lab.hosts[0]
    desktop = make_app(session_factory=winrm_session)
    config = ServerConfig(host.address, port=host.port, auth=AuthMethod.NTLM, user_name=host.user,
                          display_name=host.name)
    desktop.catalog.connect(config, "a wrong password")
    qtbot.waitUntil(lambda: _session_state(desktop, config.key).state is HostState.ERROR, timeout=10000)
    failed = desktop.catalog.session(config.key)
    assert failed.status.error_kind == "auth"
    desktop.catalog.connect(config, host.password)  # Connect to Server again, right password
    qtbot.waitUntil(lambda: desktop.catalog.session(config.key) not in (None, failed)
                    and _session_state(desktop, config.key).state is HostState.CONNECTED,
                    timeout=10000)
    assert failed.is_closed
    assert desktop.models.tree.server_keys() == (config.key,)
    # The same settings without a password only refresh: the session stays.
    current = desktop.catalog.session(config.key)
    desktop.catalog.connect(config)
    assert desktop.catalog.session(config.key) is current


def test_a_ca_file_that_disappeared_is_said_plainly(make_lab, make_app, qtbot, tmp_path,
                                                    winrm_session):
    lab = make_lab(hosts=1, vms_per_host=1, transport="https")
    host = lab.hosts[0]
    copy = tmp_path / "ca.pem"
    copy.write_bytes(open(host.ca_file, "rb").read())
    desktop = make_app(session_factory=winrm_session)
    config = _https(host, certificate_validation=CertificateValidation.CA_FILE, ca_file=str(copy))
    desktop.catalog.connect(config, host.password)
    qtbot.waitUntil(lambda: _session_state(desktop, config.key).state is HostState.CONNECTED, timeout=10000)
    copy.unlink()
    lab.restart_host(host.name)  # the next connection needs the file again
    desktop.catalog.session(config.key).refresh_soon()
    qtbot.waitUntil(lambda: _session_state(desktop, config.key).state is HostState.ERROR, timeout=10000)
    status = _session_state(desktop, config.key)
    assert status.error_kind == "configuration", status
    assert f"cannot be read: {copy}" in status.message and "Choose the CA file again" in status.hint
