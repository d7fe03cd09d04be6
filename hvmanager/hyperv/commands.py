"""Small command builders every query shares."""

from __future__ import annotations

import uuid
from typing import Any, Iterable

from hvmanager.remoting.command import Command


def get_vm_by_id(vm_id: uuid.UUID) -> Command:
    """``Get-VM -Id <guid>``: only Get-VM takes -Id, so every per-VM pipeline starts here."""
    if not isinstance(vm_id, uuid.UUID):
        raise TypeError("VMs are targeted by uuid.UUID, never by name")
    return Command("Get-VM", (("Id", vm_id),))


def select(properties: Iterable[str]) -> Command:
    """``Select-Object -Property a, b, c``: scalar values only, as note properties."""
    return Command("Select-Object", (("Property", list(properties)),))


def where_equals(property_name: str, value: Any) -> Command:
    """``Where-Object -Property P -EQ -Value v``: a filter with no script block."""
    return Command("Where-Object", (("Property", property_name), ("EQ", True), ("Value", value)))
