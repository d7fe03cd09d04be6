"""The pipelines that run one ``VmAction``: on one VM targeted by id, or on many VMs at once."""

from __future__ import annotations

import uuid
from typing import Sequence

from hvmanager.hyperv.commands import get_vm_by_id, select
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

#: Remove-VMSavedState is the one action cmdlet without -Passthru (Microsoft's syntax for
#: it has none): without the passed-through VMs a bulk run cannot tell a VM whose saved
#: state was removed from one that was deleted meanwhile (neither writes anything).
_NO_PASSTHRU = frozenset({VmAction.DELETE_SAVED_STATE})


def action_pipeline(action: VmAction, vm_id: uuid.UUID, *, new_name: str | None = None,
                    snapshot_name: str | None = None) -> Pipeline:
    """``Get-VM -Id <guid> | <cmdlet> [switches] [-NewName n] [-SnapshotName s]``.

    ``new_name`` is required for RENAME and refused elsewhere; ``snapshot_name`` is
    optional for CHECKPOINT (the host names it after the VM and time otherwise).
    Values travel as typed parameters, so hostile names need no escaping.
    """
    return Pipeline.of(get_vm_by_id(vm_id), _action_command(action, new_name, snapshot_name))


def has_bulk_form(action: VmAction) -> bool:
    """Whether ``bulk_action_pipeline`` can run ``action`` (its cmdlet has ``-Passthru``)."""
    return action not in _NO_PASSTHRU


def bulk_action_pipeline(action: VmAction, vm_ids: Sequence[uuid.UUID], *,
                         new_name: str | None = None,
                         snapshot_name: str | None = None) -> Pipeline:
    """``Get-VM | Where-Object -Property Id -In -Value <guids> | <cmdlet> ... -Passthru |
    Select-Object -Property VMId``: the action on every VM of one host in one pipeline.

    Get-VM's ``-Id`` takes one Guid, so the VMs are picked from Get-VM's output by id;
    the action cmdlet takes them from the pipeline (its ``-VM`` parameter) one after
    another, as it would from ``Get-VM -Id``. ``-Passthru`` returns each VM the action
    succeeded on (Checkpoint-VM returns the checkpoint, which has the VM's id as VMId
    too), and only its VMId comes back. Failures are error records whose TargetObject
    is the VM (see ``BulkActionOutcome``). Same arguments rules as ``action_pipeline``.
    """
    if not has_bulk_form(action):
        raise ValueError(f"{action.cmdlet} has no -Passthru: run it per VM")
    ids = list(vm_ids)
    if not ids:
        raise ValueError("A bulk action needs at least one VM")
    if not all(isinstance(vm_id, uuid.UUID) for vm_id in ids):
        raise TypeError("VMs are targeted by uuid.UUID, never by name")
    command = _action_command(action, new_name, snapshot_name).with_parameter("Passthru")
    pick = Command("Where-Object", (("Property", "Id"), ("In", True), ("Value", ids)))
    return Pipeline.of(Command("Get-VM"), pick, command, select(["VMId"]))


def _action_command(action: VmAction, new_name: str | None, snapshot_name: str | None) -> Command:
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
    return command
