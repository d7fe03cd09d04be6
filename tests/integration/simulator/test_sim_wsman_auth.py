"""Authentication and encryption of the WinRM listener, through the unmodified pypsrp client."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests
from pypsrp.exceptions import AuthenticationError
from pypsrp.powershell import PowerShell, RunspacePool
from spnego._ntlm_raw.crypto import lmowfv1, ntowfv1

from hvmanager.simulator.lab import Lab
from hvmanager.simulator.wsman.host_credentials import HostCredentials
from hvmanager.simulator.wsman.ntlm_user_file import NtlmUserFile

from integration.simulator.wsman_client import client_for
from integration.simulator.toy_backend import toy_backend


def _names(pool: RunspacePool) -> list[str]:
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-Toy").add_parameter("Count", 2)
    return [o.adapted_properties.get("Name") or o.extended_properties.get("Name") for o in ps.invoke()]


@pytest.mark.parametrize("auth", ["ntlm", "negotiate"])
@pytest.mark.parametrize("user", ["alice", "HV01\\alice", ".\\alice", "ALICE"])
def test_ntlm_and_negotiate_over_http_with_encryption(toy_lab: Lab, auth: str, user: str) -> None:
    connection = client_for(toy_lab.hosts[0], auth=auth, user=user)
    with RunspacePool(connection) as pool:
        assert _names(pool) == ["HV01-vm000", "HV01-vm001"]
        # pypsrp only wraps once the context is set up; the host answered sealed messages.
        assert connection.transport.encryption is not None
    assert toy_lab.hosts[0].server.requests > 3


def test_wrong_password_is_an_authentication_error(toy_lab: Lab) -> None:
    with pytest.raises(AuthenticationError):
        RunspacePool(client_for(toy_lab.hosts[0], password="wrong")).open()


def test_unknown_user_and_foreign_domain_are_refused(toy_lab: Lab) -> None:
    for user in ("bob", "OTHERHOST\\alice"):
        with pytest.raises(AuthenticationError):
            RunspacePool(client_for(toy_lab.hosts[0], user=user)).open()


def test_unencrypted_messages_over_http_are_refused(toy_lab: Lab) -> None:
    connection = client_for(toy_lab.hosts[0], auth="ntlm", encryption="never")
    with pytest.raises(AuthenticationError):
        RunspacePool(connection).open()


def test_basic_over_http_is_refused(toy_lab: Lab) -> None:
    connection = client_for(toy_lab.hosts[0], auth="basic", encryption="never")
    with pytest.raises(AuthenticationError):
        RunspacePool(connection).open()


@pytest.mark.parametrize("auth", ["basic", "ntlm", "negotiate"])
def test_https_validates_against_the_written_ca(toy_https_lab: Lab, auth: str) -> None:
    host = toy_https_lab.hosts[0]
    assert host.url.startswith("https://") and host.ca_file
    with RunspacePool(client_for(host, auth=auth)) as pool:
        assert _names(pool)[0] == "HV01-vm000"


def test_https_wrong_basic_password(toy_https_lab: Lab) -> None:
    with pytest.raises(AuthenticationError):
        RunspacePool(client_for(toy_https_lab.hosts[0], password="nope")).open()


def test_https_without_the_ca_fails_validation(toy_https_lab: Lab) -> None:
    connection = client_for(toy_https_lab.hosts[0])
    connection.transport.cert_validation = True  # the system store does not know our CA
    with pytest.raises(requests.exceptions.SSLError):
        RunspacePool(connection).open()


def test_two_labs_in_one_process_keep_their_own_passwords() -> None:
    with Lab(backend=toy_backend, password="FirstPass1") as first, \
            Lab(backend=toy_backend, password="SecondPass2") as second:
        with RunspacePool(client_for(first.hosts[0])) as pool_one, \
                RunspacePool(client_for(second.hosts[0])) as pool_two:
            assert _names(pool_one) and _names(pool_two)
        with pytest.raises(AuthenticationError):
            RunspacePool(client_for(second.hosts[0], password="FirstPass1")).open()


@pytest.mark.parametrize("user", ["HV01\\alice", ".\\alice", "hv01\\ALICE"])
def test_basic_accepts_the_local_account_forms(toy_https_lab: Lab, user: str) -> None:
    with RunspacePool(client_for(toy_https_lab.hosts[0], auth="basic", user=user)) as pool:
        assert _names(pool)


def test_message_encryption_on_request_over_https(toy_https_lab: Lab) -> None:
    connection = client_for(toy_https_lab.hosts[0], auth="ntlm", encryption="always")
    with RunspacePool(connection) as pool:
        assert _names(pool)
    assert connection.transport.encryption is not None


def test_ntlm_user_files_switch_the_variable_by_value_only(tmp_path: Path) -> None:
    """Other threads (requests' proxy lookup) read os.environ: its keys must never change under them."""
    first = NtlmUserFile(tmp_path, HostCredentials("HV01", "alice", "one"))
    second = NtlmUserFile(tmp_path, HostCredentials("HV02", "alice", "two"))
    keys = set(os.environ)
    assert "NTLM_USER_FILE" in keys
    with first.active():
        assert os.environ["NTLM_USER_FILE"] == str(first.path)
        assert set(os.environ) == keys
    with second.active():
        assert os.environ["NTLM_USER_FILE"] == str(second.path)
    assert set(os.environ) == keys
    # smbpasswd lines with the password's hashes (pyspnego would derive them on every read).
    hashes = f"{lmowfv1('one').hex().upper()}:{ntowfv1('one').hex().upper()}"
    assert first.path.read_text().splitlines() == [
        f"{user}:1000:{hashes}:[U]:LCT-00000000" for user in ("alice", "HV01\\alice", ".\\alice")]
