"""The Qt models one main window shows, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WindowModels:
    """``table`` (VmTableModel), ``proxy`` (VmFilterProxyModel over it), ``tree``
    (ServerTreeModel), ``log`` (CommandLogModel) and ``checkpoints`` (CheckpointTreeModel)."""

    table: Any
    proxy: Any
    tree: Any
    log: Any
    checkpoints: Any
