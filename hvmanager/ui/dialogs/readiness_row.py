"""One line of the Host Readiness dialog."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.ui.dialogs.readiness_verdict import ReadinessVerdict


@dataclass(frozen=True)
class ReadinessRow:
    """A check as the dialog shows it: what, the answer, why it matters, the PowerShell."""

    key: str
    title: str
    result: str
    verdict: ReadinessVerdict
    explanation: str
    powershell: str
