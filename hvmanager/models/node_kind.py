"""What a node of the server tree stands for."""

from __future__ import annotations

import enum


class NodeKind(enum.Enum):
    """Root ("Hyper-V Manager"), the "All servers" view, or one server."""

    ROOT = "root"
    ALL_SERVERS = "all_servers"
    SERVER = "server"
