"""One simulated virtual machine: its configuration and its time-driven state.

State is computed lazily from timestamps (no timer threads): a transition records the
transitional state shown meanwhile, the state it ends in and when; ``settle`` applies it
the first time anyone looks after that moment. All methods are called under the owning
``SimHost``'s lock.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from hvmanager.simulator.hyperv.enums import VMHeartbeatStatus, VMState
from hvmanager.simulator.hyperv.localisation import HEARTBEAT, KVP, SHUTDOWN
from hvmanager.simulator.hyperv.sim_checkpoint import SimCheckpoint
from hvmanager.simulator.hyperv.sim_disk import SimDisk
from hvmanager.simulator.hyperv.sim_network_adapter import SimNetworkAdapter
from hvmanager.simulator.hyperv.state_rules import MEMORY_STATES, StateRule

_MB = 1024 * 1024
#: States in which a booted guest answers (its integration components run).
_GUEST_STATES = frozenset({VMState.Running, VMState.Paused, VMState.Saving, VMState.Pausing,
                           VMState.Resuming, VMState.Stopping})
#: States in which the VM uses CPU.
_BUSY_STATES = frozenset({VMState.Running, VMState.Starting, VMState.Reset, VMState.Stopping,
                          VMState.Saving})


@dataclass
class _Transition:
    via: VMState
    target: VMState
    ends_at: float
    rule: StateRule
    came_from: VMState


@dataclass
class SimVM:
    """A VM's configuration (plain fields) plus its state machine."""

    vm_id: uuid.UUID
    name: str
    generation: int
    version: str
    processor_count: int
    memory_startup: int
    memory_minimum: int
    memory_maximum: int
    dynamic_memory: bool
    notes: str
    path: str
    creation_time: datetime.datetime
    disks: list[SimDisk]
    adapters: list[SimNetworkAdapter]
    ic_enabled: dict[str, bool]
    checkpoint_type: str = "Production"
    automatic_checkpoints: bool = True
    automatic_start_action: str = "StartIfRunning"
    automatic_stop_action: str = "Save"
    #: False for a guest without integration components (no heartbeat, no clean shutdown).
    guest_has_ics: bool = True
    #: Seconds from Running until the guest OS answers heartbeats (before time_scale).
    boot_seconds: float = 8.0
    cpu_base: int = 3
    checkpoints: list[SimCheckpoint] = field(default_factory=list)
    parent_checkpoint_id: uuid.UUID | None = None
    stable_state: VMState = VMState.Off
    running_since: float | None = None
    guest_up_at: float | None = None
    transition: _Transition | None = None

    # -- state -----------------------------------------------------------------------
    def settle(self, now: float) -> None:
        """Finish a transition whose time has come."""
        t = self.transition
        if t is not None and now >= t.ends_at:
            self.transition = None
            self.stable_state = t.target

    def state(self, now: float) -> VMState:
        """The state a Get-VM at ``now`` shows."""
        self.settle(now)
        return self.transition.via if self.transition else self.stable_state

    def begin(self, rule: StateRule, now: float, duration: float, time_scale: float) -> float:
        """Start ``rule`` (already checked as allowed); returns when it will be done."""
        came_from = self.state(now)
        ends_at = now + duration
        if rule.via is None:
            self.stable_state = rule.target
        else:
            self.transition = _Transition(rule.via, rule.target, ends_at, rule, came_from)
        self._apply_side_effects(rule.action, came_from, ends_at, time_scale)
        return ends_at

    def _apply_side_effects(self, action: str, came_from: VMState, ends_at: float,
                            time_scale: float) -> None:
        boot = self.boot_seconds * time_scale
        if action == "start" and came_from in (VMState.Off, VMState.Hibernated):
            self.running_since = ends_at
            self.guest_up_at = ends_at + boot if self.guest_has_ics else None
        elif action == "start" and came_from in (VMState.Saved, VMState.FastSaved):
            # A restored guest is already booted: its services answer almost at once.
            self.running_since = ends_at
            self.guest_up_at = ends_at + 0.5 * time_scale if self.guest_has_ics else None
        elif action == "restart":
            self.running_since = ends_at
            self.guest_up_at = ends_at + boot if self.guest_has_ics else None
        elif action in ("turn_off", "shutdown", "save", "delete_saved_state"):
            self.running_since = None
            self.guest_up_at = None

    def force_state(self, state: VMState, now: float, uptime_s: float = 0.0) -> None:
        """Put the VM straight into a resting state (generation, host restart, tests)."""
        self.transition = None
        self.stable_state = state
        if state in (VMState.Running, VMState.Paused):
            self.running_since = now - uptime_s
            self.guest_up_at = (self.running_since + self.boot_seconds
                                if self.guest_has_ics else None)
        else:
            self.running_since = None
            self.guest_up_at = None

    # -- derived values ----------------------------------------------------------------
    def readings(self, now: float) -> tuple[VMState, bool, VMHeartbeatStatus | None, int, int, int, float]:
        """What Get-VM reads at ``now``: state, guest up, heartbeat, CPU usage, memory
        assigned, memory demand and uptime seconds, the state worked out once for all."""
        state = self.state(now)
        up = self._guest_up(now, state)
        assigned = self._memory_assigned(now, state)
        return (state, up, self._heartbeat(state, up), self._cpu_usage(now, state, up), assigned,
                self._memory_demand(up, assigned), self._uptime_seconds(now, state))

    def guest_up(self, now: float) -> bool:
        """The guest OS runs and its integration components answer."""
        return self._guest_up(now, self.state(now))

    def _guest_up(self, now: float, state: VMState) -> bool:
        return (state in _GUEST_STATES and self.guest_up_at is not None and now >= self.guest_up_at)

    def uptime_seconds(self, now: float) -> float:
        """Seconds since power-on; 0 when the VM holds no running state."""
        return self._uptime_seconds(now, self.state(now))

    def _uptime_seconds(self, now: float, state: VMState) -> float:
        if self.running_since is None or state not in MEMORY_STATES:
            return 0.0
        return max(0.0, now - self.running_since)

    def heartbeat(self, now: float) -> VMHeartbeatStatus | None:
        """Heartbeat as the module reports it: null when Off."""
        state = self.state(now)
        return self._heartbeat(state, self._guest_up(now, state))

    def _heartbeat(self, state: VMState, up: bool) -> VMHeartbeatStatus | None:
        if state == VMState.Off:
            return None
        if state == VMState.Paused:
            return VMHeartbeatStatus.Paused
        if not self.ic_enabled.get(HEARTBEAT, True):
            return VMHeartbeatStatus.Disabled
        if up:
            return VMHeartbeatStatus.OkApplicationsHealthy
        return VMHeartbeatStatus.NoContact

    def shutdown_available(self, now: float) -> bool:
        """The module's IsShutdownComponentAvailable: enabled and its status is OK."""
        return self.ic_enabled.get(SHUTDOWN, True) and self.guest_up(now)

    def cpu_usage(self, now: float) -> int:
        """Percent; moves deterministically every two seconds while running."""
        state = self.state(now)
        return self._cpu_usage(now, state, self._guest_up(now, state))

    def _cpu_usage(self, now: float, state: VMState, up: bool) -> int:
        if state not in _BUSY_STATES:
            return 0
        tick = int(now // 2)
        wobble = ((self.vm_id.int >> 64) ^ (tick * 2654435761)) % 13
        if not up:
            return min(100, 18 + wobble * 3)
        return min(100, self.cpu_base + wobble)

    def memory_assigned(self, now: float) -> int:
        """Bytes the VM holds on the host (0 when Off or Saved)."""
        return self._memory_assigned(now, self.state(now))

    def _memory_assigned(self, now: float, state: VMState) -> int:
        if state not in MEMORY_STATES:
            return 0
        if not self.dynamic_memory:
            return self.memory_startup
        tick = int(now // 10)
        share = 0.55 + (((self.vm_id.int & 0xFFFF) ^ tick * 40503) % 40) / 100
        # Never above startup: a running host's free memory must not go negative.
        wanted = int(self.memory_startup * share) // (2 * _MB) * (2 * _MB)
        return max(self.memory_minimum, min(self.memory_maximum, wanted))

    @staticmethod
    def _memory_demand(up: bool, assigned: int) -> int:
        """Bytes the guest asks for (0 unless the guest runs)."""
        if not up:
            return 0
        return int(assigned * 0.83) // _MB * _MB

    def ip_addresses(self, adapter: SimNetworkAdapter, now: float) -> tuple[str, ...]:
        """IPs are reported by the guest through KVP, so only while it runs with KVP on."""
        if adapter.connected and self.guest_up(now) and self.ic_enabled.get(KVP, True):
            return adapter.ip_addresses
        return ()

    def checkpoint(self, checkpoint_id: uuid.UUID | None) -> SimCheckpoint | None:
        """The checkpoint with this id, if any."""
        return next((c for c in self.checkpoints if c.checkpoint_id == checkpoint_id), None)
