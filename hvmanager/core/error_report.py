"""What one typed error says to a user: a stable kind, a message and a hint."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.domain.message import Message
from hvmanager.hyperv.powershell_error_kind import PowerShellErrorKind
from hvmanager.remoting.errors import PowerShellError, RemotingError

# Kinds whose host text explains more than our generic words ("'X' failed to start.").
_HOST_TEXT_MATTERS = (PowerShellErrorKind.OPERATION_FAILED, PowerShellErrorKind.OUT_OF_MEMORY,
                      PowerShellErrorKind.OTHER)
# Joins translated parts; an empty context is never translated itself.
_WITH_DETAIL = Message("", "{what} ({detail})")


@dataclass(frozen=True)
class ErrorReport:
    """``kind`` is ``RemotingError.kind``, or for PowerShell errors the id prefix
    (``InvalidState``, ``OutOfMemory``...); ``detail`` is the host's own text.

    ``message`` and ``hint`` are English; ``text`` and ``hint_text`` are the same as
    translatable ``Message``s (None for a report built from plain strings: show those).
    """

    kind: str
    message: str
    hint: str = ""
    detail: str = ""
    text: Message | None = None
    hint_text: Message | None = None

    @classmethod
    def of(cls, error: RemotingError) -> "ErrorReport":
        """Describe ``error`` (PowerShell errors by their FullyQualifiedErrorId prefix)."""
        if isinstance(error, PowerShellError):
            kind = PowerShellErrorKind.of(error)
            detail = error.message
            if kind is PowerShellErrorKind.OTHER:
                text = error.text if detail else kind.text
                return cls("powershell", str(text), kind.hint, detail, text, kind.hint_text)
            text = kind.text
            if kind in _HOST_TEXT_MATTERS and detail and detail != kind.message:
                text = _WITH_DETAIL.format(what=kind.text, detail=error.text)
            return cls(kind.prefix, str(text), kind.hint, detail, text, kind.hint_text)
        return cls(error.kind, error.message, error.hint, error.message, error.text, error.hint_text)

    def one_line(self) -> str:
        """``message (hint)`` on one line, for a status bar or stderr."""
        text = " ".join(self.message.split())
        hint = " ".join(self.hint.split())
        return f"{text} ({hint})" if hint else text

    def one_line_text(self) -> Message:
        """``one_line()`` as a translatable ``Message`` (the host's own texts folded to one line)."""
        text = _one_line(self.text) if self.text is not None else Message.verbatim(" ".join(self.message.split()))
        hint = _one_line(self.hint_text) if self.hint_text is not None else Message.verbatim(" ".join(self.hint.split()))
        if not str(hint):
            return text
        return _WITH_DETAIL.format(what=text, detail=hint)


def _one_line(message: Message) -> Message:
    # Host texts may span lines; ours never do. Only verbatim texts need folding.
    return Message.verbatim(" ".join(str(message).split())) if message.is_verbatim else message
