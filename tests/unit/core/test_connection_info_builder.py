"""Saved servers become transport descriptions; the password only in memory."""

import pytest

from hvmanager.core.connection_info_builder import connection_info_for
from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.remoting.connection_info import CertificatePolicy


def test_https_with_a_ca_file():
    config = ServerConfig("hv01.corp", Transport.HTTPS, auth=AuthMethod.KERBEROS, user_name="CORP\\ann",
                          certificate_validation=CertificateValidation.CA_FILE, ca_file="/ca.pem")
    info = connection_info_for(config, "pw", call_timeout_s=12)
    assert (info.address, info.transport, info.effective_port, info.auth, info.user) == (
        "hv01.corp", "https", 5986, "kerberos", "CORP\\ann")
    assert (info.certificate_policy, info.ca_file) == (CertificatePolicy.CA_FILE, "/ca.pem")
    assert (info.connect_timeout_s, info.operation_timeout_s) == (10.0, 12)
    assert "pw" not in repr(info)


@pytest.mark.parametrize("validation,policy", [
    (CertificateValidation.SYSTEM_STORE, CertificatePolicy.SYSTEM_STORE),
    (CertificateValidation.SKIP, CertificatePolicy.NO_VALIDATION)])
def test_certificate_policies(validation, policy):
    config = ServerConfig("hv01", Transport.HTTPS, certificate_validation=validation)
    assert connection_info_for(config).certificate_policy is policy


def test_windows_credentials_and_short_timeouts():
    info = connection_info_for(ServerConfig("hv02", port=15985), None, call_timeout_s=2)
    assert info.user is None and info.password is None
    assert (info.port, info.connect_timeout_s, info.operation_timeout_s) == (15985, 2, 2)


def test_local_computer():
    info = connection_info_for(ServerConfig.local())
    assert (info.transport, info.address) == ("local", "localhost")
