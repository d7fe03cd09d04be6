"""The words of every user-facing transport error, one builder per situation.

One place decides what a user reads when a host cannot be reached, so every transport
words the same situation the same way: each situation has one builder function here
(``connection_refused``, ``timed_out``, ``credentials_rejected``...) that returns the typed
error with a translatable ``Message`` text and hint (context "RemotingErrors"). Transports
build their user-facing errors by calling these, never with their own English literals.
Mapping a library's exceptions onto these lives with the transport that raises them
(``winrm/error_classifier.py``, ``pypsrp_errors.py``), so this module imports no HTTP or
remoting library and costs nothing at start-up.
"""

from __future__ import annotations

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.remoting.configuration_error import ConfigurationError
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.errors import (
    AccessDenied,
    AuthenticationFailed,
    CertificateInvalid,
    ConnectTimeout,
    HostUnreachable,
    ProtocolError,
)

HINT_UNREACHABLE = QT_TRANSLATE_NOOP(
    "RemotingErrors",
    "Check the name, that the host is on, and that WinRM listens: run Enable-PSRemoting on the host.")
HINT_AUTH = QT_TRANSLATE_NOOP(
    "RemotingErrors",
    "Check the user name and password. On a workgroup host write the user as HOST\\user or "
    ".\\user; for workgroup hosts over HTTP add the host to TrustedHosts, or use HTTPS.")
HINT_ACCESS = QT_TRANSLATE_NOOP(
    "RemotingErrors", "Use an account in the host's Administrators or Hyper-V Administrators group.")
HINT_TIMEOUT = QT_TRANSLATE_NOOP(
    "RemotingErrors", "Check that the host is on and not overloaded, or raise the timeout.")
HINT_CA_FILE = QT_TRANSLATE_NOOP(
    "RemotingErrors", "Choose the CA file again in the server's connection settings.")
HINT_PROTOCOL = QT_TRANSLATE_NOOP(
    "RemotingErrors", "Check that the address and port point at a WinRM listener and not at another service.")
_NO_REASON = QT_TRANSLATE_NOOP("RemotingErrors", "no reason given")
_CLOSED = QT_TRANSLATE_NOOP("RemotingErrors", "The session to {host} is closed.")
_CLOSED_WHILE_RUNNING = QT_TRANSLATE_NOOP("RemotingErrors",
                                          "The session to {host} was closed while the command ran.")
_HINT_CONNECT = QT_TRANSLATE_NOOP("RemotingErrors", "Connect again.")
HINT_CERTIFICATE_EXPIRED = QT_TRANSLATE_NOOP("RemotingErrors", "Renew the host's WinRM HTTPS certificate.")
HINT_CERTIFICATE_NAME = QT_TRANSLATE_NOOP(
    "RemotingErrors", "Connect with the name the certificate was issued to, or reissue the certificate.")
HINT_CERTIFICATE_UNTRUSTED = QT_TRANSLATE_NOOP(
    "RemotingErrors",
    "Import the issuing CA on this computer, choose its CA file, or for a lab host "
    "explicitly turn off certificate validation for this server.")


def certificate_error(text: str, host: str) -> CertificateInvalid:
    """Say which certificate problem the TLS library reported, when it tells."""
    lowered = text.lower()
    if "expired" in lowered:
        return certificate_expired(host)
    if "hostname mismatch" in lowered or "doesn't match" in lowered or "not valid for" in lowered \
            or "ip address mismatch" in lowered:
        return certificate_name_mismatch(host)
    return certificate_untrusted(host)


# One builder per situation a user can meet. The returned errors carry the English text
# in ``message``/``hint`` and the translatable ``text``/``hint_text``.

def host_unreachable(host: str) -> HostUnreachable:
    """The host could not be reached (no answer that says more)."""
    return HostUnreachable(QT_TRANSLATE_NOOP("RemotingErrors", "{host} could not be reached.").format(host=host),
                           HINT_UNREACHABLE, host)


def connection_refused(host: str) -> HostUnreachable:
    """The host refused the TCP connection (nothing listens on the port)."""
    return HostUnreachable(QT_TRANSLATE_NOOP("RemotingErrors", "{host} refused the connection.").format(host=host),
                           HINT_UNREACHABLE, host)


def connection_dropped(host: str, detail: str = "") -> HostUnreachable:
    """The host closed or reset the connection; ``detail`` is the library's own text, if any."""
    if detail:
        text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} dropped the connection ({detail}).")
        return HostUnreachable(text.format(host=host, detail=detail), HINT_UNREACHABLE, host)
    text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} dropped the connection.")
    return HostUnreachable(text.format(host=host), HINT_UNREACHABLE, host)


