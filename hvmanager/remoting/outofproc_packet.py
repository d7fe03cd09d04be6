"""One packet of the out-of-process PowerShell transport, as read from the child's stdout."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Packet:
    """One packet from the child: its tag, the pool or pipeline it is for, and any data."""

    kind: str
    guid: uuid.UUID
    stream: str = "Default"
    data: bytes = b""
