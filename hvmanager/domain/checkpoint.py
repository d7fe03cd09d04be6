"""One checkpoint (snapshot) of a VM."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Checkpoint:
    """``Get-VMSnapshot`` output; ``parent_id`` None means a root of the tree."""

    checkpoint_id: uuid.UUID
    vm_id: uuid.UUID | None
    vm_name: str
    name: str
    parent_id: uuid.UUID | None = None
    parent_name: str | None = None
    creation_time: datetime | None = None
    snapshot_type: str | None = None
    is_automatic: bool | None = None
