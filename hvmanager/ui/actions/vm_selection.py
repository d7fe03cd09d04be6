"""What the user has selected, as the action rules need it."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.domain.virtual_machine import VirtualMachine


@dataclass(frozen=True)
class VmSelection:
    """The selected VMs (each with its server key) and the server node in focus.

    ``server_key`` is the selected server node (None for the root or "All servers");
    ``unusable_servers`` are the keys of selected VMs' hosts that cannot act now
    (connecting, error, service stopped).
    """

    vms: tuple[tuple[str, VirtualMachine], ...] = ()
    server_key: str | None = None
    unusable_servers: frozenset[str] = frozenset()

    @property
    def states(self):
        """The selected VMs' states."""
        return tuple(vm.state for _, vm in self.vms)

    @property
    def can_act(self) -> bool:
        """At least one VM, and every selected VM's host is usable."""
        return bool(self.vms) and not self.unusable_servers

    def by_server(self) -> dict[str, tuple[VirtualMachine, ...]]:
        """The selected VMs grouped per host, in selection order."""
        groups: dict[str, list[VirtualMachine]] = {}
        for key, vm in self.vms:
            groups.setdefault(key, []).append(vm)
        return {key: tuple(vms) for key, vms in groups.items()}
