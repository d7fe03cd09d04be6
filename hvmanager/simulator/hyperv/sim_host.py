"""One simulated Hyper-V host: its VMs, services and hardware, thread-safe."""

from __future__ import annotations

import datetime
import random
import threading
import time
import uuid
from dataclasses import dataclass, replace
from typing import Callable

from hvmanager.simulator.hyperv.enums import VMState
from hvmanager.simulator.hyperv.host_generator import HostGenerator
from hvmanager.simulator.hyperv.host_info import HostInfo
from hvmanager.simulator.hyperv.localisation import INTEGRATION_SERVICE_DEFAULTS, Localisation
from hvmanager.simulator.hyperv.sim_checkpoint import SimCheckpoint
from hvmanager.simulator.hyperv.sim_disk import SimDisk
from hvmanager.simulator.hyperv.sim_network_adapter import SimNetworkAdapter
from hvmanager.simulator.hyperv.sim_service import SimService
from hvmanager.simulator.hyperv.sim_vm import SimVM
from hvmanager.simulator.hyperv.state_rules import CHECKPOINT_STATES, MEMORY_STATES, RULES

_GB = 1024 ** 3
_HOST_RESERVE = 4 * _GB
_SERVICES = (  # name, start type, service type
    ("vmms", "Automatic", "Win32OwnProcess"),
    ("vmcompute", "Manual", "Win32OwnProcess"),
    ("WinRM", "Automatic", "Win32ShareProcess"),
    ("W32Time", "Manual", "Win32ShareProcess"),
    ("Spooler", "Automatic", "Win32OwnProcess"),
    ("EventLog", "Automatic", "Win32ShareProcess"),
    ("LanmanServer", "Automatic", "Win32ShareProcess"),
    ("vmicheartbeat", "Manual", "Win32ShareProcess"),
)


@dataclass(frozen=True)
class TransitionOutcome:
    """What a requested state change did: ``kind`` is ok, already, invalid_state,
    out_of_memory or gone; ``ends_at`` is when an ``ok`` transition completes."""

    kind: str
    ends_at: float = 0.0


