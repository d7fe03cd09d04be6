"""What one refresh of a host parsed to (``RefreshParser.parse``)."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.domain.virtual_machine import VirtualMachine


@dataclass(frozen=True)
class ParsedRefresh:
    """The VMs of one refresh (host order) and whether they are exactly the last ones."""

    vms: tuple[VirtualMachine, ...]
    unchanged: bool
