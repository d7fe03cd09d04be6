import socket
import ssl

import requests
from pypsrp.exceptions import AuthenticationError, WinRMTransportError, WSManFaultError

from hvmanager.remoting.errors import (
    AccessDenied,
    AuthenticationFailed,
    CertificateInvalid,
    ConnectTimeout,
    HostUnreachable,
    ProtocolError,
)
from hvmanager.remoting.pypsrp_errors import classify


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_real_refused_connection_is_unreachable_with_the_enable_psremoting_hint():
    try:
        requests.post(f"http://127.0.0.1:{_closed_port()}/wsman", timeout=2)
    except requests.exceptions.ConnectionError as error:
        mapped = classify(error, "hv1")
    assert isinstance(mapped, HostUnreachable)
    assert "refused" in mapped.message
    assert "Enable-PSRemoting" in mapped.hint
    assert mapped.host == "hv1"


def test_timeouts_and_authentication():
    assert isinstance(classify(requests.exceptions.ReadTimeout("read timed out"), "hv1", 5), ConnectTimeout)
    assert "5 s" in classify(requests.exceptions.ConnectTimeout("x"), "hv1", 5).message
    auth = classify(AuthenticationError("Failed to authenticate the user u with ntlm"), "hv1")
    assert isinstance(auth, AuthenticationFailed)
    assert "HOST\\user" in auth.hint and "TrustedHosts" in auth.hint


def test_certificate_errors_say_which_problem():
    def mapped(text):
        return classify(requests.exceptions.SSLError(ssl.SSLCertVerificationError(1, text)), "hv1")

    expired = mapped("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired")
    untrusted = mapped("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate")
    name = mapped("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, "
                  "certificate is not valid for 'hv1'.")
    assert all(isinstance(e, CertificateInvalid) for e in (expired, untrusted, name))
    assert (expired.reason, untrusted.reason, name.reason) == ("expired", "untrusted", "name")
    assert "expired" in expired.message and "another name" in name.message and "not trusted" in untrusted.message


def test_protocol_garbage_and_access_denied():
    assert isinstance(classify(WinRMTransportError("http", 500, "<html>oops</html>"), "hv1"), ProtocolError)
    assert isinstance(classify(WinRMTransportError("http", 500, "Access is denied."), "hv1"), AccessDenied)
    fault = WSManFaultError(5, "hv1", "Access is denied.", None, None, None)
    assert isinstance(classify(fault, "hv1"), AccessDenied)
    other = WSManFaultError(2150858843, "hv1", "The shell was not found.", None, None, None)
    assert isinstance(classify(other, "hv1"), ProtocolError)
    from xml.etree.ElementTree import ParseError
    assert isinstance(classify(ParseError("not well-formed"), "hv1"), ProtocolError)


def test_every_builder_carries_a_translatable_text_and_hint_matching_its_english_strings():
    from hvmanager.remoting import transport_errors as te

    built = [te.host_unreachable("hv1"), te.connection_refused("hv1"), te.connection_dropped("hv1"),
             te.connection_dropped("hv1", "reset by peer"), te.name_not_resolved("hv1"),
             te.timed_out("hv1"), te.timed_out("hv1", 2.5), te.credentials_rejected("hv1"),
             te.access_denied("hv1"), te.certificate_expired("hv1"), te.certificate_name_mismatch("hv1"),
             te.certificate_untrusted("hv1"), te.not_wsman("hv1", 404), te.request_refused("hv1", "no shell"),
             te.garbled_answer("hv1", "ParseError: x"), te.unexpected_failure("hv1", RuntimeError("boom")),
             te.ca_file_unreadable("hv1", "/ca.pem", "not found"), te.runspace_not_opened("hv1")]
    for error in built:
        assert error.host == "hv1"
        assert error.text.context == "RemotingErrors" and not error.text.is_verbatim
        assert error.message == str(error.text) and "hv1" in error.message
        assert error.hint == str(error.hint_text) and error.hint
    assert te.timed_out("hv1", 2.5).message == "hv1 did not answer within 2.5 s."
    assert te.not_wsman("hv1", 404).message == "hv1 answered HTTP 404 with something that is not WS-Management."
    assert te.request_refused("hv1", "no shell").message == "hv1 refused the request: no shell"


def test_plain_string_errors_still_work_and_are_shown_verbatim():
    error = HostUnreachable("hv1 {odd} text", "Connect again.", "hv1")
    assert (error.message, error.hint, str(error)) == ("hv1 {odd} text", "Connect again.",
                                                       "hv1 {odd} text Connect again.")
    assert error.text.is_verbatim and error.hint_text.is_verbatim


def test_powershell_errors_translate_only_the_records_the_transports_made_up():
    from hvmanager.remoting.error_info import ErrorInfo
    from hvmanager.remoting.errors import PowerShellError

    error = PowerShellError([ErrorInfo("The command was stopped on the host."), ErrorInfo("Get-VM : {x} weg")])
    assert error.message == "The command was stopped on the host.; Get-VM : {x} weg"
    assert error.text.render(lambda context, source: source.upper()) == (
        "THE COMMAND WAS STOPPED ON THE HOST.; Get-VM : {x} weg")
    assert PowerShellError([]).message == PowerShellError([ErrorInfo("")]).message == "The command failed."
