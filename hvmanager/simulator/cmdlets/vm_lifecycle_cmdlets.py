"""Start-VM, Stop-VM, Save-VM, Suspend-VM, Resume-VM, Restart-VM, Remove-VMSavedState.

Each runs the module's ChangeState per VM: a VM already in the desired state only gets a
warning (the warning stream is not part of the engine contract, so nothing is written);
a forbidden state writes ``InvalidState`` and the pipeline goes on with the next VM. The
cmdlet returns when the transition has finished, as the real cmdlets wait for their job.
"""

from __future__ import annotations

from typing import Any, Iterable

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.error_factory import hyperv_class
from hvmanager.simulator.cmdlets.hyperv_parameters import ASJOB, FORCE, NAME_OR_VM, PASSTHRU
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.vm_resolver import VmResolver
from hvmanager.simulator.engine_api import TerminatingError
from hvmanager.simulator.hyperv.enums import VMState
from hvmanager.simulator.hyperv.sim_vm import SimVM

_SHUTDOWN_PROMPT = ("Hyper-V cannot shut down virtual machine {name} because the Shutdown "
                    "integration service is unavailable. To avoid potential data loss, you can "
                    "pause or save the state of the virtual machine. The other option is to turn "
                    "off the virtual machine, but data loss might occur.")
# [unverified] the module's ShouldContinue_RestartVM text.
_RESTART_PROMPT = "Are you sure you want to restart virtual machine \"{name}\"?"


def _spec(name: str, class_name: str, *extra: P,
          switches: tuple[P, ...] = (ASJOB, PASSTHRU)) -> CmdletSpec:
    return CmdletSpec(name, hyperv_class(class_name), NAME_OR_VM + switches + extra,
                      should_process=True, required_one_of=("Name", "VM"), default_set="Name")