class SimHost:
    """A Hyper-V host in memory. Every public method takes the host's lock."""

    def __init__(self, name: str, locale: str = "en-US", time_scale: float = 1.0,
                 seed: int = 0, profile: str = "standard",
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.name = name
        self.locale = locale
        self.localisation = Localisation(locale)
        self.time_scale = time_scale
        self.profile = profile
        #: The "slow cmdlet" fault: every Hyper-V cmdlet sleeps this long first.
        self.cmdlet_delay_s = 0.0
        self.info = HostInfo.for_profile(profile, seed)
        self.lock = threading.RLock()
        self._clock = clock
        self._rng = random.Random(f"durations:{seed}:{name}")
        self._vms: dict[uuid.UUID, SimVM] = {}
        self._services = {n: SimService(n, start, running=start == "Automatic" or n == "vmcompute",
                                        service_type=kind) for n, start, kind in _SERVICES}
        self._wall_offset = wall_clock() - clock()
        self.boot_time = self.wall_now() - datetime.timedelta(days=3 + seed % 20, hours=seed % 7)
        self._generator = HostGenerator(name, seed, profile)

    # -- construction ------------------------------------------------------------------
    @classmethod
    def generate(cls, name: str, vm_count: int, seed: int, locale: str = "en-US",
                 profile: str = "standard", time_scale: float = 1.0,
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> SimHost:
        """A host with ``vm_count`` deterministic VMs (same seed, same data).

        ``clock`` and ``wall_clock`` are for tests that need the same answers on every
        run (a frozen clock gives the same uptimes, CPU usage and boot time).
        """
        host = cls(name, locale=locale, time_scale=time_scale, seed=seed, profile=profile,
                   clock=clock, wall_clock=wall_clock)
        now = host.now()
        # A fixed anchor, not "now": the same seed gives the same creation times on every run.
        created = datetime.datetime(2025, 6, 1, 9, 0, tzinfo=host.wall_now().tzinfo)
        for vm_name in host._generator.names(vm_count):
            vm, state, uptime = host._generator.vm(
                vm_name, now, created, host.info.virtual_machine_path,
                host.info.virtual_hard_disk_path)
            host._vms[vm.vm_id] = vm
            if state in (VMState.Running, VMState.Paused) and host._free_memory(now) < vm.memory_startup:
                state, uptime = VMState.Off, 0.0
            vm.force_state(state, now, uptime)
        return host

    # -- time --------------------------------------------------------------------------
    def now(self) -> float:
        """Monotonic seconds: the clock every transition is measured on."""
        return self._clock()

    def wall_now(self) -> datetime.datetime:
        """The host's local wall-clock time, with its UTC offset."""
        tz = datetime.timezone(datetime.timedelta(hours=1 if self.localisation.is_german else 0))
        return datetime.datetime.fromtimestamp(self._clock() + self._wall_offset, tz)

    def duration(self, low: float, high: float) -> float:
        """A transition duration in seconds, scaled by ``time_scale``."""
        with self.lock:
            return self._rng.uniform(low, high) * self.time_scale

    # -- VMs ---------------------------------------------------------------------------
    @property
    def vms(self) -> tuple[SimVM, ...]:
        """The VMs, in creation order (a snapshot of the list; the VMs are live)."""
        with self.lock:
            return tuple(self._vms.values())

    def vm(self, vm_id: uuid.UUID) -> SimVM | None:
        """The VM with this id, or None when it was removed."""
        with self.lock:
            return self._vms.get(vm_id)

    def add_vm(self, name: str, *, generation: int = 2, state: str = "Off",
               memory_startup: int = 2 * _GB, dynamic_memory: bool = False,
               version: str = "10.0", processor_count: int = 2, notes: str = "",
               guest_has_ics: bool = True, uptime_s: float = 3600.0,
               boot_seconds: float = 8.0, vm_id: uuid.UUID | None = None) -> SimVM:
        """Add a VM (tests and the Lab); ``state`` is a resting state name."""
        with self.lock:
            vm_id = vm_id or self._generator.uuid()
            folder = f"{self.info.virtual_hard_disk_path}\\{vm_id}"
            controller = "IDE" if generation == 1 else "SCSI"
            vm = SimVM(
                vm_id=vm_id, name=name, generation=generation, version=version,
                processor_count=processor_count, memory_startup=memory_startup,
                memory_minimum=512 * 1024 * 1024 if dynamic_memory else memory_startup,
                memory_maximum=memory_startup * 4 if dynamic_memory else memory_startup,
                dynamic_memory=dynamic_memory, notes=notes,
                path=f"{self.info.virtual_machine_path}\\{vm_id}",
                creation_time=self.wall_now() - datetime.timedelta(days=1),
                disks=[SimDisk(controller, 0, 0, f"{folder}\\disk0.vhdx")],
                adapters=[SimNetworkAdapter(self._generator.uuid(), "Network Adapter",
                                            "00155D" + vm_id.hex[:6].upper(), "Default Switch",
                                            self._generator.uuid(), ("172.20.0.10",))],
                ic_enabled={guid: default for guid, default in INTEGRATION_SERVICE_DEFAULTS},
                guest_has_ics=guest_has_ics, boot_seconds=boot_seconds)
            vm.force_state(VMState[state], self.now(), uptime_s)
            self._vms[vm.vm_id] = vm
            return vm

    def remove_vm(self, vm_id: uuid.UUID) -> None:
        """Delete a VM (Remove-VM); later cmdlets on it fail with ObjectNotFound."""
        with self.lock:
            self._vms.pop(vm_id, None)

    def rename_vm(self, vm_id: uuid.UUID, new_name: str) -> None:
        """Rename a VM (names are not unique; the id stays)."""
        with self.lock:
            self._vms[vm_id].name = new_name

    def vm_state(self, vm: SimVM) -> VMState:
        """The VM's state now."""
        with self.lock:
            return vm.state(self.now())

    def free_memory(self) -> int:
        """Bytes a starting VM may still take."""
        with self.lock:
            return self._free_memory(self.now())

    def _free_memory(self, now: float) -> int:
        used = sum(vm.memory_assigned(now) for vm in self._vms.values())
        return self.info.memory_capacity - _HOST_RESERVE - used

    def request(self, vm_id: uuid.UUID, action: str) -> TransitionOutcome:
        """Check and begin a state change, as the module's ChangeState does."""
        rule = RULES[action]
        with self.lock:
            now = self.now()
            vm = self._vms.get(vm_id)
            if vm is None:
                return TransitionOutcome("gone")
            current = vm.state(now)
            if current == rule.desired_state():
                return TransitionOutcome("already")
            if current not in rule.allowed_from:
                return TransitionOutcome("invalid_state")
            if (action == "start" and current not in MEMORY_STATES
                    and vm.memory_startup > self._free_memory(now)):
                return TransitionOutcome("out_of_memory")
            if action == "start" and current == VMState.Paused:
                rule = RULES["resume"]  # starting a paused VM resumes it: it shows Resuming
            return TransitionOutcome("ok", vm.begin(rule, now, self.duration(*rule.seconds),
                                                    self.time_scale))

    def reboot_guest(self, vm_id: uuid.UUID) -> float:
        """Restart-VM -Type Reboot: the guest restarts (the VM stays Running, uptime resets).

        Returns when the guest has gone down, as the cmdlet waits for that first.
        """
        with self.lock:
            now = self.now()
            vm = self._vms[vm_id]
            down = self.duration(2.0, 5.0)
            vm.running_since = now + down
            vm.guest_up_at = now + down + vm.boot_seconds * self.time_scale
            return now + down

    def take_checkpoint(self, vm_id: uuid.UUID, name: str | None) -> SimCheckpoint | None:
        """Checkpoint-VM: a child of the current checkpoint, which it becomes."""
        with self.lock:
            vm = self._vms.get(vm_id)
            if vm is None:
                return None
            stamp = self.wall_now()
            if name is None:
                name = self._default_checkpoint_name(vm.name, stamp)
            checkpoint = SimCheckpoint(self._generator.uuid(), name, vm.parent_checkpoint_id,
                                       stamp, captured_state=vm.state(self.now()).name)
            vm.checkpoints.append(checkpoint)
            vm.parent_checkpoint_id = checkpoint.checkpoint_id
            return checkpoint

    def remove_checkpoint(self, vm_id: uuid.UUID, checkpoint_id: uuid.UUID,
                          include_children: bool = False) -> bool:
        """Remove-VMSnapshot: children move up to the removed node's parent (or go too)."""
        with self.lock:
            vm = self._vms.get(vm_id)
            target = vm.checkpoint(checkpoint_id) if vm else None
            if vm is None or target is None:
                return False
            doomed = {checkpoint_id}
            if include_children:
                grew = True
                while grew:
                    children = {c.checkpoint_id for c in vm.checkpoints if c.parent_id in doomed}
                    grew = not children <= doomed
                    doomed |= children
            kept = []
            for checkpoint in vm.checkpoints:
                if checkpoint.checkpoint_id in doomed:
                    continue
                if checkpoint.parent_id == checkpoint_id:
                    checkpoint = replace(checkpoint, parent_id=target.parent_id)
                kept.append(checkpoint)
            vm.checkpoints = kept
            if vm.parent_checkpoint_id in doomed:
                vm.parent_checkpoint_id = target.parent_id
            return True

    def restore_checkpoint(self, vm_id: uuid.UUID, checkpoint_id: uuid.UUID) -> str:
        """Restore-VMSnapshot: ``ok``, ``gone`` or ``invalid_state`` (not during a transition)."""
        with self.lock:
            now = self.now()
            vm = self._vms.get(vm_id)
            target = vm.checkpoint(checkpoint_id) if vm else None
            if vm is None or target is None:
                return "gone"
            if vm.state(now) not in CHECKPOINT_STATES:
                return "invalid_state"
            # A standard checkpoint of a running VM holds its memory: the VM comes back Saved.
            saved = target.captured_state in ("Running", "Paused") and target.snapshot_type == "Standard" \
                and vm.checkpoint_type == "Standard"
            vm.force_state(VMState.Saved if saved else VMState.Off, now)
            vm.parent_checkpoint_id = checkpoint_id
            return "ok"

    def delete_vm(self, vm_id: uuid.UUID) -> str:
        """Remove-VM: ``ok``, ``gone`` or ``invalid_state`` (only Off or Saved VMs)."""
        with self.lock:
            vm = self._vms.get(vm_id)
            if vm is None:
                return "gone"
            if vm.state(self.now()) not in (VMState.Off, VMState.Saved):
                return "invalid_state"
            del self._vms[vm_id]
            return "ok"

    def _default_checkpoint_name(self, vm_name: str, stamp: datetime.datetime) -> str:
        if self.localisation.is_german:
            return f"{vm_name} - ({stamp:%d.%m.%Y - %H:%M:%S})"
        hour = stamp.hour % 12 or 12
        return (f"{vm_name} - ({stamp.month}/{stamp.day}/{stamp.year} - "
                f"{hour}:{stamp:%M:%S} {'AM' if stamp.hour < 12 else 'PM'})")

    def set_integration_service(self, vm_id: uuid.UUID, guid: str, enabled: bool) -> bool:
        """Enable or disable one integration service; False when the VM is gone."""
        with self.lock:
            vm = self._vms.get(vm_id)
            if vm is None:
                return False
            vm.ic_enabled[guid] = enabled
            return True

    # -- services ----------------------------------------------------------------------
    def service(self, name: str) -> SimService | None:
        """The service with this name (case-insensitive), or None."""
        with self.lock:
            return next((s for s in self._services.values() if s.name.lower() == name.lower()), None)

    @property
    def services(self) -> tuple[SimService, ...]:
        """All services, in name order as Get-Service lists them."""
        with self.lock:
            return tuple(sorted(self._services.values(), key=lambda s: s.name.lower()))

    def service_status(self, name: str) -> str:
        """``Running``, ``Stopped``, ``StartPending`` or ``StopPending``."""
        with self.lock:
            service = self.service(name)
            if service is None:
                raise KeyError(name)
            return service.status(self.now())

    def set_service_running(self, name: str, running: bool) -> float:
        """Start or stop a service; returns when it is done (a short pending phase)."""
        with self.lock:
            service = self.service(name)
            if service is None:
                raise KeyError(name)
            now = self.now()
            if service.status(now) == ("Running" if running else "Stopped"):
                return now
            service.pending = "StartPending" if running else "StopPending"
            service.pending_until = now + 0.5 * self.time_scale
            return service.pending_until

    def vmms_running(self) -> bool:
        """False while vmms is stopped: every Hyper-V cmdlet then fails."""
        with self.lock:
            return self._services["vmms"].status(self.now()) == "Running"

    # -- host --------------------------------------------------------------------------
    def restart(self) -> None:
        """A host reboot: VMs stop per their stop action, start per their start action."""
        with self.lock:
            now = self.now()
            for vm in self._vms.values():
                was_running = vm.state(now) in MEMORY_STATES
                state = vm.state(now)
                if was_running:
                    state = VMState.Saved if vm.automatic_stop_action == "Save" else VMState.Off
                vm.force_state(state, now)
                if vm.automatic_start_action == "Start" or (
                        vm.automatic_start_action == "StartIfRunning" and was_running):
                    vm.begin(RULES["start"], now, self.duration(*RULES["start"].seconds),
                             self.time_scale)
            for service in self._services.values():
                service.pending = None
                service.running = service.start_type == "Automatic" or service.name == "vmcompute"
            self.boot_time = self.wall_now()
