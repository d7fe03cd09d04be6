"""Records (or JSON/CSV rows) of ``Get-VM`` into ``VirtualMachine`` snapshots."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv import values
from hvmanager.hyperv.vm_property import VmProperty
from hvmanager.remoting.record import Record


def _enum_name(value: Any) -> str | None:
    name, number = values.enum_parts(value)
    return name if name is not None else (str(number) if number is not None else None)


def _heartbeat(value: Any) -> HeartbeatStatus | None:
    if value is None:
        return None
    name, number = values.enum_parts(value)
    if name is None and number is None:
        return None
    return HeartbeatStatus.parse(name, number)


def _checkpoint_type(value: Any) -> CheckpointType | None:
    name, number = values.enum_parts(value)
    if name is None and number is None:
        return None
    return CheckpointType.parse(name, number)


def _non_negative_int(value: Any) -> int | None:
    number = values.as_int(value)
    return number if number is not None and number >= 0 else None


_CONVERTERS: dict[VmProperty, Callable[[Any], Any]] = {
    VmProperty.CPU_USAGE: _non_negative_int,
    VmProperty.MEMORY_ASSIGNED: _non_negative_int,
    VmProperty.MEMORY_DEMAND: _non_negative_int,
    VmProperty.MEMORY_STARTUP: _non_negative_int,
    VmProperty.MEMORY_MINIMUM: _non_negative_int,
    VmProperty.MEMORY_MAXIMUM: _non_negative_int,
    VmProperty.MEMORY_STATUS: values.as_str,
    VmProperty.DYNAMIC_MEMORY_ENABLED: values.as_bool,
    VmProperty.PROCESSOR_COUNT: _non_negative_int,
    VmProperty.UPTIME: values.as_timedelta,
    VmProperty.STATUS: values.as_str,
    VmProperty.VERSION: values.as_version,
    VmProperty.GENERATION: _non_negative_int,
    VmProperty.PATH: values.as_str,
    VmProperty.CONFIGURATION_LOCATION: values.as_str,
    VmProperty.NOTES: values.as_str,
    VmProperty.CREATION_TIME: values.as_datetime,
    VmProperty.HEARTBEAT: _heartbeat,
    VmProperty.INTEGRATION_SERVICES_VERSION: values.as_version,
    VmProperty.REPLICATION_STATE: _enum_name,
    VmProperty.REPLICATION_HEALTH: _enum_name,
    VmProperty.PARENT_SNAPSHOT_NAME: values.as_str,
    VmProperty.CHECKPOINT_TYPE: _checkpoint_type,
    VmProperty.IS_CLUSTERED: values.as_bool,
}
#: How each optional property's value is read (every property but Id, Name and State).
CONVERTERS: Mapping[VmProperty, Callable[[Any], Any]] = MappingProxyType(_CONVERTERS)


def parse_state(value: Any) -> VMState:
    """A VMState from an enum Record, a name or a number (name first)."""
    name, number = values.enum_parts(value)
    return VMState.parse(name, number)


def parse_vm(record: Record | Mapping[str, Any], host: str,
             properties: Iterable[VmProperty] | None = None) -> VirtualMachine | None:
    """One VM, or None when the record has no usable Id (it cannot be keyed).

    ``properties`` are those the pipeline selected; they become ``fetched``, so a property
    the host left out reads as "no value" rather than "not asked". When None, every
    property present in the record counts as fetched. Wrongly typed values become None.
    """
    if not isinstance(record, Record):
        record = Record(properties=dict(record))
    vm_id = values.as_uuid(record.get("Id")) or values.as_uuid(record.get("VMId"))
    if vm_id is None:
        return None
    name = values.as_str(record.get("Name")) or values.as_str(record.get("VMName")) or ""
    if properties is None:
        present = {key.lower() for key in record.properties}
        selected = [p for p in _CONVERTERS if p.powershell_name.lower() in present]
    else:
        selected = [p for p in properties if p in _CONVERTERS]
    fields = {p.field: _CONVERTERS[p](record.get(p.powershell_name)) for p in selected}
    return VirtualMachine(vm_id=vm_id, host=host, name=name,
                          state=parse_state(record.get("State")),
                          fetched=frozenset(fields), **fields)


def parse_vms(records: Iterable[Record | Mapping[str, Any]], host: str,
              properties: Iterable[VmProperty] | None = None) -> tuple[VirtualMachine, ...]:
    """Every keyable VM of a refresh, in host order; records without an Id are dropped."""
    wanted = tuple(properties) if properties is not None else None
    parsed = (parse_vm(record, host, wanted) for record in records)
    return tuple(vm for vm in parsed if vm is not None)
