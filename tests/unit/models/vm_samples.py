"""Small VM builders for the model tests."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_diff import VmChange, VmDiff
from hvmanager.domain.vm_state import VMState

MB = 1024 * 1024
GB = 1024 * MB


def vm(number: int, host: str = "hv1", **fields) -> VirtualMachine:
    """A VM with a stable id derived from ``host`` and ``number``."""
    defaults = dict(state=VMState.RUNNING, cpu_usage=number % 100,
                    memory_assigned=(number % 4 + 1) * GB, uptime=timedelta(hours=number),
                    status="Operating normally", version="10.0", generation=2,
                    creation_time=datetime(2024, 1, 1, tzinfo=timezone.utc)
                    + timedelta(days=number))
    defaults["name"] = f"vm-{number:03d}"
    defaults.update(fields)
    vm_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{host}/{number}")
    return VirtualMachine(vm_id=vm_id, host=host, **defaults)


def added(*vms: VirtualMachine) -> VmDiff:
    return VmDiff(added=tuple(vms))


def removed(*vms: VirtualMachine) -> VmDiff:
    return VmDiff(removed=tuple(vms))


def changed(old: VirtualMachine, **fields) -> tuple[VirtualMachine, VmDiff]:
    new = replace(old, **fields)
    return new, VmDiff(changed=(VmChange(old, new),))
