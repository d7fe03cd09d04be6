"""One snapshot of one virtual machine, as the last refresh saw it."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.vm_state import VMState


@dataclass(frozen=True)
class VirtualMachine:
    """A VM keyed by ``vm_id`` (names are not unique on a host).

    Refreshes select only the properties visible columns need, so every field but
    ``vm_id``, ``host``, ``name`` and ``state`` is optional. ``fetched`` names the fields
    the refresh asked for: a field that is ``None`` and in ``fetched`` means "the host sent
    no value" (e.g. Heartbeat of an Off VM); ``None`` and not in ``fetched`` means "not
    asked for" (see :meth:`is_fetched`). Memory is in bytes, ``cpu_usage`` in percent.
    """

    vm_id: uuid.UUID
    host: str
    name: str
    state: VMState
    cpu_usage: int | None = None
    memory_assigned: int | None = None
    memory_demand: int | None = None
    memory_startup: int | None = None
    memory_minimum: int | None = None
    memory_maximum: int | None = None
    memory_status: str | None = None
    dynamic_memory_enabled: bool | None = None
    processor_count: int | None = None
    uptime: timedelta | None = None
    status: str | None = None
    version: str | None = None
    generation: int | None = None
    path: str | None = None
    configuration_location: str | None = None
    notes: str | None = None
    creation_time: datetime | None = None
    heartbeat: HeartbeatStatus | None = None
    integration_services_version: str | None = None
    replication_state: str | None = None
    replication_health: str | None = None
    parent_snapshot_name: str | None = None
    checkpoint_type: CheckpointType | None = None
    is_clustered: bool | None = None
    fetched: frozenset[str] = frozenset()

    def __eq__(self, other: object) -> bool:
        # The same equality as the dataclass's (same class, every field equal, ``fetched``
        # too), compared as the instance dicts (the fields, nothing else: frozen) in one C
        # call instead of two tuples built attribute by attribute: the diff of a refresh
        # compares every changed VM, 4x faster so. Defining it keeps the fields' __hash__.
        if other.__class__ is self.__class__:
            return self.__dict__ == other.__dict__
        return NotImplemented

    @property
    def key(self) -> tuple[str, uuid.UUID]:
        """Identity across hosts: ``(host, vm_id)``."""
        return (self.host, self.vm_id)

    def is_fetched(self, field: str) -> bool:
        """True when the refresh that built this snapshot asked for ``field``.

        The four key fields are always fetched.
        """
        return field in ALWAYS_FETCHED or field in self.fetched

    def changed_fields(self, other: "VirtualMachine") -> frozenset[str]:
        """Names of the fields whose values differ from ``other``'s (``fetched`` excluded)."""
        return frozenset(
            name for name in FIELD_NAMES if getattr(self, name) != getattr(other, name)
        )


ALWAYS_FETCHED = frozenset({"vm_id", "host", "name", "state"})
FIELD_NAMES: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(VirtualMachine) if f.name != "fetched"
)
OPTIONAL_FIELD_NAMES: tuple[str, ...] = tuple(n for n in FIELD_NAMES if n not in ALWAYS_FETCHED)
