"""Typed errors with one reporting path: each carries a user message and a hint.

This module deliberately holds the whole small hierarchy (one concept: "what went
wrong talking to a host") so callers can ``except RemotingError``.
"""

from __future__ import annotations

from hvmanager.remoting.error_info import ErrorInfo


class RemotingError(Exception):
    """Base of every error a host session reports.

    ``message`` says what happened in words a user understands, ``hint`` what to do.
    ``kind`` is a stable short identifier used by the UI and the CLI.
    """

    kind = "error"

    def __init__(self, message: str, hint: str = "", host: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.host = host

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class HostUnreachable(RemotingError):
    """The host refused or dropped the connection, or its name does not resolve."""

    kind = "unreachable"


class ConnectTimeout(RemotingError):
    """The host did not answer within the timeout."""

    kind = "timeout"


class AuthenticationFailed(RemotingError):
    """The host rejected the credentials (HTTP 401)."""

    kind = "auth"


class CertificateInvalid(RemotingError):
    """The HTTPS certificate did not validate.

    ``reason`` says why when the TLS error tells: ``"untrusted"``, ``"expired"`` or
    ``"name"`` (the certificate is for another host name); empty when unknown.
    """

    kind = "certificate"

    def __init__(self, message: str, hint: str = "", host: str = "", reason: str = "") -> None:
        super().__init__(message, hint, host)
        self.reason = reason


class AccessDenied(RemotingError):
    """Authenticated, but not allowed (not an administrator / Hyper-V Administrator)."""

    kind = "access"


class ProtocolError(RemotingError):
    """The host answered with something that is not valid WS-Management / PSRP."""

    kind = "protocol"


class HyperVServiceStopped(RemotingError):
    """The Virtual Machine Management service (vmms) is not running."""

    kind = "service_stopped"


class HyperVNotInstalled(RemotingError):
    """The host has no Hyper-V PowerShell module (the role or tools are missing)."""

    kind = "not_installed"


class PowerShellError(RemotingError):
    """A pipeline failed with one or more error records."""

    kind = "powershell"

    def __init__(self, records: tuple[ErrorInfo, ...] | list[ErrorInfo], hint: str = "", host: str = "") -> None:
        self.records = tuple(records)
        message = "; ".join(r.message for r in self.records) or "The command failed."
        super().__init__(message, hint, host)

    @property
    def fully_qualified_error_id(self) -> str:
        """The first record's FullyQualifiedErrorId."""
        return self.records[0].fully_qualified_error_id if self.records else ""
