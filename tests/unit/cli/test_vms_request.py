"""Arguments become a validated request: servers, labels, certificates, secrets from the env."""

import pytest

from hvmanager.cli.command_line import build_parser
from hvmanager.cli.usage_error import UsageError
from hvmanager.cli.vms_request import VmsRequest
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.transport import Transport


def _request(*args, **env):
    return VmsRequest.from_arguments(build_parser().parse_args(["vms", *args]))


def test_servers_in_every_form_with_their_labels():
    request = _request("--server", "http://127.0.0.1:15985/wsman", "--server", "https://hv01:5986",
                       "--server", "HV02", "--server", "local", "--server", "hv02",
                       "--server", "[fe80::1]:5999")
    assert [(t.config.transport, t.label) for t in request.targets] == [
        (Transport.HTTP, "127.0.0.1:15985"), (Transport.HTTPS, "hv01"), (Transport.HTTP, "HV02"),
        (Transport.LOCAL, "localhost"), (Transport.HTTP, "[fe80::1]:5999")]


def test_https_certificate_options_apply_to_https_servers_only():
    request = _request("--server", "https://hv01", "--server", "hv02", "--ca-file", "/ca.pem")
    https, http = request.targets
    assert https.config.certificate_validation is CertificateValidation.CA_FILE
    assert https.config.ca_file == "/ca.pem"
    assert http.config.certificate_validation is CertificateValidation.SYSTEM_STORE
    insecure = _request("--server", "https://hv01", "--insecure").targets[0]
    assert insecure.config.certificate_validation is CertificateValidation.SKIP


def test_password_only_from_the_named_variable(monkeypatch):
    monkeypatch.setenv("HV_PW", "s3cret")
    request = _request("--server", "hv01", "--password-env", "HV_PW", "--user", ".\\admin")
    assert request.password == "s3cret" and "s3cret" not in repr(request)
    assert request.targets[0].config.user_name == ".\\admin"
    monkeypatch.delenv("HV_PW")
    with pytest.raises(UsageError) as caught:
        _request("--server", "hv01", "--password-env", "HV_PW")
    assert "HV_PW is not set" in str(caught.value)


@pytest.mark.parametrize("args,words", [
    ((), "--server"),
    (("--server", "hv01", "--from-clixml", "f.xml"), "not both"),
    (("--server", "hv01", "--auth", "basic"), "Basic"),
    (("--server", "hv01", "--timeout", "0"), "--timeout"),
    (("--server", "hv01", "--max-parallel", "0"), "--max-parallel"),
    (("--server", "https://hv01", "--insecure", "--ca-file", "x"), "contradict"),
    (("--server", "user@hv01"), "user name"),
    (("--server", "hv01", "--columns", "Nope"), "Nope"),
])
def test_invalid_requests(args, words):
    with pytest.raises(UsageError) as caught:
        _request(*args)
    assert words in str(caught.value)