class VmActionCmdlet(Cmdlet):
    """A state change applied to each target VM; subclasses name the action."""

    hyperv = True
    action = ""

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return
        for vm in VmResolver(self).resolve(bound):
            self.context.check_cancel()
            if self.bound.switch("WhatIf"):
                continue
            # A failed operation throws in the module: no -Passthru object for that VM.
            if self.act(vm) and self.bound.switch("Passthru"):
                yield self.vm_object(vm)

    def act(self, vm: SimVM) -> bool:
        """Run this cmdlet's action on one VM; False when it wrote an error."""
        return self.change_state(vm, self.action)

    def change_state(self, vm: SimVM, action: str) -> bool:
        """ChangeState: start the transition, write the module's error, wait for the end."""
        outcome = self.host.request(vm.vm_id, action)
        if outcome.kind == "gone":
            self.write_error(self.errors.object_gone(self.host.name))
        elif outcome.kind == "invalid_state":
            self.write_error(self.errors.invalid_state(vm.name, self.vm_object(vm)))
        elif outcome.kind == "out_of_memory":
            self.write_error(self.errors.out_of_memory(
                vm.name, str(vm.vm_id), vm.memory_startup // (1024 * 1024), self.vm_object(vm)))
        else:
            if outcome.kind == "ok":
                self.context.wait_until(outcome.ends_at)
            return True
        return False

    def vm_object(self, vm: SimVM) -> Any:
        """The VirtualMachine object as it looks now."""
        with self.host.lock:
            return self.context.vms.build(vm, self.host.now())


class StartVM(VmActionCmdlet):
    """Start-VM."""

    spec = _spec("Start-VM", "StartVM")
    action = "start"


class SaveVM(VmActionCmdlet):
    """Save-VM."""

    spec = _spec("Save-VM", "SaveVM")
    action = "save"


class SuspendVM(VmActionCmdlet):
    """Suspend-VM (Pause)."""

    spec = _spec("Suspend-VM", "SuspendVM")
    action = "suspend"


class ResumeVM(VmActionCmdlet):
    """Resume-VM."""

    spec = _spec("Resume-VM", "ResumeVM")
    action = "resume"


class RemoveVMSavedState(VmActionCmdlet):
    """Remove-VMSavedState (Delete Saved State): unlike the others it has neither -AsJob nor
    -Passthru (Microsoft's syntax for it lists -VMName/-VM/-VMSnapshot, -WhatIf, -Confirm)."""

    spec = _spec("Remove-VMSavedState", "RemoveVMSavedState", switches=())
    action = "delete_saved_state"


class RestartVM(VmActionCmdlet):
    """Restart-VM [-Type Reset|Reboot] [-Force] [-Wait [-For Heartbeat|IPAddress]].

    Reset (the default) is a hard reset and asks first unless -Force; Reboot asks the guest
    through the Shutdown service and needs it available.
    """

    spec = _spec("Restart-VM", "RestartVM", FORCE, P("Type", many=False), P("Wait", "switch"),
                 P("For", many=False), P("Delay", "int", many=False),
                 P("Timeout", "int", aliases=("TimeoutSec",), many=False))

    def act(self, vm: SimVM) -> bool:
        reboot = str(self.bound.get("Type", "Reset")).lower() == "reboot"
        if reboot:
            done = self._reboot(vm)
        elif not self.bound.switch("Force"):
            self.write_error(self.errors.prompt_refused(_RESTART_PROMPT.format(name=vm.name)))
            return False
        else:
            done = self.change_state(vm, "restart")
        if done and self.bound.switch("Wait"):
            self._wait_for_guest(vm)
        return done

    def _reboot(self, vm: SimVM) -> bool:
        with self.host.lock:
            available = vm.shutdown_available(self.host.now())
        if not available:
            # [unverified] OperationFailed_ShutdownICNotAvailableForReboot text.
            self.write_error(self.errors.operation_failed(
                f"Cannot restart virtual machine '{vm.name}' because the Shutdown integration "
                "service is not available."))
            return False
        self.context.wait_until(self.host.reboot_guest(vm.vm_id))
        return True

    def _wait_for_guest(self, vm: SimVM) -> None:
        want_ip = str(self.bound.get("For", "Heartbeat")).lower() == "ipaddress"
        while True:
            with self.host.lock:
                now = self.host.now()
                ready = vm.guest_up(now) and (not want_ip or any(
                    vm.ip_addresses(a, now) for a in vm.adapters))
            if ready:
                return
            self.context.sleep(min(0.2, max(0.01, self.host.time_scale)))


class StopVM(VmActionCmdlet):
    """Stop-VM: shut down through the guest, or -TurnOff, or -Save (the module's logic)."""

    spec = _spec("Stop-VM", "StopVM", FORCE, P("Save", "switch"), P("TurnOff", "switch"))

    def begin(self) -> Iterable[Any]:
        if self.bound.switch("Save") and self.bound.switch("TurnOff"):
            # [unverified] StopVM_SaveAndTurnOffBothSpecified text.
            raise TerminatingError(self.errors.invalid_argument(
                "The Save and TurnOff parameters cannot be specified at the same time."))
        return super().begin()

    def act(self, vm: SimVM) -> bool:
        if self.bound.switch("Save"):
            return self.change_state(vm, "save")
        if self.bound.switch("TurnOff"):
            return self.change_state(vm, "turn_off")
        with self.host.lock:
            now = self.host.now()
            state = vm.state(now)
            available = vm.shutdown_available(now)
        if state == VMState.Off:
            return True  # "already in the desired state": a warning only
        if available:
            return self.change_state(vm, "shutdown")
        if self.bound.switch("Force"):
            return self.change_state(vm, "turn_off")
        self.write_error(self.errors.prompt_refused(_SHUTDOWN_PROMPT.format(name=vm.name)))
        return False


CMDLETS = [StartVM, StopVM, SaveVM, SuspendVM, ResumeVM, RestartVM, RemoveVMSavedState]
