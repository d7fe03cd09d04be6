"""One line of the PowerShell log pane: what ran where, how long, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CommandLogEntry:
    """A pipeline the app ran, as the PowerShell text a user could type.

    ``host`` is the server's title, ``server_key`` its identity; ``summary`` says
    "25 objects" or the error message; ``ok`` is False when the pipeline raised or
    wrote error records.
    """

    server_key: str
    host: str
    powershell: str
    started: datetime
    duration_s: float
    ok: bool
    summary: str = ""
