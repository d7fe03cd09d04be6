"""One line of the PowerShell log pane: what ran where, how long, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hvmanager.domain.message import Message


@dataclass(frozen=True)
class CommandLogEntry:
    """A pipeline the app ran, as the PowerShell text a user could type.

    ``host`` is the server's title, ``server_key`` its identity; ``summary`` says
    "25 objects" or the error message; ``ok`` is False when the pipeline raised or
    wrote error records. ``summary_text`` is the summary as a translatable ``Message``
    (None when the entry was made with a plain string: the UI then shows ``summary``).
    """

    server_key: str
    host: str
    powershell: str
    started: datetime
    duration_s: float
    ok: bool
    summary: str = ""
    summary_text: Message | None = None
