"""The pipeline that runs one ``VmAction`` on one VM, targeted by id."""

from __future__ import annotations

import uuid

from hvmanager.hyperv.commands import get_vm_by_id
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline

# Switches per action. Why: Restart-VM and Remove-VM prompt without -Force, and a
# remote runspace cannot answer prompts (the UI confirms before running instead).
# Shut Down uses -Force too: without it Stop-VM may prompt when the guest has locked
# sessions, and -Force still shuts down gracefully through the Shutdown service.
_SWITCHES: dict[VmAction, tuple[str, ...]] = {
    VmAction.SHUT_DOWN: ("Force",),
    VmAction.TURN_OFF: ("TurnOff",),
    VmAction.RESET: ("Force",),
    VmAction.DELETE: ("Force",),
}


def action_pipeline(action: VmAction, vm_id: uuid.UUID, *, new_name: str | None = None,
                    snapshot_name: str | None = None) -> Pipeline:
    """``Get-VM -Id <guid> | <cmdlet> [switches] [-NewName n] [-SnapshotName s]``.

    ``new_name`` is required for RENAME and refused elsewhere; ``snapshot_name`` is
    optional for CHECKPOINT (the host names it after the VM and time otherwise).
    Values travel as typed parameters, so hostile names need no escaping.
    """
    command = Command(action.cmdlet, tuple((switch, True) for switch in _SWITCHES.get(action, ())))
    if action is VmAction.RENAME:
        if not new_name:
            raise ValueError("Rename needs a new name")
        command = command.with_parameter("NewName", new_name)
    elif new_name is not None:
        raise ValueError(f"{action.title} takes no new name")
    if snapshot_name is not None:
        if action is not VmAction.CHECKPOINT:
            raise ValueError(f"{action.title} takes no checkpoint name")
        if snapshot_name:
            command = command.with_parameter("SnapshotName", snapshot_name)
    return Pipeline.of(get_vm_by_id(vm_id), command)
