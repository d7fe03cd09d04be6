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
from hvmanager.remoting.transport_errors import classify


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
