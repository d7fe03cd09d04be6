"""What one pipeline run returned."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.record import Record


@dataclass(frozen=True)
class Result:
    """Output records and error records of one pipeline, plus timing."""

    records: tuple[Record, ...] = ()
    errors: tuple[ErrorInfo, ...] = ()
    duration_s: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the error stream stayed empty."""
        return not self.errors
