"""How one readiness check came out."""

from __future__ import annotations

import enum


class ReadinessVerdict(enum.Enum):
    """How a check came out, for its colour and the overall message."""

    OK = "ok"
    PROBLEM = "problem"
    NOTE = "note"
    UNKNOWN = "unknown"
