"""The bulk form of an action: VMs picked by id, the cmdlet with -Passthru, VMIds back."""

import uuid

import pytest

from hvmanager.hyperv.action_pipelines import bulk_action_pipeline, has_bulk_form
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.hyperv.vm_action import VmAction

A = VmAction
IDS = [uuid.UUID("8d7b2a3e-1111-4000-8000-000000000001"),
       uuid.UUID("8d7b2a3e-1111-4000-8000-000000000002")]
PICK = ("Get-VM | Where-Object -Property Id -In -Value 8d7b2a3e-1111-4000-8000-000000000001, "
        "8d7b2a3e-1111-4000-8000-000000000002 | ")


@pytest.mark.parametrize("action,tail", [
    (A.START, "Start-VM"), (A.SHUT_DOWN, "Stop-VM -Force"), (A.TURN_OFF, "Stop-VM -TurnOff"),
    (A.SAVE, "Save-VM"), (A.PAUSE, "Suspend-VM"), (A.RESUME, "Resume-VM"),
    (A.RESET, "Restart-VM -Force"), (A.CHECKPOINT, "Checkpoint-VM"), (A.DELETE, "Remove-VM -Force"),
])
def test_every_bulk_action_picks_by_id_and_passes_the_vms_through(action, tail):
    pipeline = bulk_action_pipeline(action, IDS)
    assert pipeline.commands[1].parameter("Value") == IDS  # typed Guids, never names
    assert render_pipeline(pipeline) == f"{PICK}{tail} -Passthru | Select-Object -Property VMId"


def test_delete_saved_state_has_no_bulk_form():
    assert not has_bulk_form(A.DELETE_SAVED_STATE)
    assert all(has_bulk_form(action) for action in VmAction if action is not A.DELETE_SAVED_STATE)
    with pytest.raises(ValueError):
        bulk_action_pipeline(A.DELETE_SAVED_STATE, IDS)


def test_names_are_typed_values_and_arguments_are_checked():
    rename = bulk_action_pipeline(A.RENAME, IDS, new_name="a 'b' $(c)")
    assert rename.commands[2].parameters == (("NewName", "a 'b' $(c)"), ("Passthru", True))
    assert render_pipeline(rename).endswith("| Rename-VM -NewName 'a ''b'' $(c)' -Passthru "
                                            "| Select-Object -Property VMId")
    checkpoint = bulk_action_pipeline(A.CHECKPOINT, IDS, snapshot_name="before")
    assert checkpoint.commands[2].parameter("SnapshotName") == "before"
    for bad in ({"action": A.RENAME}, {"action": A.START, "new_name": "x"},
                {"action": A.START, "snapshot_name": "x"}):
        with pytest.raises(ValueError):
            bulk_action_pipeline(vm_ids=IDS, **bad)
    with pytest.raises(ValueError):
        bulk_action_pipeline(A.START, [])
    with pytest.raises(TypeError):
        bulk_action_pipeline(A.START, ["web-01", IDS[0]])
