"""One checkpoint (snapshot) of a simulated VM."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class SimCheckpoint:
    """A node of a VM's checkpoint tree; ``parent_id`` is None for the root."""

    checkpoint_id: uuid.UUID
    name: str
    parent_id: uuid.UUID | None
    creation_time: datetime.datetime
    is_automatic: bool = False
    #: "Standard" or "Recovery"/"Planned"... as the SnapshotType enum names it.
    snapshot_type: str = "Standard"
    #: The VM state captured (a checkpoint of a running VM holds its memory: "Running").
    captured_state: str = "Off"
