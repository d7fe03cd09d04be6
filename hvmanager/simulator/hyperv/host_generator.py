"""Deterministic, believable VM inventories from a seed (and a few hostile names)."""

from __future__ import annotations

import datetime
import random
import uuid
from dataclasses import dataclass

from hvmanager.simulator.hyperv.enums import VMState
from hvmanager.simulator.hyperv.localisation import INTEGRATION_SERVICE_DEFAULTS
from hvmanager.simulator.hyperv.sim_checkpoint import SimCheckpoint
from hvmanager.simulator.hyperv.sim_disk import SimDisk
from hvmanager.simulator.hyperv.sim_network_adapter import SimNetworkAdapter
from hvmanager.simulator.hyperv.sim_vm import SimVM

_GB = 1024 ** 3
_MB = 1024 ** 2
_ROLES = ("dc", "fs", "sql", "web", "app", "rds", "build", "mon", "proxy", "k8s-node",
          "exchange", "print", "dev", "test", "win11-client", "ubuntu", "debian", "backup")
_NOTES = ("", "", "", "Domain controller - do not turn off", "Course lab VM",
          "Owner: IT operations\nPatched monthly", "Test VM, may be deleted")
#: Names that break naive quoting: quotes, separators, subexpressions, backticks,
#: a newline, right-to-left text, combining marks, and one very long name.
HOSTILE_NAMES = (
    "O'Brien's \"test\" VM",
    "web; Remove-VM -Force",
    "pipe | Stop-VM",
    "$(Stop-Computer -Force)",
    "back`tick`n VM",
    "two\nlines",
    "\u05e9\u05e8\u05ea-\u05d1\u05d3\u05d9\u05e7\u05d4 \u0645\u062e\u062f\u0645",
    "cafe\u0301 re\u0301sume\u0301 \u00e5ngstro\u0308m",
)
_VERSIONS_STANDARD = ("8.0", "9.0", "9.3", "10.0", "11.0", "12.0")


@dataclass(frozen=True)
class HostProfile:
    """How a generated host looks: ``standard`` or ``legacy``."""

    name: str = "standard"

    @property
    def gen1_share(self) -> float:
        """Share of Generation 1 VMs."""
        return 0.55 if self.name == "legacy" else 0.1

    @property
    def checkpoint_share(self) -> float:
        """Share of VMs with a checkpoint tree."""
        return 0.6 if self.name == "legacy" else 0.2


