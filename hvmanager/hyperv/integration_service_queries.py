"""Integration services of a VM: list them, switch one on or off by GUID.

Hosts translate service names (German: "Takt" for Heartbeat), so a service is only
ever identified by the GUID at the end of its ``Id`` (``Microsoft:<VMId>\\<GUID>``).
"""

from __future__ import annotations

import uuid
from typing import Iterable

from hvmanager.domain.integration_service import IntegrationService
from hvmanager.hyperv import values
from hvmanager.hyperv.commands import get_vm_by_id, select, where_equals
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record

INTEGRATION_SERVICE_PROPERTIES = ("VMId", "VMName", "Name", "Id", "Enabled",
                                  "PrimaryStatusDescription", "SecondaryStatusDescription")


def integration_services_pipeline(vm_id: uuid.UUID) -> Pipeline:
    """``Get-VM -Id <guid> | Get-VMIntegrationService | Select-Object -Property ...``."""
    return Pipeline.of(get_vm_by_id(vm_id), Command("Get-VMIntegrationService"),
                       select(INTEGRATION_SERVICE_PROPERTIES))


def integration_service_full_id(vm_id: uuid.UUID, guid: uuid.UUID) -> str:
    """The host's ``Id`` for a service: ``Microsoft:<VMID>\\<GUID>`` (upper case, as hosts send)."""
    return f"Microsoft:{str(vm_id).upper()}\\{str(guid).upper()}"


def set_integration_service_pipeline(vm_id: uuid.UUID, guid: uuid.UUID, enabled: bool,
                                     full_id: str | None = None) -> Pipeline:
    """``Get-VM -Id x | Get-VMIntegrationService | Where-Object -Property Id -EQ -Value
    'Microsoft:x\\GUID' | Enable-VMIntegrationService`` (or Disable-).

    Pass ``full_id`` as the host sent it (``IntegrationService.full_id``) to match the
    host's own spelling; otherwise it is built from the two GUIDs (``-EQ`` compares
    strings case-insensitively). A GUID that matches nothing changes nothing: the
    filter cannot widen to other services, unlike a name that a host translates.
    """
    if not isinstance(guid, uuid.UUID):
        raise TypeError("Integration services are targeted by uuid.UUID, never by name")
    target = full_id or integration_service_full_id(vm_id, guid)
    if values.last_guid(target) != guid:
        raise ValueError(f"{target!r} is not the id of service {guid}")
    cmdlet = "Enable-VMIntegrationService" if enabled else "Disable-VMIntegrationService"
    return Pipeline.of(get_vm_by_id(vm_id), Command("Get-VMIntegrationService"),
                       where_equals("Id", target), Command(cmdlet))


def parse_integration_service(record: Record) -> IntegrationService | None:
    """One service, or None when its Id holds no GUID (it could not be targeted)."""
    full_id = values.as_str(record.get("Id")) or ""
    guid = values.last_guid(full_id)
    if guid is None:
        return None
    vm_id = values.as_uuid(record.get("VMId"))
    if vm_id is None:
        # The VMId is also the first GUID of the Id.
        found = values.guids_in(full_id)
        vm_id = found[0] if len(found) > 1 else None
    return IntegrationService(
        guid=guid, vm_id=vm_id, name=values.as_str(record.get("Name")) or "",
        enabled=bool(values.as_bool(record.get("Enabled"))), full_id=full_id,
        primary_status=values.as_str(record.get("PrimaryStatusDescription")),
        secondary_status=values.as_str(record.get("SecondaryStatusDescription")))


def parse_integration_services(records: Iterable[Record]) -> tuple[IntegrationService, ...]:
    """Every targetable service, in host order."""
    parsed = (parse_integration_service(record) for record in records)
    return tuple(service for service in parsed if service is not None)
