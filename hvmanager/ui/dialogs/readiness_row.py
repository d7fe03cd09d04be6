"""One line of the Host Readiness dialog."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Verdict(enum.Enum):
    """How a check came out, for its colour and the overall message."""

    OK = "ok"
    PROBLEM = "problem"
    NOTE = "note"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ReadinessRow:
    """A check as the dialog shows it: what, the answer, why it matters, the PowerShell."""

    key: str
    title: str
    result: str
    verdict: Verdict
    explanation: str
    powershell: str
