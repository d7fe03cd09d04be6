"""The states of one host session (an explicit state machine, as virt-manager's connection)."""

from __future__ import annotations

import enum


class HostState(enum.Enum):
    """Where a ``HostSession`` is.

    DISCONNECTED -> CONNECTING -> CONNECTED <-> REFRESHING; any of them -> ERROR (with a
    kind) or SERVICE_STOPPED (vmms not running: the host answers, Hyper-V does not).
    ERROR and SERVICE_STOPPED go back to CONNECTING/REFRESHING on the next attempt. A
    periodic (unrequested) refresh shows REFRESHING only when it runs long (see
    ``HostSession``): quick ones go from CONNECTED, or the error, straight to their result.
    """

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    REFRESHING = "refreshing"
    ERROR = "error"
    SERVICE_STOPPED = "service_stopped"

    @property
    def is_usable(self) -> bool:
        """True when the host's VMs are current enough to act on."""
        return self in (HostState.CONNECTED, HostState.REFRESHING)