def name_not_resolved(host: str) -> HostUnreachable:
    """The host name does not resolve (DNS)."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "The name {host} could not be resolved.")
    return HostUnreachable(text.format(host=host), HINT_UNREACHABLE, host)


def stopped_after_timeout(host: str, timeout_s: float | None) -> ConnectTimeout:
    """The host ran our pipeline past the call's timeout, and it was stopped there."""
    text = QT_TRANSLATE_NOOP("RemotingErrors",
                             "The command on {host} did not finish within {seconds:g} s and was stopped.")
    return ConnectTimeout(text.format(host=host, seconds=timeout_s), HINT_TIMEOUT, host)


def timed_out(host: str, timeout_s: float | None = None) -> ConnectTimeout:
    """The host did not answer within ``timeout_s`` seconds (or in time, when unknown)."""
    if timeout_s:
        text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} did not answer within {seconds:g} s.")
        return ConnectTimeout(text.format(host=host, seconds=timeout_s), HINT_TIMEOUT, host)
    text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} did not answer in time.")
    return ConnectTimeout(text.format(host=host), HINT_TIMEOUT, host)


def credentials_rejected(host: str) -> AuthenticationFailed:
    """The host rejected the user name or password (HTTP 401, failed NTLM/Kerberos/Basic)."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} rejected the credentials.")
    return AuthenticationFailed(text.format(host=host), HINT_AUTH, host)


def access_denied(host: str) -> AccessDenied:
    """Authenticated, but the account may not use PowerShell Remoting or Hyper-V there."""
    return AccessDenied(QT_TRANSLATE_NOOP("RemotingErrors", "{host} denied access.").format(host=host),
                        HINT_ACCESS, host)


def certificate_expired(host: str) -> CertificateInvalid:
    """The host's HTTPS certificate has expired."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "The HTTPS certificate of {host} has expired.")
    return CertificateInvalid(text.format(host=host), HINT_CERTIFICATE_EXPIRED, host, reason="expired")


def certificate_name_mismatch(host: str) -> CertificateInvalid:
    """The host's HTTPS certificate was issued to another name."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "The HTTPS certificate of {host} was issued to another name.")
    return CertificateInvalid(text.format(host=host), HINT_CERTIFICATE_NAME, host, reason="name")


def certificate_untrusted(host: str) -> CertificateInvalid:
    """The host's HTTPS certificate does not chain to a trusted CA."""
    text = QT_TRANSLATE_NOOP(
        "RemotingErrors", "The HTTPS certificate of {host} is not trusted (self-signed or from an unknown CA).")
    return CertificateInvalid(text.format(host=host), HINT_CERTIFICATE_UNTRUSTED, host, reason="untrusted")


def not_wsman(host: str, http_code: int | str) -> ProtocolError:
    """The host answered an HTTP status with a body that is not WS-Management."""
    text = QT_TRANSLATE_NOOP("RemotingErrors",
                             "{host} answered HTTP {code} with something that is not WS-Management.")
    return ProtocolError(text.format(host=host, code=http_code), HINT_PROTOCOL, host)


def request_refused(host: str, reason: str) -> ProtocolError:
    """The host's WinRM service answered a fault; ``reason`` is its own text."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} refused the request: {reason}")
    return ProtocolError(text.format(host=host, reason=reason), HINT_PROTOCOL, host)


def garbled_answer(host: str, detail: str) -> ProtocolError:
    """The answer could not be decoded as PowerShell Remoting; ``detail`` names the decode error."""
    text = QT_TRANSLATE_NOOP("RemotingErrors",
                             "{host} answered with something that is not valid PowerShell Remoting ({detail}).")
    return ProtocolError(text.format(host=host, detail=detail), HINT_PROTOCOL, host)


def unexpected_failure(host: str, error: BaseException) -> ProtocolError:
    """Anything else a library raised while talking to the host."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "Talking to {host} failed unexpectedly ({detail}).")
    return ProtocolError(text.format(host=host, detail=f"{type(error).__name__}: {error}"), HINT_PROTOCOL, host)


def runspace_not_opened(host: str) -> ProtocolError:
    """The host answered, but no PowerShell runspace came up."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} did not open a PowerShell runspace.")
    return ProtocolError(text.format(host=host), HINT_PROTOCOL, host)


def ca_file_unreadable(host: str, path: str, why: str) -> ConfigurationError:
    """The CA file chosen for ``host`` cannot be read; ``why`` is the system's reason."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "The CA file for {host} cannot be read: {path} ({why}).")
    return ConfigurationError(text.format(host=host, path=path, why=why), HINT_CA_FILE, host)


