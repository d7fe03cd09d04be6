"""Checkpoint-VM and Rename-VM."""

from __future__ import annotations

from typing import Any, Iterable

from hvmanager.simulator.cmdlets.error_factory import hyperv_class
from hvmanager.simulator.cmdlets.hyperv_parameters import ASJOB, NAME_OR_VM, PASSTHRU
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.vm_lifecycle_cmdlets import VmActionCmdlet
from hvmanager.simulator.cmdlets.vm_resolver import VmResolver
from hvmanager.simulator.hyperv.sim_vm import SimVM
from hvmanager.simulator.hyperv.state_rules import CHECKPOINT_STATES


class CheckpointVM(VmActionCmdlet):
    """Checkpoint-VM [-SnapshotName <string>]: not while a transition runs."""

    spec = CmdletSpec("Checkpoint-VM", hyperv_class("CheckpointVM"), NAME_OR_VM + (
        ASJOB, PASSTHRU, P("SnapshotName", position=1, many=False)),
        should_process=True, required_one_of=("Name", "VM"), default_set="Name")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return
        for vm in VmResolver(self).resolve(bound):
            self.context.check_cancel()
            if self.bound.switch("WhatIf"):
                continue
            checkpoint = self._checkpoint(vm)
            if checkpoint is not None and self.bound.switch("Passthru"):
                with self.host.lock:
                    yield self.context.snapshots.build(vm, checkpoint)

    def _checkpoint(self, vm: SimVM) -> Any:
        if self.host.vm_state(vm) not in CHECKPOINT_STATES:
            self.write_error(self.errors.invalid_state(vm.name, self.vm_object(vm)))
            return None
        # Taking a checkpoint is a short job; the cmdlet waits for it.
        self.context.sleep(self.host.duration(0.2, 0.6))
        name = self.bound.get("SnapshotName")
        checkpoint = self.host.take_checkpoint(vm.vm_id, None if name is None else str(name))
        if checkpoint is None:
            self.write_error(self.errors.object_gone(self.host.name))
        return checkpoint


class RenameVM(VmActionCmdlet):
    """Rename-VM [-NewName] <string>."""

    spec = CmdletSpec("Rename-VM", hyperv_class("RenameVM"), NAME_OR_VM + (
        PASSTHRU, P("NewName", position=1, many=False)),
        should_process=True, required_one_of=("Name", "VM"), default_set="Name",
        mandatory=("NewName",))

    def act(self, vm: SimVM) -> bool:
        if self.host.vm(vm.vm_id) is None:
            self.write_error(self.errors.object_gone(self.host.name))
            return False
        self.host.rename_vm(vm.vm_id, str(self.bound.get("NewName", "")))
        return True


# [unverified] the module's ShouldContinue text for Remove-VM without -Force.
_REMOVE_PROMPT = 'Are you sure you want to remove the virtual machine "{name}"?'


class RemoveVM(VmActionCmdlet):
    """Remove-VM [-Force]: only an Off or Saved VM; without -Force it asks first."""

    spec = CmdletSpec("Remove-VM", hyperv_class("RemoveVM"), NAME_OR_VM + (
        ASJOB, PASSTHRU, P("Force", "switch")),
        should_process=True, required_one_of=("Name", "VM"), default_set="Name")

    def act(self, vm: SimVM) -> bool:
        if not self.bound.switch("Force"):
            self.write_error(self.errors.prompt_refused(_REMOVE_PROMPT.format(name=vm.name)))
            return False
        outcome = self.host.delete_vm(vm.vm_id)
        if outcome == "gone":
            self.write_error(self.errors.object_gone(self.host.name))
        elif outcome == "invalid_state":
            self.write_error(self.errors.invalid_state(vm.name, self.vm_object(vm)))
        return outcome == "ok"


CMDLETS = [CheckpointVM, RenameVM, RemoveVM]
