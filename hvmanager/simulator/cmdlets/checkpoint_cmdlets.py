"""Restore-VMSnapshot and Remove-VMSnapshot (Checkpoint-VM lives with the VM changes)."""

from __future__ import annotations

from typing import Any, Iterable

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.error_factory import hyperv_class
from hvmanager.simulator.cmdlets.hyperv_parameters import ASJOB, PASSTHRU
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters, reference
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.cmdlets.vm_resolver import VmResolver

# [unverified] the ShouldProcess text Restore-VMSnapshot shows before it discards state.
_RESTORE_PROMPT = 'Are you sure you want to apply checkpoint "{name}"? The virtual machine\'s current state will be lost.'


def _spec(name: str, class_name: str, *extra: P) -> CmdletSpec:
    return CmdletSpec(name, hyperv_class(class_name), (
        P("VMSnapshot", "snapshot", position=0, pipeline="value", sets=frozenset({"VMSnapshot"}),
          aliases=("VMCheckpoint",)),
        P("Name", position=0, sets=frozenset({"VMName", "VMObject"})),
        P("VMName", position=1, pipeline="property", sets=frozenset({"VMName"}), many=False),
        P("VM", "vm", position=1, pipeline="value", sets=frozenset({"VMObject"})),
        P("ComputerName"), P("Credential", "object"), P("CimSession", "object"), ASJOB, PASSTHRU,
    ) + extra, should_process=True, required_one_of=("VMSnapshot", "Name"), default_set="VMSnapshot")


class CheckpointTargets(Cmdlet):
    """Finds checkpoints: -VMSnapshot objects, or -Name (wildcards) of -VMName / -VM."""

    hyperv = True

    def targets(self, bound: BoundParameters) -> list[tuple[Any, Any]]:
        """(vm, checkpoint) pairs."""
        pairs = []
        if "VMSnapshot" in bound:
            for value in bound.get("VMSnapshot"):
                ref = reference(value)
                vm = self.host.vm(ref[1]) if ref else None
                checkpoint = vm.checkpoint(ref[2]) if vm else None
                if checkpoint is None:
                    self.write_error(self.errors.object_gone(self.host.name))
                else:
                    pairs.append((vm, checkpoint))
            return pairs
        vms = VmResolver(self).resolve(
            bound, name_params=("VMName",)) if ("VMName" in bound or "VM" in bound) else []
        for raw in bound.get("Name", []):
            pattern = PSValue.wildcard(str(raw))
            pairs += [(vm, c) for vm in vms for c in vm.checkpoints if pattern.match(c.name)]
        return pairs

    def confirmed(self) -> bool:
        """``-Confirm:$false`` given (the client's way around the prompt)."""
        return "Confirm" in self.bound and not self.bound.switch("Confirm")


class RestoreVMSnapshot(CheckpointTargets):
    """Restore-VMSnapshot (Apply): asks first unless -Confirm:$false."""

    spec = _spec("Restore-VMSnapshot", "RestoreVMSnapshot")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return
        for vm, checkpoint in self.targets(bound):
            if self.bound.switch("WhatIf"):
                continue
            if not self.confirmed():
                self.write_error(self.errors.prompt_refused(_RESTORE_PROMPT.format(name=checkpoint.name)))
                continue
            outcome = self.host.restore_checkpoint(vm.vm_id, checkpoint.checkpoint_id)
            if outcome == "gone":
                self.write_error(self.errors.object_gone(self.host.name))
            elif outcome == "invalid_state":
                with self.host.lock:
                    target = self.context.vms.build(vm, self.host.now())
                self.write_error(self.errors.invalid_state(vm.name, target))
            else:
                self.context.sleep(self.host.duration(0.3, 0.8))
                if self.bound.switch("Passthru"):
                    with self.host.lock:
                        yield self.context.snapshots.build(vm, checkpoint)


class RemoveVMSnapshot(CheckpointTargets):
    """Remove-VMSnapshot [-IncludeAllChildSnapshots]."""

    spec = _spec("Remove-VMSnapshot", "RemoveVMSnapshot",
                 P("IncludeAllChildSnapshots", "switch", aliases=("IncludeAllChildCheckpoints",)))

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return []
        for vm, checkpoint in self.targets(bound):
            if self.bound.switch("WhatIf"):
                continue
            if not self.host.remove_checkpoint(vm.vm_id, checkpoint.checkpoint_id,
                                               self.bound.switch("IncludeAllChildSnapshots")):
                self.write_error(self.errors.object_gone(self.host.name))
        return []


CMDLETS = [RestoreVMSnapshot, RemoveVMSnapshot]
