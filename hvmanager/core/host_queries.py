"""The per-host questions and changes besides the VM list: details of one VM, integration
services, the Hyper-V services, readiness, host facts and checkpoints."""

from __future__ import annotations

import time
import uuid
from typing import Callable, Iterable, Mapping

from hvmanager.core.error_report import ErrorReport
from hvmanager.core.host_commands import HostCommands
from hvmanager.core.integration_service_result import IntegrationServiceResult
from hvmanager.domain.checkpoint_tree import CheckpointTree
from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.domain.hard_disk_drive import HardDiskDrive
from hvmanager.domain.host_info import HostInfo
from hvmanager.domain.host_readiness import HostReadiness
from hvmanager.domain.integration_service import IntegrationService
from hvmanager.domain.network_adapter import NetworkAdapter
from hvmanager.domain.service_status import ServiceStatus
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.hyperv.checkpoint_queries import (apply_checkpoint_pipeline, checkpoints_pipeline,
                                                 parse_checkpoints, remove_checkpoint_pipeline)
from hvmanager.hyperv.disk_queries import disks_pipeline, parse_disks
from hvmanager.hyperv.host_info_query import host_info_pipeline, parse_host_info
from hvmanager.hyperv.integration_service_queries import (integration_services_pipeline,
                                                          parse_integration_services,
                                                          set_integration_service_pipeline)
from hvmanager.hyperv.inventory_query import single_vm_pipeline
from hvmanager.hyperv.network_adapter_queries import network_adapters_pipeline, parse_network_adapters
from hvmanager.hyperv.readiness_queries import parse_host_readiness, readiness_pipelines
from hvmanager.hyperv.service_queries import (HYPER_V_SERVICES, VMMS, ServiceControl,
                                              parse_service_statuses, service_control_pipeline,
                                              service_status_pipeline)
from hvmanager.hyperv.vm_parser import parse_vm
from hvmanager.hyperv.vm_property import ALL, VmProperty, selection
from hvmanager.remoting.errors import (AccessDenied, PowerShellError, RemotingError)

_NO_SUCH_SERVICE = QT_TRANSLATE_NOOP("CoreMessages", "This VM has no integration service with that id.")
_NOT_APPLIED = QT_TRANSLATE_NOOP("CoreMessages", "The host did not apply the change.")
_SERVICE_MISSING = QT_TRANSLATE_NOOP("CoreMessages", "{host} did not report the service {name}.")


