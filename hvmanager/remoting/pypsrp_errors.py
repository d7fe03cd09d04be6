"""Map what pypsrp, requests and pyspnego raise to the typed errors of ``transport_errors``.

Only the pypsrp session (Kerberos and CredSSP) needs it, so these libraries are imported
when that session is first made, not when the app starts.
"""

from __future__ import annotations

import binascii
import struct
from xml.etree.ElementTree import ParseError

import requests
from pypsrp.exceptions import AuthenticationError, WinRMError, WinRMTransportError, WSManFaultError
from spnego.exceptions import SpnegoError

from hvmanager.remoting.errors import RemotingError
from hvmanager.remoting.transport_errors import (
    access_denied,
    ca_file_unreadable,
    certificate_error,
    connection_dropped,
    connection_refused,
    credentials_rejected,
    garbled_answer,
    host_unreachable,
    name_not_resolved,
    not_wsman,
    request_refused,
    timed_out,
    unexpected_failure,
)

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
        return ca_file_unreadable(host, path, "not found")
    if isinstance(error, (requests.exceptions.Timeout, TimeoutError)):
        return timed_out(host, timeout_s)
    if isinstance(error, requests.exceptions.ConnectionError):
        return _connection_error(error, host)
    if isinstance(error, (AuthenticationError, SpnegoError)):
        return credentials_rejected(host)
    if isinstance(error, WSManFaultError):
        return _fault_error(error, host)
    if isinstance(error, WinRMTransportError):
        text = str(error.response_text or "")
        if "access is denied" in text.lower():
            return access_denied(host)
        return not_wsman(host, error.code)
    if isinstance(error, ConnectionError):
        return connection_dropped(host, str(error))
    if isinstance(error, (WinRMError,) + _GARBLE):
        return garbled_answer(host, f"{type(error).__name__}: {error}")
    return unexpected_failure(host, error)


def _connection_error(error: requests.exceptions.ConnectionError, host: str) -> RemotingError:
    text = str(error)
    lowered = text.lower()
    if "certificate" in lowered and "verify" in lowered:
        return certificate_error(text, host)
    if "refused" in lowered:
        return connection_refused(host)
    if "name or service not known" in lowered or "nodename nor servname" in lowered \
            or "getaddrinfo" in lowered or "name resolution" in lowered or "no address" in lowered:
        return name_not_resolved(host)
    if "timed out" in lowered:
        return timed_out(host)
    if "reset" in lowered or "aborted" in lowered or "remotedisconnected" in lowered \
            or "closed connection" in lowered:
        return connection_dropped(host)
    return host_unreachable(host)


def _fault_error(error: WSManFaultError, host: str) -> RemotingError:
    reason = str(error.reason or "")
    if error.code in _ACCESS_DENIED_CODES or "access is denied" in reason.lower():
        return access_denied(host)
    return request_refused(host, reason or str(error.message))
