"""What one typed error says to a user: a stable kind, a message and a hint."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.hyperv.powershell_error_kind import PowerShellErrorKind
from hvmanager.remoting.errors import PowerShellError, RemotingError

# Kinds whose host text explains more than our generic words ("'X' failed to start.").
_HOST_TEXT_MATTERS = (PowerShellErrorKind.OPERATION_FAILED, PowerShellErrorKind.OUT_OF_MEMORY,
                      PowerShellErrorKind.OTHER)


@dataclass(frozen=True)
class ErrorReport:
    """``kind`` is ``RemotingError.kind``, or for PowerShell errors the id prefix
    (``InvalidState``, ``OutOfMemory``...); ``detail`` is the host's own text."""

    kind: str
    message: str
    hint: str = ""
    detail: str = ""

    @classmethod
    def of(cls, error: RemotingError) -> "ErrorReport":
        """Describe ``error`` (PowerShell errors by their FullyQualifiedErrorId prefix)."""
        if isinstance(error, PowerShellError):
            kind = PowerShellErrorKind.of(error)
            detail = error.message
            if kind is PowerShellErrorKind.OTHER:
                return cls("powershell", detail or kind.message, kind.hint, detail)
            message = kind.message
            if kind in _HOST_TEXT_MATTERS and detail and detail != message:
                message = f"{message} ({detail})"
            return cls(kind.prefix, message, kind.hint, detail)
        return cls(error.kind, error.message, error.hint, error.message)

    def one_line(self) -> str:
        """``message (hint)`` on one line, for a status bar or stderr."""
        text = " ".join(self.message.split())
        hint = " ".join(self.hint.split())
        return f"{text} ({hint})" if hint else text
