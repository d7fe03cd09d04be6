"""The Hyper-V Windows services (``vmms``, ``vmcompute``): status, start, stop, restart."""

from __future__ import annotations

import enum
from typing import Iterable

from hvmanager.domain.service_start_type import ServiceStartType
from hvmanager.domain.service_state import ServiceState
from hvmanager.domain.service_status import ServiceStatus
from hvmanager.hyperv import values
from hvmanager.hyperv.commands import select
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record

#: Keyed by name: display names are translated.
VMMS = "vmms"
VMCOMPUTE = "vmcompute"
HYPER_V_SERVICES = (VMMS, VMCOMPUTE)
SERVICE_PROPERTIES = ("Name", "DisplayName", "Status", "StartType")


class ServiceControl(enum.Enum):
    """What a user can do with a service, and the cmdlet that does it."""

    START = "Start-Service"
    STOP = "Stop-Service"
    RESTART = "Restart-Service"


def service_status_pipeline(names: Iterable[str] = HYPER_V_SERVICES) -> Pipeline:
    """``Get-Service -Name vmms, vmcompute | Select-Object -Property ...``.

    A missing service (vmcompute on older hosts) is a non-terminating error; the
    others still come back.
    """
    return Pipeline.of(Command("Get-Service", (("Name", list(names)),)), select(SERVICE_PROPERTIES))


def service_control_pipeline(control: ServiceControl, name: str = VMMS) -> Pipeline:
    """``Start-Service -Name vmms`` (or Stop-/Restart-).

    No -Force: stopping vmms must not silently stop services that depend on it; if
    one does, the host's error says so. Only the Hyper-V services can be controlled:
    this app is not a general service manager.
    """
    if name.lower() not in HYPER_V_SERVICES:
        raise ValueError(f"{name!r} is not a Hyper-V service")
    return Pipeline.of(Command(control.value, (("Name", name),)))


def parse_service_status(record: Record) -> ServiceStatus | None:
    """One service, or None without a name."""
    name = values.as_str(record.get("Name", "ServiceName"))
    if not name:
        return None
    state_name, state_number = values.enum_parts(record.get("Status"))
    start_name, start_number = values.enum_parts(record.get("StartType"))
    return ServiceStatus(name=name, display_name=values.as_str(record.get("DisplayName")) or name,
                         state=ServiceState.parse(state_name, state_number),
                         start_type=ServiceStartType.parse(start_name, start_number))


def parse_service_statuses(records: Iterable[Record]) -> dict[str, ServiceStatus]:
    """Services by lower-case name."""
    parsed = (parse_service_status(record) for record in records)
    return {status.name.lower(): status for status in parsed if status is not None}
