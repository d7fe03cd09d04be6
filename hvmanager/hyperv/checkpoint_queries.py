"""A VM's checkpoints: list, apply (revert to) and delete, by checkpoint id."""

from __future__ import annotations

import uuid
from typing import Iterable

from hvmanager.domain.checkpoint import Checkpoint
from hvmanager.hyperv import values
from hvmanager.hyperv.commands import get_vm_by_id, select, where_equals
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record

CHECKPOINT_PROPERTIES = ("Id", "Name", "VMId", "VMName", "ParentSnapshotId", "ParentSnapshotName",
                         "CreationTime", "SnapshotType", "IsAutomaticCheckpoint")


def checkpoints_pipeline(vm_id: uuid.UUID) -> Pipeline:
    """``Get-VM -Id <guid> | Get-VMSnapshot | Select-Object -Property ...``."""
    return Pipeline.of(get_vm_by_id(vm_id), Command("Get-VMSnapshot"),
                       select(CHECKPOINT_PROPERTIES))


def _one_checkpoint(vm_id: uuid.UUID, checkpoint_id: uuid.UUID) -> Pipeline:
    # Checkpoint names are not unique either: filter by Id.
    if not isinstance(checkpoint_id, uuid.UUID):
        raise TypeError("Checkpoints are targeted by uuid.UUID, never by name")
    return Pipeline.of(get_vm_by_id(vm_id), Command("Get-VMSnapshot"),
                       where_equals("Id", checkpoint_id))


def apply_checkpoint_pipeline(vm_id: uuid.UUID, checkpoint_id: uuid.UUID) -> Pipeline:
    """``... | Where-Object -Property Id -EQ -Value <guid> | Restore-VMSnapshot -Confirm:$false``."""
    return _one_checkpoint(vm_id, checkpoint_id).pipe(
        Command("Restore-VMSnapshot", (("Confirm", False),)))


def remove_checkpoint_pipeline(vm_id: uuid.UUID, checkpoint_id: uuid.UUID,
                               include_children: bool = False) -> Pipeline:
    """``... | Remove-VMSnapshot [-IncludeAllChildSnapshots] -Confirm:$false``."""
    command = Command("Remove-VMSnapshot")
    if include_children:
        command = command.with_parameter("IncludeAllChildSnapshots")
    return _one_checkpoint(vm_id, checkpoint_id).pipe(command.with_parameter("Confirm", False))


def parse_checkpoint(record: Record) -> Checkpoint | None:
    """One checkpoint, or None without a usable Id."""
    checkpoint_id = values.as_uuid(record.get("Id"))
    if checkpoint_id is None:
        return None
    name, number = values.enum_parts(record.get("SnapshotType"))
    return Checkpoint(
        checkpoint_id=checkpoint_id,
        vm_id=values.as_uuid(record.get("VMId")),
        vm_name=values.as_str(record.get("VMName")) or "",
        name=values.as_str(record.get("Name")) or "",
        parent_id=values.as_uuid(record.get("ParentSnapshotId")),
        parent_name=values.as_str(record.get("ParentSnapshotName")),
        creation_time=values.as_datetime(record.get("CreationTime")),
        snapshot_type=name if name is not None else (str(number) if number is not None else None),
        is_automatic=values.as_bool(record.get("IsAutomaticCheckpoint")))


def parse_checkpoints(records: Iterable[Record]) -> tuple[Checkpoint, ...]:
    """Every keyable checkpoint, in host order (build a ``CheckpointTree`` to nest them)."""
    parsed = (parse_checkpoint(record) for record in records)
    return tuple(c for c in parsed if c is not None)
