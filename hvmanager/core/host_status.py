"""What a host session tells its listener about itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hvmanager.core.host_state import HostState
from hvmanager.domain.message import Message


@dataclass(frozen=True)
class HostStatus:
    """A snapshot of one host session's state.

    ``error_kind`` is the ``RemotingError.kind`` of the last failure (``auth``,
    ``timeout``, ``certificate``, ``service_stopped``...), empty when healthy;
    ``message``/``hint`` are the user-facing texts of that error. ``last_refresh`` is the
    end of the last successful refresh (UTC), ``vm_count`` the VMs it returned.
    ``text``/``hint_text`` are ``message``/``hint`` as translatable ``Message``s (None when
    there is no error, or the status was made with plain strings: the UI shows those).
    """

    state: HostState = HostState.DISCONNECTED
    error_kind: str = ""
    message: str = ""
    hint: str = ""
    last_refresh: datetime | None = None
    refresh_duration_s: float | None = None
    vm_count: int = 0
    text: Message | None = None
    hint_text: Message | None = None

    @property
    def has_error(self) -> bool:
        """True in ERROR and SERVICE_STOPPED."""
        return self.state in (HostState.ERROR, HostState.SERVICE_STOPPED)
