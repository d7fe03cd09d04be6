"""The ``Get-VM`` properties the client can select, and the domain field each fills."""

from __future__ import annotations

import enum
from typing import Iterable


class VmProperty(enum.Enum):
    """A scalar property of ``Microsoft.HyperV.PowerShell.VirtualMachine``.

    The value is the PowerShell property name, ``field`` the ``VirtualMachine`` field.
    Column registries name the properties they need; refresh selects exactly those plus
    :data:`REQUIRED` (Id, Name, State). Nested properties (HardDrives, NetworkAdapters,
    CimSession...) are deliberately absent: they are large and never selected.
    """

    ID = ("Id", "vm_id")
    NAME = ("Name", "name")
    STATE = ("State", "state")
    CPU_USAGE = ("CPUUsage", "cpu_usage")
    MEMORY_ASSIGNED = ("MemoryAssigned", "memory_assigned")
    MEMORY_DEMAND = ("MemoryDemand", "memory_demand")
    MEMORY_STARTUP = ("MemoryStartup", "memory_startup")
    MEMORY_MINIMUM = ("MemoryMinimum", "memory_minimum")
    MEMORY_MAXIMUM = ("MemoryMaximum", "memory_maximum")
    MEMORY_STATUS = ("MemoryStatus", "memory_status")
    DYNAMIC_MEMORY_ENABLED = ("DynamicMemoryEnabled", "dynamic_memory_enabled")
    PROCESSOR_COUNT = ("ProcessorCount", "processor_count")
    UPTIME = ("Uptime", "uptime")
    STATUS = ("Status", "status")
    VERSION = ("Version", "version")
    GENERATION = ("Generation", "generation")
    PATH = ("Path", "path")
    CONFIGURATION_LOCATION = ("ConfigurationLocation", "configuration_location")
    NOTES = ("Notes", "notes")
    CREATION_TIME = ("CreationTime", "creation_time")
    HEARTBEAT = ("Heartbeat", "heartbeat")
    INTEGRATION_SERVICES_VERSION = ("IntegrationServicesVersion", "integration_services_version")
    REPLICATION_STATE = ("ReplicationState", "replication_state")
    REPLICATION_HEALTH = ("ReplicationHealth", "replication_health")
    PARENT_SNAPSHOT_NAME = ("ParentSnapshotName", "parent_snapshot_name")
    CHECKPOINT_TYPE = ("CheckpointType", "checkpoint_type")
    IS_CLUSTERED = ("IsClustered", "is_clustered")

    def __init__(self, powershell_name: str, field: str) -> None:
        self.powershell_name = powershell_name
        self.field = field

    @classmethod
    def for_field(cls, field: str) -> "VmProperty":
        """The property that fills a ``VirtualMachine`` field (KeyError if none)."""
        return _BY_FIELD[field]

    @classmethod
    def for_powershell_name(cls, name: str) -> "VmProperty":
        """The property with that PowerShell name, case-insensitive (KeyError if none)."""
        return _BY_PS_NAME[name.lower()]


#: Always selected: the key, the label and what decides the allowed actions.
REQUIRED: tuple[VmProperty, ...] = (VmProperty.ID, VmProperty.NAME, VmProperty.STATE)
#: Every selectable property, in reference order.
ALL: tuple[VmProperty, ...] = tuple(VmProperty)

_BY_FIELD = {p.field: p for p in VmProperty}
_BY_PS_NAME = {p.powershell_name.lower(): p for p in VmProperty}


def selection(properties: Iterable[VmProperty | str]) -> tuple[VmProperty, ...]:
    """REQUIRED plus ``properties`` (members, field names or PowerShell names), deduplicated.

    Order is the reference order, so the same set of columns always yields the same
    pipeline text. Unknown names raise KeyError: a column asking for a property that
    does not exist is a programming error, not something to send to a host.
    """
    wanted = set(REQUIRED)
    for item in properties:
        if isinstance(item, VmProperty):
            wanted.add(item)
        elif item in _BY_FIELD:
            wanted.add(_BY_FIELD[item])
        else:
            wanted.add(VmProperty.for_powershell_name(item))
    return tuple(p for p in VmProperty if p in wanted)
