"""Map what the HTTP, TLS, authentication and PSRP libraries raise to typed ``RemotingError``s.

One place decides what a user reads when a host cannot be reached, so the WinRM and the
out-of-process sessions word the same situation the same way.
"""

from __future__ import annotations

import binascii
import struct
from xml.etree.ElementTree import ParseError

import requests
from pypsrp.exceptions import AuthenticationError, WinRMError, WinRMTransportError, WSManFaultError
from spnego.exceptions import SpnegoError

from hvmanager.remoting.configuration_error import ConfigurationError
from hvmanager.remoting.errors import (
    AccessDenied,
    AuthenticationFailed,
    CertificateInvalid,
    ConnectTimeout,
    HostUnreachable,
    ProtocolError,
    RemotingError,
)

HINT_UNREACHABLE = ("Check the name, that the host is on, and that WinRM listens: "
                    "run Enable-PSRemoting on the host.")
HINT_AUTH = ("Check the user name and password. On a workgroup host write the user as HOST\\user or "
             ".\\user; for workgroup hosts over HTTP add the host to TrustedHosts, or use HTTPS.")
HINT_ACCESS = "Use an account in the host's Administrators or Hyper-V Administrators group."
HINT_TIMEOUT = "Check that the host is on and not overloaded, or raise the timeout."
HINT_CA_FILE = "Choose the CA file again in the server's connection settings."
HINT_PROTOCOL = "Check that the address and port point at a WinRM listener and not at another service."
_HINT_CERTIFICATE = {
    "expired": "Renew the host's WinRM HTTPS certificate.",
    "name": "Connect with the name the certificate was issued to, or reissue the certificate.",
    "untrusted": ("Import the issuing CA on this computer, choose its CA file, or for a lab host "
                  "explicitly turn off certificate validation for this server."),
}
# WinRM answers ERROR_ACCESS_DENIED (5) as the fault code when the account is not allowed.
_ACCESS_DENIED_CODES = {5, "5"}
# Errors raised while decoding a garbled answer.
_GARBLE = (ParseError, binascii.Error, struct.error, UnicodeDecodeError, ValueError, KeyError, IndexError,
           RecursionError)  # objects nested thousands deep


def classify(error: BaseException, host: str, timeout_s: float | None = None) -> RemotingError:
    """Return the typed error that explains ``error`` to a user."""
    if isinstance(error, RemotingError):
        return error
    if isinstance(error, requests.exceptions.SSLError):
        return certificate_error(str(error), host)
    if isinstance(error, OSError) and "CA certificate bundle" in str(error):
        # requests checks the CA file at each new connection (it was moved or deleted).
        path = str(error).rpartition("invalid path: ")[2] or str(error)
        return ConfigurationError(f"The CA file for {host} cannot be read: {path} (not found).",
                                  HINT_CA_FILE, host)
    if isinstance(error, (requests.exceptions.Timeout, TimeoutError)):
        limit = f" within {timeout_s:g} s" if timeout_s else " in time"
        return ConnectTimeout(f"{host} did not answer{limit}.", HINT_TIMEOUT, host)
    if isinstance(error, requests.exceptions.ConnectionError):
        return _connection_error(error, host)
    if isinstance(error, (AuthenticationError, SpnegoError)):
        return AuthenticationFailed(f"{host} rejected the credentials.", HINT_AUTH, host)
    if isinstance(error, WSManFaultError):
        return _fault_error(error, host)
    if isinstance(error, WinRMTransportError):
        text = str(error.response_text or "")
        if "access is denied" in text.lower():
            return AccessDenied(f"{host} denied access.", HINT_ACCESS, host)
        return ProtocolError(f"{host} answered HTTP {error.code} with something that is not WS-Management.",
                             HINT_PROTOCOL, host)
    if isinstance(error, ConnectionError):
        return HostUnreachable(f"{host} dropped the connection ({error}).", HINT_UNREACHABLE, host)
    if isinstance(error, (WinRMError,) + _GARBLE):
        return ProtocolError(f"{host} answered with something that is not valid PowerShell Remoting "
                             f"({type(error).__name__}: {error}).", HINT_PROTOCOL, host)
    return ProtocolError(f"Talking to {host} failed unexpectedly ({type(error).__name__}: {error}).",
                         HINT_PROTOCOL, host)


def certificate_error(text: str, host: str) -> CertificateInvalid:
    """Say which certificate problem the TLS library reported, when it tells."""
    lowered = text.lower()
    if "expired" in lowered:
        why = "expired"
        message = f"The HTTPS certificate of {host} has expired."
    elif "hostname mismatch" in lowered or "doesn't match" in lowered or "not valid for" in lowered \
            or "ip address mismatch" in lowered:
        why = "name"
        message = f"The HTTPS certificate of {host} was issued to another name."
    else:
        why = "untrusted"
        message = f"The HTTPS certificate of {host} is not trusted (self-signed or from an unknown CA)."
    return CertificateInvalid(message, _HINT_CERTIFICATE[why], host, reason=why)


def _connection_error(error: requests.exceptions.ConnectionError, host: str) -> RemotingError:
    text = str(error)
    lowered = text.lower()
    if "certificate" in lowered and "verify" in lowered:
        return certificate_error(text, host)
    if "refused" in lowered:
        detail = "refused the connection"
    elif "name or service not known" in lowered or "nodename nor servname" in lowered \
            or "getaddrinfo" in lowered or "name resolution" in lowered or "no address" in lowered:
        return HostUnreachable(f"The name {host} could not be resolved.", HINT_UNREACHABLE, host)
    elif "timed out" in lowered:
        return ConnectTimeout(f"{host} did not answer in time.", HINT_TIMEOUT, host)
    elif "reset" in lowered or "aborted" in lowered or "remotedisconnected" in lowered \
            or "closed connection" in lowered:
        detail = "dropped the connection"
    else:
        detail = "could not be reached"
    return HostUnreachable(f"{host} {detail}.", HINT_UNREACHABLE, host)


def _fault_error(error: WSManFaultError, host: str) -> RemotingError:
    reason = str(error.reason or "")
    if error.code in _ACCESS_DENIED_CODES or "access is denied" in reason.lower():
        return AccessDenied(f"{host} denied access.", HINT_ACCESS, host)
    return ProtocolError(f"{host} refused the request: {reason or error.message}", HINT_PROTOCOL, host)