class HostQueries:
    """Queries and changes on one host, each one pipeline (or a few) through ``HostCommands``.

    Single-target operations raise typed ``RemotingError``s; bulk changes return one result
    per item. ``changed`` is called after anything that may change the VM list (the session
    schedules a refresh).
    """

    def __init__(self, commands: HostCommands, changed: Callable[[], None]) -> None:
        self._commands = commands
        self._changed = changed

    @property
    def _key(self) -> str:
        return self._commands.config.key

    async def vm(self, vm_id: uuid.UUID,
                 properties: Iterable[VmProperty | str] = ALL) -> VirtualMachine | None:
        """One VM with ``properties`` (all by default), e.g. for the Details pane."""
        chosen = selection(properties)
        result = await self._commands.run_checked(single_vm_pipeline(vm_id, chosen))
        for record in result.records:
            return parse_vm(record, self._key, chosen)
        return None

    async def integration_services(self, vm_id: uuid.UUID) -> tuple[IntegrationService, ...]:
        """The VM's integration services, keyed by GUID (names are translated)."""
        result = await self._commands.run_checked(integration_services_pipeline(vm_id))
        return parse_integration_services(result.records)

    async def set_integration_services(self, vm_id: uuid.UUID, changes: Mapping[uuid.UUID, bool],
                                       ) -> tuple[IntegrationServiceResult, ...]:
        """Switch services on/off by GUID; each result says whether the host now reports it."""
        current = {s.guid: s for s in await self.integration_services(vm_id)}
        results: dict[uuid.UUID, IntegrationServiceResult] = {}
        applied: list[uuid.UUID] = []
        for guid, enabled in changes.items():
            began = time.monotonic()
            service = current.get(guid)
            if service is None:
                results[guid] = self._service_result(vm_id, guid, "", enabled, False, began,
                                                     _NO_SUCH_SERVICE, "not_found")
                continue
            if service.enabled == enabled:
                results[guid] = self._service_result(vm_id, guid, service.name, enabled, True, began)
                continue
            try:
                await self._commands.run_checked(
                    set_integration_service_pipeline(vm_id, guid, enabled, service.full_id))
            except RemotingError as error:
                report = ErrorReport.of(error)
                results[guid] = self._service_result(vm_id, guid, service.name, enabled, False, began,
                                                     report.text or report.message, report.kind)
                continue
            results[guid] = self._service_result(vm_id, guid, service.name, enabled, True, began)
            applied.append(guid)
        if applied:
            self._changed()
            after = {s.guid: s for s in await self.integration_services(vm_id)}
            for guid in applied:
                now = after.get(guid)
                if now is None or now.enabled != changes[guid]:
                    results[guid] = IntegrationServiceResult(
                        self._key, vm_id, guid, results[guid].name, changes[guid], False,
                        str(_NOT_APPLIED), "not_applied", results[guid].duration_s, _NOT_APPLIED)
        return tuple(results[guid] for guid in changes)

    def _service_result(self, vm_id: uuid.UUID, guid: uuid.UUID, name: str, enabled: bool, ok: bool,
                        began: float, message: str | Message = "", kind: str = "") -> IntegrationServiceResult:
        text = message if isinstance(message, Message) else None
        return IntegrationServiceResult(self._key, vm_id, guid, name, enabled, ok, str(message), kind,
                                        time.monotonic() - began, text)

    async def services(self) -> tuple[ServiceStatus, ...]:
        """``vmms`` and ``vmcompute`` (a host without vmcompute lists vmms only)."""
        result, error = await self._commands.run(service_status_pipeline())
        statuses = parse_service_statuses(result.records)
        if error is not None and not statuses:
            raise error
        vmms = statuses.get(VMMS)
        if vmms is not None:
            self._commands.vmms_running = vmms.running
        return tuple(statuses[name] for name in HYPER_V_SERVICES if name in statuses)

    async def control_service(self, name: str, control: ServiceControl | str) -> ServiceStatus:
        """Start, stop or restart ``vmms``/``vmcompute``; returns the service's status after."""
        if isinstance(control, str):
            control = ServiceControl[control.strip().upper()]
        try:
            await self._commands.run_checked(service_control_pipeline(control, name))
            for status in await self.services():
                if status.name.lower() == name.lower():
                    return status
            raise RemotingError(_SERVICE_MISSING.format(host=self._commands.title, name=name), "",
                                self._commands.title)
        finally:
            self._changed()

    async def disks(self, vm_id: uuid.UUID) -> tuple[HardDiskDrive, ...]:
        """The VM's virtual hard disk drives."""
        return parse_disks((await self._commands.run_checked(disks_pipeline(vm_id))).records)

    async def network_adapters(self, vm_id: uuid.UUID) -> tuple[NetworkAdapter, ...]:
        """The VM's network adapters."""
        result = await self._commands.run_checked(network_adapters_pipeline(vm_id))
        return parse_network_adapters(result.records)

    async def checkpoints(self, vm_id: uuid.UUID) -> CheckpointTree:
        """The VM's checkpoints as a tree."""
        result = await self._commands.run_checked(checkpoints_pipeline(vm_id))
        return CheckpointTree.build(parse_checkpoints(result.records))

    async def apply_checkpoint(self, vm_id: uuid.UUID, checkpoint_id: uuid.UUID) -> None:
        """Revert the VM to a checkpoint (the UI confirms first)."""
        try:
            await self._commands.run_checked(apply_checkpoint_pipeline(vm_id, checkpoint_id))
        finally:
            self._changed()

    async def remove_checkpoint(self, vm_id: uuid.UUID, checkpoint_id: uuid.UUID,
                                include_children: bool = False) -> None:
        """Delete a checkpoint (and its subtree when ``include_children``)."""
        try:
            await self._commands.run_checked(
                remove_checkpoint_pipeline(vm_id, checkpoint_id, include_children))
        finally:
            self._changed()

    async def host_info(self) -> HostInfo:
        """``Get-VMHost`` facts; only the name when the host sent nothing."""
        result = await self._commands.run_checked(host_info_pipeline())
        return parse_host_info(result.records, self._commands.title) or HostInfo(self._commands.title)

    async def readiness(self) -> HostReadiness:
        """Can this host run Hyper-V? Each part is its own query; a part the host refuses
        (not elevated, missing cmdlet) leaves its fields None. Transport errors raise."""
        parts = {}
        for part, pipeline in readiness_pipelines().items():
            try:
                result, _ = await self._commands.run(pipeline)
            except (PowerShellError, AccessDenied):
                continue
            if result.records:
                parts[part] = result.records
        return parse_host_readiness(parts)
