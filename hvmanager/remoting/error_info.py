"""A neutral view of one PowerShell error record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorInfo:
    """One record of the error stream (or the reason a pipeline failed).

    ``fully_qualified_error_id`` is what errors are classified by, e.g.
    ``InvalidState,Microsoft.HyperV.PowerShell.Commands.StartVM``.
    """

    message: str
    fully_qualified_error_id: str = ""
    category: str = ""
    reason: str = ""
    target_name: str = ""
    exception_type: str = ""

    @property
    def error_kind(self) -> str:
        """The part of the id before the first comma (``InvalidState``)."""
        return self.fully_qualified_error_id.split(",", 1)[0]
