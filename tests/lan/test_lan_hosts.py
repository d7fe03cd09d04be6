"""Hosts on their own addresses in their own network namespaces, reached by IP like LAN
servers: the CLI and the app across several of them, a cable pulled mid-refresh and
plugged back, a host rebooted with a new certificate, a host with another password."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

from lan_lab import REPO, USER

from hvmanager.core.host_state import HostState
from hvmanager.domain import AuthMethod, CertificateValidation, ServerConfig, Transport
from hvmanager_testing.model_app import ModelApp

PASSWORD_VARIABLE = "HVMANAGER_LAN_PASSWORD"


def _config(host, **fields) -> ServerConfig:
    options = {"auth": AuthMethod.NTLM, "user_name": USER, "display_name": host.name}
    if host.https:
        options.update(transport=Transport.HTTPS, certificate_validation=CertificateValidation.CA_FILE,
                       ca_file=host.ca_file)
    options.update(fields)
    return ServerConfig(host.address, **options)  # the default WinRM port of its transport


def _app(qtbot) -> ModelApp:
    return ModelApp(qtbot, refresh_interval_s=0.4, call_timeout_s=2.0, retry_initial_s=0.3,
                    retry_max_s=0.6)


def test_cli_lists_every_host_by_ip_and_names_the_one_that_refused(make_lan):
    lan = make_lan([{"name": "LAN1"}, {"name": "LAN2"}, {"name": "LAN3", "password": "Other-pw-3"}])
    servers = [arg for host in lan.hosts for arg in ("--server", host.address)]
    environment = {**os.environ, PASSWORD_VARIABLE: lan.password}
    done = subprocess.run([sys.executable, "-m", "hvmanager.cli", "vms", *servers, "--user", USER,
                           "--password-env", PASSWORD_VARIABLE, "--auth", "ntlm", "--format", "json",
                           "--columns", "Name,State,Host", "--timeout", "10"],
                          cwd=REPO, env=environment, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    rows = json.loads(done.stdout)
    hosts = {str(row.get("Host", "")) for row in rows}
    assert len(rows) == 6 and all(lan.hosts[2].address not in host for host in hosts), hosts
    assert any(lan.hosts[0].address in host for host in hosts)
    assert any(lan.hosts[1].address in host for host in hosts)
    refused = [line for line in done.stderr.splitlines() if line.startswith(lan.hosts[2].address)]
    assert refused and "rejected the credentials" in refused[0], done.stderr


def test_app_survives_a_cable_pulled_mid_refresh_and_a_host_with_another_password(
        make_lan, qtbot, event_loop):
    lan = make_lan([{"name": "LAN1"}, {"name": "LAN2", "latency_ms": 150},
                    {"name": "LAN3", "password": "Other-pw-3"}])
    first, cut, other = lan.hosts
    app = _app(qtbot)
    try:
        keys = [app.add(_config(host), lan.password).key for host in lan.hosts]
        app.wait(lambda: app.refreshed_since(keys[0], 0) and app.refreshed_since(keys[1], 0), 15,
                 "both hosts with the lab password listed")
        app.wait(lambda: app.status(keys[2]).error_kind == "auth", 10, "the other password refused")
        assert "rejected the credentials" in app.tooltip(keys[2])
        app.reconnect(_config(other), other.password)  # Connect to Server again, its own password
        app.wait(lambda: app.refreshed_since(keys[2], 0), 10, "the third host with its password")

        # Asked for (as F5 does), so REFRESHING shows at once: a quick periodic tick says
        # nothing until its result.
        app.inventory.session(keys[1]).refresh_soon()
        app.wait(lambda: app.status(keys[1]).state is HostState.REFRESHING, 10, "a refresh of LAN2")
        pulled = time.monotonic()
        lan.cut(cut)
        app.wait(lambda: app.status(keys[1]).state is HostState.ERROR, 15, "the cut host's error")
        status = app.status(keys[1])
        assert status.error_kind == "timeout" and status.message in app.tooltip(keys[1])
        assert len(app.rows(keys[1])) == 3  # the last list stays (stale), actions disabled
        lan.restore(cut)
        plugged = time.monotonic()
        app.wait(lambda: app.refreshed_since(keys[1], plugged) and not app.status(keys[1]).error_kind,
                 15, "the cut host back")
        back = time.monotonic()
        for key in (keys[0], keys[2]):
            gap = app.worst_gap(key, pulled, back)
            assert gap < 2.0, f"{key} went {gap:.2f} s without a refresh while LAN2 was cut"
        assert all(len(app.rows(key)) == 3 for key in keys)
    finally:
        app.shutdown()


def test_host_rebooted_with_a_new_certificate(make_lan, qtbot, event_loop, tmp_path):
    lan = make_lan([{"name": "LAN1"}, {"name": "TLS2", "https": True}])
    plain, tls = lan.hosts
    # The user keeps a copy of the host's CA certificate, as they would on a workstation.
    trusted = tmp_path / "tls2-ca.pem"
    shutil.copyfile(tls.ca_file, trusted)
    app = _app(qtbot)
    try:
        keys = [app.add(_config(plain), lan.password).key,
                app.add(_config(tls, ca_file=str(trusted)), lan.password).key]
        app.wait(lambda: all(app.refreshed_since(key, 0) for key in keys), 15, "both hosts listed")
        lan.restart(tls)  # a reinstall: same address and port, a certificate from a new CA
        app.inventory.session(keys[1]).refresh_soon()
        app.wait(lambda: app.status(keys[1]).error_kind == "certificate", 15,
                 "the new certificate refused")
        status = app.status(keys[1])
        assert "not trusted" in status.message and "CA file" in status.hint
        assert status.message in app.tooltip(keys[1])
        time.sleep(1.0)  # certificate errors wait for the user: no retries meanwhile
        assert app.status(keys[1]).error_kind == "certificate"
        app.reconnect(_config(tls, ca_file=tls.ca_file), lan.password)  # given the new CA
        given = time.monotonic()
        app.wait(lambda: app.refreshed_since(keys[1], given), 15, "the host with its new CA")
        app.wait(lambda: app.refreshed_since(keys[0], given), 5, "the other host still refreshing")
    finally:
        app.shutdown()
