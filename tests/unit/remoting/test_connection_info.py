import pytest

from hvmanager.remoting.connection_info import CertificatePolicy, ConnectionInfo


def test_password_never_shows_in_repr():
    info = ConnectionInfo("hv1", user="HV1\\admin", password="s3cret!")
    assert "s3cret" not in repr(info)
    assert "HV1" in repr(info)


def test_default_ports_follow_the_transport():
    assert ConnectionInfo("hv1").effective_port == 5985
    assert ConnectionInfo("hv1", transport="https").effective_port == 5986
    assert ConnectionInfo("hv1", transport="https", port=443).effective_port == 443
    assert ConnectionInfo("localhost", transport="local").effective_port is None


@pytest.mark.parametrize("kwargs", [
    {"transport": "ssh"},
    {"auth": "digest"},
    {"certificate_policy": CertificatePolicy.CA_FILE},
    {"connect_timeout_s": 0},
    {"operation_timeout_s": -1},
])
def test_invalid_descriptions_are_refused(kwargs):
    with pytest.raises(ValueError):
        ConnectionInfo("hv1", **kwargs)
