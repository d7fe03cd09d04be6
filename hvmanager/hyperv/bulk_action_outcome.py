"""Which VMs of one bulk action pipeline succeeded, and which error records belong to each."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.record import Record
from hvmanager.remoting.result import Result

_GET_VM = "Microsoft.HyperV.PowerShell.Commands.GetVM"


@dataclass(frozen=True)
class BulkActionOutcome:
    """The per-VM reading of ``bulk_action_pipeline``'s result.

    ``succeeded``: the VMIds ``-Passthru`` returned. ``errors``: per VM, the non-terminating
    records whose TargetObject is that VM (the module passes the VirtualMachine it failed
    on: InvalidState, OutOfMemory...). ``untargeted``: records that name no VM, such as
    the module's ObjectNotFound for a VM deleted between Get-VM and the action, or every
    cmdlet's while vmms is stopped; they belong to each VM that neither succeeded nor has
    a record of its own, as ``Get-VM -Id <guid> | <cmdlet>`` would have written them for
    that VM alone.
    """

    succeeded: frozenset[uuid.UUID]
    errors: Mapping[uuid.UUID, tuple[ErrorInfo, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    untargeted: tuple[ErrorInfo, ...] = ()

    @classmethod
    def of(cls, result: Result, vm_ids: Iterable[uuid.UUID]) -> "BulkActionOutcome":
        """Read ``result`` for the VMs the pipeline was given (others' ids are ignored)."""
        wanted = set(vm_ids)
        succeeded = frozenset(vm_id for vm_id in map(_record_vm_id, result.records)
                              if vm_id in wanted)
        errors: dict[uuid.UUID, list[ErrorInfo]] = {}
        untargeted = []
        for error in result.errors:
            vm_id = target_vm_id(error.target_object)
            if vm_id in wanted:
                errors.setdefault(vm_id, []).append(error)
            else:
                untargeted.append(error)
        return cls(succeeded, MappingProxyType({k: tuple(v) for k, v in errors.items()}),
                   tuple(untargeted))

    def errors_for(self, vm_id: uuid.UUID) -> tuple[ErrorInfo, ...]:
        """``()`` when the action succeeded on the VM, else the records that say why.

        A VM with records of its own fails with them, even if it was also passed through.
        A VM neither passed through nor named by any record was not among Get-VM's VMs:
        it was deleted after the selection, which ``Get-VM -Id`` reports as ObjectNotFound.
        """
        own = self.errors.get(vm_id)
        if own:
            return own
        if vm_id in self.succeeded:
            return ()
        return self.untargeted or (_not_found(vm_id),)


def target_vm_id(target: Any) -> uuid.UUID | None:
    """The VM an error record's TargetObject names: a VirtualMachine (or any object with a
    VMId, such as a checkpoint) by its id, or a bare Guid; None otherwise."""
    if isinstance(target, uuid.UUID):
        return target
    if isinstance(target, Record):
        value = target.get("VMId", "Id")
        if isinstance(value, uuid.UUID):
            return value
    return None


def _record_vm_id(record: Record) -> uuid.UUID | None:
    value = record.get("VMId") if record.properties else record.value
    return value if isinstance(value, uuid.UUID) else None


def _not_found(vm_id: uuid.UUID) -> ErrorInfo:
    # The record `Get-VM -Id <guid>` writes for an id no VM has, so a VM deleted meanwhile
    # reads the same whether it ran alone or in a bulk pipeline.
    return ErrorInfo(message=f'Hyper-V was unable to find a virtual machine with id "{vm_id}".',
                     fully_qualified_error_id=f"ObjectNotFound,{_GET_VM}",
                     category="ObjectNotFound", target_object=vm_id)
