"""What the socket, TLS, spnego, psrpcore and channel errors of a WinRM session mean to a user.

Each raw error maps to one situation, and every situation's words come from the builders
in ``transport_errors`` (shared with the other transports), never from here.
"""

from __future__ import annotations

import binascii
import socket
import ssl
import struct
from xml.etree.ElementTree import ParseError

from psrpcore import PSRPCoreError
from spnego.exceptions import SpnegoError

from hvmanager.remoting import transport_errors
from hvmanager.remoting.errors import RemotingError
from hvmanager.remoting.winrm.authenticator import AuthRejected
from hvmanager.remoting.winrm.http_connection import ConnectionClosed, HttpProtocolViolation, ResponseTooLarge
from hvmanager.remoting.winrm.message_sealer import SealError
from hvmanager.remoting.winrm.reply_parser import DocumentTypeRefused, MalformedReply
from hvmanager.remoting.winrm.wire_errors import FaultReceived, HttpStatusError

# WinRM answers ERROR_ACCESS_DENIED (5) as the fault code when the account is not allowed.
_ACCESS_DENIED = 5
# Raised while decoding a garbled answer (objects nested thousands deep: RecursionError).
_GARBLE = (MalformedReply, SealError, HttpProtocolViolation, PSRPCoreError, ParseError, binascii.Error,
           struct.error, UnicodeDecodeError, ValueError, KeyError, IndexError, AttributeError, TypeError,
           RecursionError)


class ErrorClassifier:
    """Turns what one session's transport raised into the typed ``RemotingError``."""

    def __init__(self, host: str, max_bytes: int) -> None:
        self._host = host
        self._max_bytes = max_bytes

    def classify(self, error: BaseException, timeout_s: float | None = None) -> RemotingError:
        """The error a user reads for ``error``."""
        host = self._host
        if isinstance(error, RemotingError):
            return error
        if isinstance(error, ssl.SSLCertVerificationError):
            return transport_errors.certificate_error(str(error.verify_message or error), host)
        if isinstance(error, ssl.SSLError):
            return transport_errors.unexpected_failure(host, error)
        if isinstance(error, TimeoutError):
            return transport_errors.timed_out(host, timeout_s)
        if isinstance(error, ConnectionRefusedError):
            return transport_errors.connection_refused(host)
        if isinstance(error, socket.gaierror):
            return transport_errors.name_not_resolved(host)
        if isinstance(error, (ConnectionClosed, ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
            return transport_errors.connection_dropped(host)
        if isinstance(error, OSError):
            return transport_errors.host_unreachable(host)
        if isinstance(error, (AuthRejected, SpnegoError)):
            return transport_errors.credentials_rejected(host)
        if isinstance(error, FaultReceived):
            reason = error.fault.reason
            if error.fault.code == _ACCESS_DENIED or "access is denied" in reason.lower():
                return transport_errors.access_denied(host)
            return transport_errors.request_refused(host, reason or error.fault.subcode)
        if isinstance(error, HttpStatusError):
            return transport_errors.not_wsman(host, error.status)
        if isinstance(error, ResponseTooLarge):
            return transport_errors.answer_too_large(host, self._max_bytes)
        if isinstance(error, DocumentTypeRefused):
            return transport_errors.document_type_refused(host)
        if isinstance(error, _GARBLE):
            return transport_errors.garbled_answer(host, f"{type(error).__name__}: {error}")
        return transport_errors.unexpected_failure(host, error)