def unsupported_transport(host: str, transport: str) -> ConfigurationError:
    """A WinRM session was asked for a transport other than http or https."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "WinRM sessions use http or https, not {transport}.")
    hint = QT_TRANSLATE_NOOP("RemotingErrors", "Use the local session for the local computer.")
    return ConfigurationError(text.format(transport=repr(transport)), hint, host)


def basic_over_http(host: str) -> ConfigurationError:
    """Basic authentication was chosen without HTTPS (the password would travel readable)."""
    text = QT_TRANSLATE_NOOP("RemotingErrors",
                             "Basic authentication over HTTP would send the password readable on the network.")
    hint = QT_TRANSLATE_NOOP("RemotingErrors",
                             "Use HTTPS for Basic, or Negotiate/NTLM/Kerberos over HTTP (with message encryption).")
    return ConfigurationError(text, hint, host)


def basic_needs_credentials(host: str) -> ConfigurationError:
    """Basic authentication was chosen without a user name or password."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "Basic authentication needs a user name and a password.")
    return ConfigurationError(text, "", host)


def credssp_unavailable(host: str) -> ConfigurationError:
    """CredSSP was chosen but its package is not installed."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "CredSSP needs the requests-credssp package, which is not installed.")
    hint = QT_TRANSLATE_NOOP("RemotingErrors", "Install requests-credssp, or use Negotiate or Kerberos.")
    return ConfigurationError(text, hint, host)


# --- Builders for the answer guards of both WinRM transports (GuardedTransport for pypsrp,
# winrm_session.py on psrpcore), so both word these situations alike.

_MIB = 1024 * 1024


def answer_too_large(host: str, max_bytes: int) -> ProtocolError:
    """The host's answers to one command passed the byte cap (``ConnectionInfo.max_response_bytes``)."""
    hint = QT_TRANSLATE_NOOP("RemotingErrors",
                             "The host may be misbehaving or hostile; check what answers on this address and port.")
    if max_bytes % _MIB == 0:
        text = QT_TRANSLATE_NOOP("RemotingErrors",
                                 "{host} sent more than {size} MiB for one command; the answer was refused.")
        return ProtocolError(text.format(host=host, size=max_bytes // _MIB), hint, host)
    text = QT_TRANSLATE_NOOP("RemotingErrors",
                             "{host} sent more than {size:,} bytes for one command; the answer was refused.")
    return ProtocolError(text.format(host=host, size=max_bytes), hint, host)


def document_type_refused(host: str) -> ProtocolError:
    """The host's envelope carried a document type declaration (refused before parsing)."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} sent a document type declaration, which "
                             "WS-Management forbids; the answer was refused.")
    return ProtocolError(text.format(host=host), HINT_PROTOCOL, host)


def no_reason_given(reason: object | None) -> str | Message:
    """The host's own reason text, or a translatable "no reason given" when it sent none."""
    return str(reason) if reason is not None else _NO_REASON


def runspace_broken(host: str, reason: object | None) -> HostUnreachable:
    """The host reported the runspace pool Broken, with its own ``reason`` or none."""
    text = QT_TRANSLATE_NOOP("RemotingErrors", "{host} broke the PowerShell runspace ({why}).")
    return HostUnreachable(text.format(host=host, why=no_reason_given(reason)), HINT_UNREACHABLE, host)


def session_closed(host: str, while_running: bool = False) -> HostUnreachable:
    """A call on a session (or a host's commands) after it was closed, or a call whose
    session was closed while the host ran it."""
    text = _CLOSED_WHILE_RUNNING if while_running else _CLOSED
    return HostUnreachable(text.format(host=host), _HINT_CONNECT, host)


def refuse_unsafe_winrm(info: ConnectionInfo) -> None:
    """Raise the ``ConfigurationError`` for a WinRM description that must not go on the wire
    (not HTTP or HTTPS, Basic over HTTP, Basic without credentials): one rule for both
    WinRM sessions."""
    if info.transport not in ("http", "https"):
        raise unsupported_transport(info.address, info.transport)
    if info.auth == "basic" and info.transport != "https":
        raise basic_over_http(info.address)
    if info.auth == "basic" and (not info.user or info.password is None):
        raise basic_needs_credentials(info.address)
