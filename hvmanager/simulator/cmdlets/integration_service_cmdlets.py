"""Get-VMIntegrationService, Enable-VMIntegrationService, Disable-VMIntegrationService.

Names are matched against the host's translated names (a German host knows "Takt", not
"Heartbeat"), with wildcards and without an error when nothing matches (the module's
EnableVMIntegrationService); the objects carry the GUID-based ``Id`` clients key on.
"""

from __future__ import annotations

from typing import Any, Iterable

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.error_factory import hyperv_class
from hvmanager.simulator.cmdlets.hyperv_parameters import PASSTHRU, VMNAME_OR_VM
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters, reference
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.cmdlets.vm_resolver import VmResolver
from hvmanager.simulator.hyperv.sim_vm import SimVM


class GetVMIntegrationService(Cmdlet):
    """Get-VMIntegrationService [-VMName] <string[]> | -VM <VirtualMachine[]> [[-Name] <string[]>]."""

    hyperv = True
    spec = CmdletSpec("Get-VMIntegrationService", hyperv_class("GetVMIntegrationService"),
                      VMNAME_OR_VM + (P("Name", position=1),),
                      required_one_of=("VMName", "VM"), default_set="VMName")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return []
        vms = VmResolver(self).resolve(bound, name_params=("VMName",))
        patterns = [PSValue.wildcard(str(n)) for n in bound.get("Name", [])] or None
        out = []
        with self.host.lock:
            now = self.host.now()
            for vm in vms:
                for guid in vm.ic_enabled:
                    name = self.context.devices.integration_service_name(guid)
                    if patterns is None or any(p.match(name) for p in patterns):
                        out.append(self.context.devices.integration_service(vm, guid, now))
        return out


class SetIntegrationServiceCmdlet(Cmdlet):
    """Enable or disable: -VMIntegrationService objects, or -Name with -VMName / -VM."""

    hyperv = True
    enabled = True

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return
        for vm, guid in self._targets(bound):
            self.context.check_cancel()
            if self.bound.switch("WhatIf"):
                continue
            if not self.host.set_integration_service(vm.vm_id, guid, self.enabled):
                self.write_error(self.errors.object_gone(self.host.name))
                continue
            if self.bound.switch("Passthru"):
                with self.host.lock:
                    yield self.context.devices.integration_service(vm, guid, self.host.now())

    def _targets(self, bound: BoundParameters) -> list[tuple[SimVM, str]]:
        if "VMIntegrationService" in bound:
            targets = []
            for value in bound.get("VMIntegrationService"):
                ref = reference(value)
                vm = self.host.vm(ref[1]) if ref else None
                if vm is None:
                    self.write_error(self.errors.object_gone(self.host.name))
                else:
                    targets.append((vm, ref[2]))
            return targets
        vms = VmResolver(self).resolve(bound, name_params=("VMName",))
        # The module filters with a wildcard matcher: a name that matches nothing (an English
        # name on a German host) silently selects nothing, without an error.
        patterns = [PSValue.wildcard(str(name)) for name in bound.get("Name", [])]
        return [(vm, guid) for vm in vms for guid in vm.ic_enabled
                if any(p.match(self.context.devices.integration_service_name(guid)) for p in patterns)]


def _set_spec(name: str, class_name: str) -> CmdletSpec:
    ic_set = frozenset({"VMIntegrationService"})
    return CmdletSpec(name, hyperv_class(class_name), (
        P("VMIntegrationService", "ic", position=0, pipeline="value", sets=ic_set),
        P("Name", position=0, sets=frozenset({"VMName", "VMObject"})),
        P("VMName", position=1, pipeline="value", sets=frozenset({"VMName"})),
        P("VM", "vm", position=1, pipeline="value", sets=frozenset({"VMObject"})),
        P("ComputerName", sets=frozenset({"VMName"})), P("Credential", "object"),
        P("CimSession", "object"), PASSTHRU,
    ), should_process=True, required_one_of=("VMIntegrationService", "VMName", "VM"),
        default_set="VMName")


class EnableVMIntegrationService(SetIntegrationServiceCmdlet):
    """Enable-VMIntegrationService."""

    spec = _set_spec("Enable-VMIntegrationService", "EnableVMIntegrationService")
    enabled = True


class DisableVMIntegrationService(SetIntegrationServiceCmdlet):
    """Disable-VMIntegrationService."""

    spec = _set_spec("Disable-VMIntegrationService", "DisableVMIntegrationService")
    enabled = False


CMDLETS = [GetVMIntegrationService, EnableVMIntegrationService, DisableVMIntegrationService]
