import uuid

import pytest

from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.action_pipelines import action_pipeline
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.hyperv.vm_action import VmAction, allowed, allowed_actions, allowed_for_all

A = VmAction
# The action table, row by row: Off, Running, Paused, Saved, transitional, critical.
# It is the reference table less what the Hyper-V module refuses (see VmAction's docstring).
TABLE = {
    A.START: "y--y--", A.TURN_OFF: "-yy---", A.SHUT_DOWN: "-y----", A.SAVE: "-yy---",
    A.PAUSE: "-y----", A.RESUME: "--y---", A.RESET: "-y----", A.DELETE_SAVED_STATE: "---y--",
    A.CHECKPOINT: "yyyy--", A.RENAME: "yyyyy-", A.DELETE: "y--y--",
}
COLUMNS = [VMState.OFF, VMState.RUNNING, VMState.PAUSED, VMState.SAVED, VMState.STARTING,
           VMState.RUNNING_CRITICAL]


@pytest.mark.parametrize("action", list(VmAction))
def test_table_matches_the_reference(action):
    assert "".join("y" if allowed(action, s) else "-" for s in COLUMNS) == TABLE[action]


def test_groups_follow_their_column():
    for state in (VMState.STOPPING, VMState.SAVING, VMState.RESUMING, VMState.FAST_SAVING):
        assert not allowed(A.TURN_OFF, state) and not allowed(A.START, state)
        assert allowed(A.RENAME, state)
    assert allowed(A.START, VMState.FAST_SAVED) and allowed(A.START, VMState.HIBERNATED)
    assert allowed(A.START, VMState.OFF_CRITICAL) is False
    assert allowed_actions(VMState.UNKNOWN) == () and allowed_actions(VMState.OTHER) == ()


def test_allowed_for_all_needs_every_state_and_at_least_one():
    assert allowed_for_all(A.START, [VMState.OFF, VMState.SAVED])
    assert not allowed_for_all(A.START, [VMState.OFF, VMState.RUNNING])
    assert not allowed_for_all(A.START, [])


def test_action_metadata():
    assert A.TURN_OFF.destructive and A.TURN_OFF.needs_confirmation
    assert not A.START.needs_confirmation
    assert A.SHUT_DOWN.needs_shutdown_service
    assert VmAction.from_key("delete_saved_state") is A.DELETE_SAVED_STATE
    assert len({a.key for a in VmAction}) == len(VmAction)


VM = uuid.UUID("8d7b2a3e-1111-4000-8000-000000000001")


@pytest.mark.parametrize("action,tail", [
    (A.START, "Start-VM"), (A.SHUT_DOWN, "Stop-VM -Force"), (A.TURN_OFF, "Stop-VM -TurnOff"),
    (A.SAVE, "Save-VM"), (A.PAUSE, "Suspend-VM"), (A.RESUME, "Resume-VM"),
    (A.RESET, "Restart-VM -Force"), (A.CHECKPOINT, "Checkpoint-VM"),
    (A.DELETE_SAVED_STATE, "Remove-VMSavedState"), (A.DELETE, "Remove-VM -Force"),
])
def test_every_action_targets_the_vm_by_id(action, tail):
    pipeline = action_pipeline(action, VM)
    assert pipeline.commands[0].parameter("Id") == VM
    assert render_pipeline(pipeline) == f"Get-VM -Id {VM} | {tail}"


def test_rename_and_named_checkpoint():
    rename = action_pipeline(A.RENAME, VM, new_name="new 'name'")
    assert rename.commands[1].parameter("NewName") == "new 'name'"
    assert render_pipeline(rename).endswith("Rename-VM -NewName 'new ''name'''")
    checkpoint = action_pipeline(A.CHECKPOINT, VM, snapshot_name="before update")
    assert checkpoint.commands[1].parameter("SnapshotName") == "before update"
    with pytest.raises(ValueError):
        action_pipeline(A.RENAME, VM)
    with pytest.raises(ValueError):
        action_pipeline(A.START, VM, new_name="x")
    with pytest.raises(ValueError):
        action_pipeline(A.START, VM, snapshot_name="x")
    with pytest.raises(TypeError):
        action_pipeline(A.START, "web-01")
