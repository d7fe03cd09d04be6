import dataclasses

import pytest

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.domain.transport import Transport


def test_default_ports_and_keys():
    assert ServerConfig("HV01").key == "http://hv01:5985"
    assert ServerConfig("hv01", Transport.HTTPS).key == "https://hv01:5986"
    assert ServerConfig("hv01", Transport.HTTPS, port=443).key == "https://hv01:443"
    assert ServerConfig("fe80::1", Transport.HTTP).key == "http://[fe80::1]:5985"
    assert ServerConfig.local().key == "local://localhost"
    assert ServerConfig.local().effective_port is None


def test_no_password_field_exists():
    names = {f.name for f in dataclasses.fields(ServerConfig)}
    assert not any("pass" in n or "secret" in n for n in names)


@pytest.mark.parametrize("kwargs", [
    dict(address=""),
    dict(address="hv 01"),
    dict(address="hv01", port=70000),
    dict(address="hv01", auth=AuthMethod.BASIC),
    dict(address="hv01", transport=Transport.HTTPS,
         certificate_validation=CertificateValidation.CA_FILE),
])
def test_invalid_configs_are_refused(kwargs):
    with pytest.raises(InvalidServerConfig):
        ServerConfig(**kwargs)


def test_basic_over_https_and_explicit_opt_out():
    config = ServerConfig("lab", Transport.HTTPS, auth=AuthMethod.BASIC,
                          certificate_validation=CertificateValidation.SKIP)
    assert not config.verifies_certificate
    assert ServerConfig("lab").verifies_certificate


@pytest.mark.parametrize("text,key", [
    ("hv01", "http://hv01:5985"),
    ("HV01:5986", "http://hv01:5986"),
    ("https://hv01.corp.example/wsman", "https://hv01.corp.example:5986"),
    ("https://hv01:443", "https://hv01:443"),
    ("http://[fe80::1]:5990", "http://[fe80::1]:5990"),
    ("fe80::1", "http://[fe80::1]:5985"),
    ("192.168.56.10", "http://192.168.56.10:5985"),
    ("local", "local://localhost"),
])
def test_from_address(text, key):
    assert ServerConfig.from_address(text).key == key


def test_from_address_takes_other_fields_and_refuses_nonsense():
    config = ServerConfig.from_address("https://lab", auth=AuthMethod.BASIC, user_name="admin")
    assert config.transport is Transport.HTTPS and config.user_name == "admin"
    assert ServerConfig.from_address("lab", transport=Transport.HTTPS).port is None
    for bad in ("ftp://lab", "lab:99999", "http://", "user@lab", "lab:port"):
        with pytest.raises(InvalidServerConfig):
            ServerConfig.from_address(bad)
    with pytest.raises(InvalidServerConfig):
        ServerConfig("hv01:5986")


def test_from_address_keeps_the_host_as_typed_and_the_key_lower_case():
    config = ServerConfig.from_address("https://HV01.Corp.example:5986/wsman")
    assert config.address == "HV01.Corp.example" and config.title == "HV01.Corp.example"
    assert config.key == "https://hv01.corp.example:5986"
    assert ServerConfig.from_address("HV02:5999").address == "HV02"