class HostGenerator:
    """Builds the VMs of one host; the same seed and name give the same VMs."""

    def __init__(self, host_name: str, seed: int, profile: str = "standard") -> None:
        self._host = host_name
        self._rng = random.Random(f"{seed}:{host_name}:{profile}")
        self._profile = HostProfile(profile)

    def uuid(self) -> uuid.UUID:
        """A deterministic random GUID."""
        return uuid.UUID(int=self._rng.getrandbits(128), version=4)

    def names(self, count: int) -> list[str]:
        """VM names: role-based, plus hostile ones and a duplicate when count >= 8."""
        names = [f"{self._host.lower()}-{self._rng.choice(_ROLES)}{i + 1:02d}" for i in range(count)]
        if count >= 8:
            hostile = list(HOSTILE_NAMES) + ["vm-" + "x" * 997]
            slots = self._rng.sample(range(count), min(count - 1, len(hostile) + 1))
            for slot, name in zip(slots, hostile):
                names[slot] = name
            # Two VMs with the same name on one host: Hyper-V allows it.
            names[slots[-1]] = names[slots[0]] if len(slots) > len(hostile) else names[0]
        return names

    def vm(self, name: str, now: float, created: datetime.datetime, vm_path: str,
           vhd_path: str) -> tuple[SimVM, VMState, float]:
        """One VM, its initial state and its initial uptime in seconds."""
        rng = self._rng
        generation = 1 if rng.random() < self._profile.gen1_share else 2
        version = ("5.0" if generation == 1 and rng.random() < 0.3
                   else rng.choice(_VERSIONS_STANDARD))
        if self._profile.name == "legacy" and generation == 1:
            version = rng.choice(("5.0", "8.0", "9.0"))
        vm_id = self.uuid()
        dynamic = rng.random() < 0.45
        startup = rng.choice((512 * _MB, 1 * _GB, 2 * _GB, 4 * _GB, 8 * _GB))
        vm = SimVM(
            vm_id=vm_id, name=name, generation=generation, version=version,
            processor_count=rng.choice((1, 2, 2, 4, 8)),
            memory_startup=startup,
            memory_minimum=512 * _MB if dynamic else startup,
            memory_maximum=(startup * 4 if dynamic else startup),
            dynamic_memory=dynamic,
            notes=rng.choice(_NOTES),
            path=f"{vm_path}\\{_safe(name)}",
            creation_time=created - datetime.timedelta(days=rng.randint(1, 900),
                                                        seconds=rng.randint(0, 86399)),
            disks=self._disks(name, generation, vhd_path),
            adapters=self._adapters(),
            ic_enabled={guid: default for guid, default in INTEGRATION_SERVICE_DEFAULTS},
            checkpoint_type=rng.choice(("Production", "Production", "Standard")),
            guest_has_ics=rng.random() > 0.08,
            boot_seconds=rng.uniform(5.0, 15.0),
            cpu_base=rng.randint(0, 25),
        )
        if rng.random() < 0.15:
            vm.ic_enabled[rng.choice([g for g, _ in INTEGRATION_SERVICE_DEFAULTS])] ^= True
        if rng.random() < self._profile.checkpoint_share:
            self._checkpoints(vm, created)
        state = rng.choices((VMState.Running, VMState.Off, VMState.Saved, VMState.Paused),
                            weights=(50, 35, 10, 5))[0]
        uptime = rng.uniform(600, 40 * 86400) if state in (VMState.Running, VMState.Paused) else 0.0
        return vm, state, uptime

    def _disks(self, name: str, generation: int, vhd_path: str) -> list[SimDisk]:
        base = f"{vhd_path}\\{_safe(name)}"
        controller = "IDE" if generation == 1 else "SCSI"
        disks = [SimDisk(controller, 0, 0, f"{base}.vhdx")]
        for extra in range(self._rng.choice((0, 0, 1, 2))):
            disks.append(SimDisk("SCSI", 0, extra + 1, f"{base}_data{extra + 1}.vhdx"))
        if generation == 1 and self._rng.random() < 0.3:
            disks.append(SimDisk("IDE", 1, 0, f"{base}_logs.vhdx"))
        return disks

    def _adapters(self) -> list[SimNetworkAdapter]:
        rng = self._rng
        adapters = []
        for index in range(rng.choice((1, 1, 1, 2))):
            switch = rng.choice(("External", "Default Switch", "Internal-Lab", None))
            mac = "00155D" + "".join(f"{rng.randrange(256):02X}" for _ in range(3))
            ips = ((f"192.168.{rng.randint(0, 30)}.{rng.randint(2, 250)}",
                    f"fe80::215:5dff:fe{rng.randrange(256):02x}:{rng.randrange(65536):x}")
                   if switch else ())
            adapters.append(SimNetworkAdapter(
                adapter_id=self.uuid(), name="Network Adapter", mac_address=mac,
                switch_name=switch, switch_id=self.uuid() if switch else None, ip_addresses=ips))
        return adapters

    def _checkpoints(self, vm: SimVM, created: datetime.datetime) -> None:
        rng = self._rng
        parent: uuid.UUID | None = None
        stamp = created - datetime.timedelta(days=rng.randint(30, 200))
        count = rng.randint(1, 4)
        for index in range(count):
            stamp += datetime.timedelta(days=rng.randint(1, 20), minutes=rng.randint(0, 600))
            checkpoint = SimCheckpoint(
                checkpoint_id=self.uuid(),
                name=rng.choice(("Before updates", "Clean install", "Baseline",
                                 f"{vm.name} - ({stamp:%m/%d/%Y - %I:%M:%S %p})")),
                parent_id=parent, creation_time=stamp,
                is_automatic=rng.random() < 0.2)
            vm.checkpoints.append(checkpoint)
            # A branch: the second checkpoint sometimes hangs off the root, not the first.
            parent = checkpoint.checkpoint_id if index != 1 or rng.random() < 0.6 else parent
        vm.parent_checkpoint_id = vm.checkpoints[-1].checkpoint_id


def _safe(name: str) -> str:
    """A file-system friendly form of a VM name for its paths."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_. " else "_" for ch in name)
    return cleaned[:64] or "vm"
