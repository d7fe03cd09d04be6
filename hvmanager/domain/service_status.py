"""The status of one Windows service (vmms, vmcompute)."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.domain.service_start_type import ServiceStartType
from hvmanager.domain.service_state import ServiceState


@dataclass(frozen=True)
class ServiceStatus:
    """``Get-Service`` output. Key on ``name``: ``display_name`` is translated."""

    name: str
    display_name: str
    state: ServiceState
    start_type: ServiceStartType = ServiceStartType.UNKNOWN

    @property
    def running(self) -> bool:
        """True only when fully running."""
        return self.state is ServiceState.RUNNING
