"""WinRM sessions against simulator hosts over real sockets: each transport and authentication."""

from __future__ import annotations

import asyncio

import pytest
from hvmanager_testing.remoting_helpers import info_for

from hvmanager.remoting.command import Command
from hvmanager.remoting.configuration_error import ConfigurationError
from hvmanager.remoting.connection_info import CertificatePolicy
from hvmanager.remoting.errors import AuthenticationFailed, CertificateInvalid
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record

GET_VM = Pipeline.of(Command("Get-VM"))


async def _inventory(session_class, info) -> tuple:
    session = session_class(info)
    try:
        result = await session.run(GET_VM, timeout=10)
    finally:
        await session.close()
    return result.records


def _assert_vm_records(records: tuple, count: int) -> None:
    assert len(records) == count
    for record in records:
        assert record.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")
        state = record.get("State")
        assert isinstance(state, Record) and state.is_type("Microsoft.HyperV.PowerShell.VMState")
        assert isinstance(state.to_string, str) and isinstance(state.value, int)
        assert record.get("Name")


@pytest.mark.parametrize("auth", ["ntlm", "negotiate"])
def test_http_with_message_encryption(make_lab, auth, session_class):
    # The simulator, like WinRM with AllowUnencrypted=false, answers a plain SOAP body over HTTP
    # with 401: an inventory over HTTP proves every message was encrypted.
    lab = make_lab(vms_per_host=4)
    info = info_for(lab.hosts[0], auth=auth)
    _assert_vm_records(asyncio.run(_inventory(session_class, info)), 4)


def test_https_validated_with_the_lab_ca_file(make_lab, session_class):
    lab = make_lab(transport="https")
    host = lab.hosts[0]
    _assert_vm_records(asyncio.run(_inventory(session_class, info_for(host))), 3)


def test_https_with_the_explicit_opt_out(make_lab, session_class):
    lab = make_lab(transport="https")
    info = info_for(lab.hosts[0], certificate_policy=CertificatePolicy.NO_VALIDATION, ca_file=None)
    _assert_vm_records(asyncio.run(_inventory(session_class, info)), 3)


def test_https_against_the_system_store_rejects_the_lab_ca(make_lab, session_class):
    lab = make_lab(transport="https")
    info = info_for(lab.hosts[0], certificate_policy=CertificatePolicy.SYSTEM_STORE, ca_file=None)
    with pytest.raises(CertificateInvalid) as caught:
        asyncio.run(_inventory(session_class, info))
    assert caught.value.reason == "untrusted"
    assert "not trusted" in caught.value.message


def test_basic_over_https(make_lab, session_class):
    lab = make_lab(transport="https")
    _assert_vm_records(asyncio.run(_inventory(session_class, info_for(lab.hosts[0], auth="basic"))), 3)


def test_basic_over_http_is_refused_client_side(make_lab, session_class):
    lab = make_lab(transport="http")
    with pytest.raises(ConfigurationError, match="Basic"):
        session_class(info_for(lab.hosts[0], auth="basic"))


@pytest.mark.parametrize("transport", ["http", "https"])
def test_wrong_password_is_an_authentication_failure(make_lab, transport, session_class):
    lab = make_lab(transport=transport)
    info = info_for(lab.hosts[0], password="not-the-password")
    with pytest.raises(AuthenticationFailed) as caught:
        asyncio.run(_inventory(session_class, info))
    assert "HOST\\user" in caught.value.hint


@pytest.mark.parametrize(("fault", "reason"), [("expired_cert", "expired"), ("wrong_name_cert", "name")])
def test_bad_certificates_say_what_is_wrong(make_lab, fault, reason, session_class):
    lab = make_lab(transport="https")
    host = lab.hosts[0]
    lab.set_fault(host.name, fault)
    with pytest.raises(CertificateInvalid) as caught:
        asyncio.run(_inventory(session_class, info_for(host)))
    assert caught.value.reason == reason
