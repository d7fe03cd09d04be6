"""Typed errors with one reporting path: each carries a user message and a hint.

This module deliberately holds the whole small hierarchy (one concept: "what went
wrong talking to a host") so callers can ``except RemotingError``.
"""

from __future__ import annotations

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.remoting.error_info import ErrorInfo

_COMMAND_FAILED = QT_TRANSLATE_NOOP("RemotingErrors", "The command failed.")
# The records the transports make up themselves when the host gave no error text (the
# ErrorInfo contract holds plain strings): recognised here and translated like ours.
_FAILED_ON_HOST = QT_TRANSLATE_NOOP("RemotingErrors", "The command failed on the host.")
_STOPPED_ON_HOST = QT_TRANSLATE_NOOP("RemotingErrors", "The command was stopped on the host.")
#: The record text a transport uses when a pipeline failed without an error record.
FAILED_ON_HOST_TEXT = str(_FAILED_ON_HOST)
#: The record text a transport uses when the host stopped a pipeline.
STOPPED_ON_HOST_TEXT = str(_STOPPED_ON_HOST)
_OWN_RECORD_TEXTS = {str(text): text for text in (
    _COMMAND_FAILED,
    _FAILED_ON_HOST,
    QT_TRANSLATE_NOOP("RemotingErrors", "The command was stopped."),
    _STOPPED_ON_HOST,
)}


def _as_message(text: str | Message) -> Message:
    return text if isinstance(text, Message) else Message.verbatim(text)


class RemotingError(Exception):
    """Base of every error a host session reports.

    ``message`` says what happened in words a user understands, ``hint`` what to do; both
    are English strings. ``text`` and ``hint_text`` are the same as translatable
    ``Message``s (the UI shows them in its language). Either argument may be given as a
    ``Message`` or as a plain string, which is then shown as it is in every language.
    ``kind`` is a stable short identifier used by the UI and the CLI.
    """

    kind = "error"

    def __init__(self, message: str | Message, hint: str | Message = "", host: str = "") -> None:
        self.text = _as_message(message)
        self.hint_text = _as_message(hint)
        self.message = str(self.text)
        self.hint = str(self.hint_text)
        super().__init__(self.message)
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

    def __init__(self, message: str | Message, hint: str | Message = "", host: str = "",
                 reason: str = "") -> None:
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

    def __init__(self, records: tuple[ErrorInfo, ...] | list[ErrorInfo], hint: str | Message = "",
                 host: str = "") -> None:
        self.records = tuple(records)
        super().__init__(_records_text(self.records), hint, host)

    @property
    def fully_qualified_error_id(self) -> str:
        """The first record's FullyQualifiedErrorId."""
        return self.records[0].fully_qualified_error_id if self.records else ""


def _records_text(records: tuple[ErrorInfo, ...]) -> Message:
    """The records' messages joined by "; ": the host's own words (in the host's language)
    shown as they are, the transports' own placeholders translated."""
    if not any(r.message for r in records):
        return _COMMAND_FAILED
    parts = [_OWN_RECORD_TEXTS.get(r.message) or Message.verbatim(r.message) for r in records]
    if len(parts) == 1:
        return parts[0]
    # A composition with an empty context: only its parts are translated.
    template = "; ".join(f"{{part{index}}}" for index in range(len(parts)))
    return Message("", template).format(**{f"part{index}": part for index, part in enumerate(parts)})
