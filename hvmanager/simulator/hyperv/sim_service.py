"""A Windows service on the simulated host (vmms, vmcompute, WinRM, ...)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SimService:
    """A service's identity and state; ``pending_until`` times a Start/StopPending."""

    name: str
    start_type: str = "Automatic"
    running: bool = True
    service_type: str = "Win32OwnProcess"
    can_stop: bool = True
    #: The state the service moves to while ``pending_until`` lies in the future.
    pending: str | None = None
    pending_until: float = 0.0
    depends_on: tuple[str, ...] = ()

    def status(self, now: float) -> str:
        """A ServiceControllerStatus name."""
        if self.pending is not None and now >= self.pending_until:
            self.running = self.pending == "StartPending"
            self.pending = None
        if self.pending is not None:
            return self.pending
        return "Running" if self.running else "Stopped"

    def is_running(self, now: float) -> bool:
        """True when the service answers (Running, or still running while it stops)."""
        return self.status(now) in ("Running", "StopPending")
