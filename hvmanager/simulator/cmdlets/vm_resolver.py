"""Finds the VMs a Hyper-V cmdlet targets: -VM objects, -Name/-VMName (wildcards), -Id."""

from __future__ import annotations

import uuid
from typing import Any

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters, reference
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.hyperv.sim_vm import SimVM


class VmResolver:
    """Resolves VM parameters for one cmdlet, writing the module's errors on misses."""

    def __init__(self, cmdlet: Cmdlet) -> None:
        self._cmdlet = cmdlet
        self._host = cmdlet.host

    def resolve(self, bound: BoundParameters, name_params: tuple[str, ...] = ("Name", "VMName"),
                vm_param: str = "VM") -> list[SimVM]:
        """The target VMs: objects in argument order, names in host order, all by name."""
        if vm_param in bound:
            return self.from_objects(bound.get(vm_param))
        for name_param in name_params:
            if name_param in bound:
                return self.by_names([PSValue(self._host.locale).text(n) for n in bound.get(name_param)])
        # Without names the module orders the host's VMs by name (CurrentCultureIgnoreCase).
        return sorted(self._host.vms, key=lambda vm: vm.name.casefold())

    def from_objects(self, values: list[Any]) -> list[SimVM]:
        """VMs from VirtualMachine objects; a deleted VM gives ObjectNotFound."""
        vms = []
        for value in values:
            ref = reference(value)
            vm = self._host.vm(ref[1]) if ref else None
            if vm is None:
                self._cmdlet.write_error(self._cmdlet.errors.object_gone(self._host.name))
            else:
                vms.append(vm)
        return vms

    def by_names(self, names: list[str]) -> list[SimVM]:
        """VMs whose names match; a literal name without match writes InvalidParameter."""
        found: list[SimVM] = []
        all_vms = self._host.vms
        for name in names:
            if PSValue.has_wildcard(name):
                pattern = PSValue.wildcard(name)
                matches = [vm for vm in all_vms if pattern.match(vm.name)]
            else:
                matches = [vm for vm in all_vms if vm.name.lower() == name.lower()]
                if not matches:
                    errors = self._cmdlet.errors
                    self._cmdlet.write_error(errors.vm_not_found(name) if self._cmdlet.spec.name == "Get-VM"
                                             else errors.vm_name_unresolved(name))
            found.extend(vm for vm in matches if vm not in found)
        return found

    def by_ids(self, ids: list[Any]) -> list[SimVM]:
        """VMs by -Id; an unknown id writes InvalidParameter."""
        found = []
        for raw in ids:
            try:
                vm_id = raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))
            except ValueError:
                self._cmdlet.write_error(self._cmdlet.errors.bad_argument(
                    "Id", raw, "System.Guid", "Unrecognized Guid format."))
                continue
            vm = self._host.vm(vm_id)
            if vm is None:
                self._cmdlet.write_error(self._cmdlet.errors.vm_id_not_found(str(vm_id)))
            else:
                found.append(vm)
        return found
