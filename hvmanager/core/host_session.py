"""One Hyper-V server: connect, keep its VM list current, run actions, report typed errors."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import uuid
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any, Coroutine, Iterable, Mapping

from hvmanager.core.action_result import ActionResult
from hvmanager.core.backoff import Backoff
from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.host_commands import HostCommands, SessionFactory
from hvmanager.core.host_listener import HostListener
from hvmanager.core.host_queries import HostQueries
from hvmanager.core.host_state import HostState
from hvmanager.core.host_status import HostStatus
from hvmanager.core.integration_service_result import IntegrationServiceResult
from hvmanager.core.refresh_schedule import RefreshSchedule
from hvmanager.core.vm_action_runner import VmActionRunner
from hvmanager.domain.checkpoint_tree import CheckpointTree
from hvmanager.domain.hard_disk_drive import HardDiskDrive
from hvmanager.domain.host_info import HostInfo
from hvmanager.domain.host_readiness import HostReadiness
from hvmanager.domain.message import QT_TRANSLATE_NOOP
from hvmanager.domain.integration_service import IntegrationService
from hvmanager.domain.network_adapter import NetworkAdapter
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.service_status import ServiceStatus
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_diff import VmDiff, diff, index_by_id
from hvmanager.hyperv.error_classifier import classify_errors
from hvmanager.hyperv.inventory_query import refresh_pipeline
from hvmanager.hyperv.powershell_error_kind import PowerShellErrorKind
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.hyperv.refresh_parser import RefreshParser
from hvmanager.hyperv.service_queries import ServiceControl
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.hyperv.vm_property import ALL, VmProperty, selection
from hvmanager.remoting.errors import (AccessDenied, AuthenticationFailed, CertificateInvalid,
                                       HyperVNotInstalled, HyperVServiceStopped, PowerShellError,
                                       RemotingError)
from hvmanager.remoting.configuration_error import ConfigurationError
from hvmanager.remoting.result import Result
from hvmanager.remoting.transport_errors import session_closed

log = logging.getLogger(__name__)

#: Errors a retry cannot fix by itself (and retried credentials can lock an account out):
#: after these the session waits for ``refresh_soon()`` instead of retrying on a timer.
_NEEDS_USER = (AuthenticationFailed, CertificateInvalid, ConfigurationError, AccessDenied)
#: The host answered, but says there are no VMs to show: the list is emptied (as Hyper-V
#: Manager shows an error and an empty list). After transport errors the last list stays.
_CLEARS_VMS = (HyperVServiceStopped, HyperVNotInstalled, AccessDenied)
#: A periodic refresh reports REFRESHING only once it has run this long: most take a
#: fraction of it, and two status changes per host per tick made hundreds of hosts cost
#: the window a tree repaint each (and Hyper-V Manager's users see no flicker either).
REFRESHING_AFTER_S = 0.5


class HostSession:
    """One server: an explicit state machine (see ``HostState``) and one refresh loop.

    REFRESHING is reported at once for a refresh that was asked for (``refresh_soon``,
    ``refresh``, an action, a new selection) or that follows a connect; a periodic tick's
    or a retry's refresh reports it only after ``REFRESHING_AFTER_S`` (a quick one goes
    from CONNECTED, or the last error, straight to its result).

    ``start()`` connects (behind ``connect_limiter``) and refreshes every
    ``refresh_interval_s`` (ticks that fall during a refresh are dropped, never queued).
    ``refresh_soon()`` is coalesced: one refresh of this host runs at a time, and requests
    during a refresh schedule exactly one more. After a failure the session retries with
    a growing delay, except after errors only the user can fix (credentials, certificate,
    access), which wait for ``refresh_soon()``. Every pipeline is reported through
    ``listener.command_logged``. All methods are called on the event loop's thread;
    I/O happens on the transport's own thread (the shared network loop for WinRM, a
    worker thread for the other transports).
    """

    def __init__(self, config: ServerConfig, listener: HostListener, *, password: str | None = None,
                 session_factory: SessionFactory | None = None, refresh_interval_s: float = 5.0,
                 call_timeout_s: float = 30.0, action_concurrency: int = 4,
                 connect_limiter: asyncio.Semaphore | None = None,
                 properties: Iterable[VmProperty | str] = (),
                 retry_initial_s: float = 2.0, retry_max_s: float = 60.0) -> None:
        self._config = config
        self._listener = listener
        self._commands = HostCommands(config, password, self._command_logged,
                                      session_factory=session_factory, call_timeout_s=call_timeout_s)
        self._queries = HostQueries(self._commands, self.refresh_soon)
        self._actions = VmActionRunner(self._commands, action_concurrency, self._spawn, self._vm_name)
        self._limiter = connect_limiter
        self._schedule: RefreshSchedule[HostStatus] = RefreshSchedule(refresh_interval_s)
        self._backoff = Backoff(retry_initial_s, retry_max_s)
        self._properties: tuple[VmProperty, ...] = ()
        self._pipeline = refresh_pipeline()
        self._pipeline_text = ""
        self._apply_properties(properties)
        self._status = HostStatus()
        self._vms: dict[uuid.UUID, VirtualMachine] = {}
        self._parser = RefreshParser(config.key)
        self._parser_stale = False  # set on the loop, read by the next parse on the transport's thread
        self._parse_applied = False
        self._connected = False
        self._needs_user = False
        self._retry_delay = retry_initial_s
        self._loop_task: asyncio.Task | None = None
        self._tasks: set[asyncio.Task] = set()
        self._closed = False

    # --- identity and state ----------------------------------------------------------------

    @property
    def key(self) -> str:
        """The server's stable identity (``config.key``); also ``VirtualMachine.host``."""
        return self._config.key

    @property
    def config(self) -> ServerConfig:
        """Where and how this session connects."""
        return self._config

    @property
    def title(self) -> str:
        """What the server tree shows."""
        return self._config.title

    @property
    def status(self) -> HostStatus:
        """The last status reported to the listener."""
        return self._status

    @property
    def vms(self) -> Mapping[uuid.UUID, VirtualMachine]:
        """The last snapshot, keyed by VMId (read-only)."""
        return MappingProxyType(self._vms)

    @property
    def properties(self) -> tuple[VmProperty, ...]:
        """What the refresh selects (always Id, Name, State and the visible columns' needs)."""
        return self._properties

    @property
    def refresh_interval_s(self) -> float:
        """Seconds between periodic refreshes (0 = only on request)."""
        return self._schedule.interval_s

    @property
    def is_closed(self) -> bool:
        """True once ``close`` was called."""
        return self._closed

    # --- scheduling ----------------------------------------------------------------------------

    def start(self) -> None:
        """Begin connecting and the refresh loop (idempotent; needs a running event loop)."""
        if self._closed:
            raise RuntimeError(f"the session to {self.title} is closed")
        if self._loop_task is None:
            self._loop_task = asyncio.get_running_loop().create_task(
                self._run_loop(), name=f"hvmanager-refresh-{self.key}")

    def refresh_soon(self) -> None:
        """Ask for a refresh as soon as the current one (if any) ends; coalesced."""
        if not self._closed:
            self._schedule.request()

    async def refresh(self) -> HostStatus:
        """Return the status after a refresh that started after this call (successful or
        not); at once when the session is closed."""
        if self._closed:
            return self._status
        self.start()
        return await self._schedule.waiter()

    def set_properties(self, properties: Iterable[VmProperty | str]) -> None:
        """Select ``properties`` (plus Id, Name, State) from the next refresh, which runs soon
        when the selection changed."""
        if self._apply_properties(properties) and self._loop_task is not None:
            self.refresh_soon()

    def set_refresh_interval(self, seconds: float) -> None:
        """Change the period (0 or less: refresh only on request); applies at once."""
        self._schedule.set_interval(seconds)

    def _apply_properties(self, properties: Iterable[VmProperty | str]) -> bool:
        chosen = selection(properties)
        if chosen == self._properties:
            return False
        self._properties = chosen
        self._pipeline = refresh_pipeline(chosen)
        self._pipeline_text = render_pipeline(self._pipeline)
        return True

    # --- the loop --------------------------------------------------------------------------------

    async def _run_loop(self) -> None:
        while True:
            self._schedule.begin()
            await self._attempt()
            await self._schedule.wait_next(self._retry_after)

    def _retry_after(self) -> float | None:
        """None after success or SERVICE_STOPPED (the normal ticks), else the retry delay."""
        if self._status.state is not HostState.ERROR:
            return None
        return float("inf") if self._needs_user else self._retry_delay

    async def _attempt(self) -> None:
        try:
            # Said at once when the user (or an action) asked, or right after connecting;
            # a tick's or a retry's refresh says so only when it takes long.
            announce = self._schedule.requested or not self._connected
            if not self._connected:
                await self._connect()
            await self._refresh_vms(announce)
            self._backoff.reset()
            self._needs_user = False
        except RemotingError as error:
            self._failed(error)
        except Exception as error:  # a bug must not end this host's loop: report it, retry
            asyncio.get_running_loop().call_exception_handler({
                "message": f"Refreshing {self.title} failed unexpectedly", "exception": error})
            self._failed(RemotingError(
                QT_TRANSLATE_NOOP("CoreMessages", "Refreshing {host} failed unexpectedly ({error}).").format(
                    host=self.title, error=str(error)),
                QT_TRANSLATE_NOOP("CoreMessages", "See the application log."), self.title))
        finally:
            self._schedule.end(self._status)

    async def _connect(self) -> None:
        self._set_status(HostState.CONNECTING)
        if self._limiter is None:
            await self._commands.open()
        else:
            async with self._limiter:
                await self._commands.open()
        self._connected = True
        self._set_status(HostState.CONNECTED)

    async def _refresh_vms(self, announce: bool) -> None:
        late: asyncio.TimerHandle | None = None
        if announce:
            self._set_status(HostState.REFRESHING)
        else:
            late = asyncio.get_running_loop().call_later(
                REFRESHING_AFTER_S, self._set_status, HostState.REFRESHING)
        began = time.monotonic()
        properties = self._properties
        self._parse_applied = False
        try:
            await self._refresh_vms_once(began, properties)
        finally:
            if late is not None:
                late.cancel()
            if not self._parse_applied:
                # A parse on the transport's thread may have moved the parser on to rows that
                # are not shown: the next parse (on that same thread, after this one) starts afresh.
                self._parser_stale = True

    async def _refresh_vms_once(self, began: float, properties: tuple[VmProperty, ...]) -> None:
        # Parsing and diffing happen off the event loop's (the window's) thread: on the
        # transport's thread right after the pipeline (no hop to an executor and back), and
        # a host whose rows are all as last time costs neither objects nor a diff.
        parse = functools.partial(self._parse_result, properties)
        try:
            result, error, parsed = await self._commands.run_then(self._pipeline, parse,
                                                                  text=self._pipeline_text)
        except PowerShellError as failed:  # a terminating error: no records at all
            result, error, parsed = Result(), failed, None
        if isinstance(error, PowerShellError) \
                and PowerShellErrorKind.of(error) is PowerShellErrorKind.OBJECT_NOT_FOUND:
            # Listing all VMs cannot miss one VM: ask the service whether vmms stopped (the
            # message that says so is translated on other hosts), then classify again.
            await self._check_vmms()
            error = classify_errors(error.records, self.title, self._commands.vmms_running) or error
        if error is not None and (not result.records or isinstance(error, _CLEARS_VMS)):
            raise error
        if parsed is None:  # the transport runs no follow-up (not a ``FollowUpSession``)
            parsed = await asyncio.get_running_loop().run_in_executor(
                None, self._parse_result, properties, result)
        if isinstance(parsed, BaseException):
            raise parsed
        update, previous = parsed
        self._commands.vmms_running = True
        self._parse_applied = True
        if update is not None:
            snapshot, changes = update
            if previous is not self._vms:  # replaced meanwhile: diff against what is shown
                changes = diff(self._vms, snapshot)
            self._apply_snapshot(snapshot, changes)
        self._set_status(HostState.CONNECTED, last_refresh=datetime.now(timezone.utc),
                         refresh_duration_s=time.monotonic() - began)

    async def _check_vmms(self) -> None:
        try:
            await self._queries.services()
        except RemotingError:
            pass  # the refresh's own error is reported instead

    def _parse_result(self, properties: tuple[VmProperty, ...], result: Result) -> tuple[Any, Any]:
        """On the transport's thread: ``_parse`` of the refresh's output, and the snapshot it was
        diffed against."""
        if self._parser_stale:
            self._parser_stale = False
            self._parser.reset()
        previous = self._vms
        return self._parse(result.records, properties, previous), previous

    def _parse(self, records: Any, properties: tuple[VmProperty, ...],
               previous: dict[uuid.UUID, VirtualMachine],
               ) -> tuple[dict[uuid.UUID, VirtualMachine], VmDiff] | None:
        """On the transport's thread: the new snapshot and its diff from ``previous`` (the
        snapshot, never mutated, only replaced), or None when no row changed."""
        parsed = self._parser.parse(records, properties)
        if parsed.unchanged:
            return None
        snapshot = index_by_id(parsed.vms)
        return snapshot, diff(previous, snapshot)

    def _failed(self, error: RemotingError) -> None:
        if isinstance(error, _CLEARS_VMS):
            # The next refresh is compared with the emptied list. Only the thread that parses
            # touches the parser: a timed-out refresh's parse may still be running there.
            self._parser_stale = True
            self._replace_vms({})
        if not isinstance(error, (PowerShellError, HyperVServiceStopped, HyperVNotInstalled)):
            self._connected = False  # the transport broke: reconnect on the next attempt
        self._needs_user = isinstance(error, _NEEDS_USER)
        self._retry_delay = self._backoff.next_delay()
        state = HostState.SERVICE_STOPPED if isinstance(error, HyperVServiceStopped) else HostState.ERROR
        self._set_status(state, error_kind=error.kind, message=error.message, hint=error.hint,
                         text=error.text, hint_text=error.hint_text)

    def _replace_vms(self, snapshot: dict[uuid.UUID, VirtualMachine]) -> None:
        self._apply_snapshot(snapshot, diff(self._vms, snapshot))

    def _apply_snapshot(self, snapshot: dict[uuid.UUID, VirtualMachine], changes: VmDiff) -> None:
        self._vms = snapshot
        if not changes.empty:
            self._notify(self._listener.vms_changed, self.key, changes)

    def _set_status(self, state: HostState, **fields: Any) -> None:
        previous = self._status
        status = HostStatus(
            state=state, error_kind=fields.get("error_kind", ""), message=fields.get("message", ""),
            hint=fields.get("hint", ""), last_refresh=fields.get("last_refresh", previous.last_refresh),
            refresh_duration_s=fields.get("refresh_duration_s", previous.refresh_duration_s),
            vm_count=len(self._vms), text=fields.get("text"), hint_text=fields.get("hint_text"))
        if state in (HostState.CONNECTING, HostState.REFRESHING) and previous.has_error:
            # Keep showing why the last attempt failed while the next one runs.
            status = HostStatus(state, previous.error_kind, previous.message, previous.hint,
                                status.last_refresh, status.refresh_duration_s, status.vm_count,
                                previous.text, previous.hint_text)
        if status != previous:
            self._status = status
            self._notify(self._listener.host_status_changed, self.key, status)

    # --- actions and queries (see HostQueries / VmActionRunner) -------------------------------

    async def run_action(self, action: VmAction, vm_ids: Iterable[uuid.UUID], *,
                         new_name: str | None = None,
                         snapshot_name: str | None = None) -> tuple[ActionResult, ...]:
        """Run ``action`` on every VM (several VMs as one pipeline; at most
        ``action_concurrency`` pipelines at once on this host); one ``ActionResult`` per VM;
        one refresh follows, after the last result."""
        try:
            return await self._actions.run(action, vm_ids, new_name=new_name,
                                           snapshot_name=snapshot_name)
        finally:
            self.refresh_soon()

    async def vm(self, vm_id: uuid.UUID,
                 properties: Iterable[VmProperty | str] = ALL) -> VirtualMachine | None:
        """One VM with every property (for the Details pane); None when it is gone."""
        return await self._queries.vm(vm_id, properties)

    async def integration_services(self, vm_id: uuid.UUID) -> tuple[IntegrationService, ...]:
        """The VM's integration services (keyed by GUID)."""
        return await self._queries.integration_services(vm_id)

    async def set_integration_services(self, vm_id: uuid.UUID, changes: Mapping[uuid.UUID, bool],
                                       ) -> tuple[IntegrationServiceResult, ...]:
        """Enable/disable services by GUID; one result per requested GUID."""
        return await self._queries.set_integration_services(vm_id, changes)

    async def services(self) -> tuple[ServiceStatus, ...]:
        """The Hyper-V services (vmms, vmcompute)."""
        return await self._queries.services()

    async def control_service(self, name: str, control: ServiceControl | str) -> ServiceStatus:
        """``start``/``stop``/``restart`` a Hyper-V service; a refresh follows (stopping vmms
        puts the session in SERVICE_STOPPED)."""
        return await self._queries.control_service(name, control)

    async def disks(self, vm_id: uuid.UUID) -> tuple[HardDiskDrive, ...]:
        """The VM's virtual hard disks."""
        return await self._queries.disks(vm_id)

    async def network_adapters(self, vm_id: uuid.UUID) -> tuple[NetworkAdapter, ...]:
        """The VM's network adapters."""
        return await self._queries.network_adapters(vm_id)

    async def checkpoints(self, vm_id: uuid.UUID) -> CheckpointTree:
        """The VM's checkpoint tree."""
        return await self._queries.checkpoints(vm_id)

    async def apply_checkpoint(self, vm_id: uuid.UUID, checkpoint_id: uuid.UUID) -> None:
        """Revert to a checkpoint; a refresh follows."""
        await self._queries.apply_checkpoint(vm_id, checkpoint_id)

    async def remove_checkpoint(self, vm_id: uuid.UUID, checkpoint_id: uuid.UUID,
                                include_children: bool = False) -> None:
        """Delete a checkpoint (with its subtree if asked); a refresh follows."""
        await self._queries.remove_checkpoint(vm_id, checkpoint_id, include_children)

    async def host_info(self) -> HostInfo:
        """``Get-VMHost`` facts."""
        return await self._queries.host_info()

    async def readiness(self) -> HostReadiness:
        """Whether the host can run Hyper-V (works with vmms stopped or Hyper-V absent)."""
        return await self._queries.readiness()

    # --- shutdown ------------------------------------------------------------------------------

    async def close(self, timeout_s: float = 5.0) -> None:
        """Cancel the loop and every task of this session and close the transport (joining
        its worker thread, if it has one), all within ``timeout_s``; reports DISCONNECTED
        last. Never raises."""
        if self._closed:
            return
        self._closed = True
        deadline = time.monotonic() + timeout_s
        tasks = [task for task in (self._loop_task, *self._tasks) if task is not None]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=max(0.0, deadline - time.monotonic()))
        try:
            await asyncio.wait_for(self._commands.close(), max(0.05, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            log.info("closing the session to %s took longer than %s s", self.title, timeout_s)
        self._set_status(HostState.DISCONNECTED)
        self._schedule.release_all(self._status)

    # --- plumbing ------------------------------------------------------------------------------

    def _spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task:
        """A task this session owns (cancelled by ``close``)."""
        if self._closed:
            coroutine.close()
            raise session_closed(self.title)
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _vm_name(self, vm_id: uuid.UUID) -> str:
        vm = self._vms.get(vm_id)
        return vm.name if vm is not None else ""

    def _command_logged(self, entry: CommandLogEntry) -> None:
        self._notify(self._listener.command_logged, entry)

    def _notify(self, callback: Any, *args: Any) -> None:
        """Call the listener; a failing listener must not stop this host's loop."""
        try:
            callback(*args)
        except Exception as error:  # reported on the loop's one error path
            asyncio.get_running_loop().call_exception_handler({
                "message": f"A host listener failed for {self.title}", "exception": error})

