"""Runs one lifecycle action on many VMs of one host in one pipeline, one result per VM."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Callable, Iterable

from hvmanager.core.action_result import ActionResult
from hvmanager.core.error_report import ErrorReport
from hvmanager.core.host_commands import HostCommands
from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.hyperv.action_pipelines import action_pipeline, bulk_action_pipeline, has_bulk_form
from hvmanager.hyperv.bulk_action_outcome import BulkActionOutcome
from hvmanager.hyperv.error_classifier import classify_errors
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.remoting.errors import RemotingError
from hvmanager.remoting.pipeline import Pipeline

_CANCELLED = QT_TRANSLATE_NOOP("CoreMessages", "Cancelled: the session was closed.")


class VmActionRunner:
    """At most ``concurrency`` pipelines of this host in flight; every VM gets an ``ActionResult``.

    Several VMs run as one pipeline (``bulk_action_pipeline``): one round trip to the host
    instead of one per VM, read back per VM by ``BulkActionOutcome``. One VM, and actions
    whose cmdlet has no ``-Passthru``, run as ``Get-VM -Id <guid> | <cmdlet>`` per VM.
    ``spawn`` creates the tasks so their owner (the session) can cancel them on close; a
    VM whose task was cancelled that way reads "cancelled".
    """

    def __init__(self, commands: HostCommands, concurrency: int,
                 spawn: Callable[[object], asyncio.Task], vm_name: Callable[[uuid.UUID], str]) -> None:
        if concurrency < 1:
            raise ValueError("action_concurrency must be at least 1")
        self._commands = commands
        self._slots = asyncio.Semaphore(concurrency)
        self._spawn = spawn
        self._vm_name = vm_name

    async def run(self, action: VmAction, vm_ids: Iterable[uuid.UUID], *, new_name: str | None = None,
                  snapshot_name: str | None = None) -> tuple[ActionResult, ...]:
        """Per-VM results in the order of ``vm_ids`` (duplicates run once).

        Invalid arguments (Rename without a name...) raise ``ValueError`` before anything runs.
        """
        ids = list(dict.fromkeys(vm_ids))
        names = [self._vm_name(vm_id) for vm_id in ids]
        if len(ids) > 1 and has_bulk_form(action):
            bulk = bulk_action_pipeline(action, ids, new_name=new_name, snapshot_name=snapshot_name)
            [outcome] = await asyncio.gather(self._spawn(self._bulk(action, ids, names, bulk)),
                                             return_exceptions=True)
            outcomes = outcome if isinstance(outcome, tuple) else [outcome] * len(ids)
        else:
            pipelines = [action_pipeline(action, vm_id, new_name=new_name,
                                         snapshot_name=snapshot_name) for vm_id in ids]
            tasks = [self._spawn(self._one(action, vm_id, name, pipeline))
                     for vm_id, name, pipeline in zip(ids, names, pipelines)]
            outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        results = []
        for vm_id, name, outcome in zip(ids, names, outcomes):
            if isinstance(outcome, ActionResult):
                results.append(outcome)
            elif isinstance(outcome, asyncio.CancelledError):
                results.append(self._failed(action, vm_id, name, "cancelled", _CANCELLED, 0.0))
            else:
                raise outcome
        return tuple(results)

    async def _one(self, action: VmAction, vm_id: uuid.UUID, name: str,
                   pipeline: Pipeline) -> ActionResult:
        async with self._slots:
            began = time.monotonic()
            try:
                _, error = await self._commands.run(pipeline)
            except RemotingError as raised:
                error = raised
            duration = time.monotonic() - began
            if error is None:
                return ActionResult(self._commands.config.key, vm_id, name, action, True,
                                    duration_s=duration)
            report = ErrorReport.of(error)
            return self._failed(action, vm_id, name, report.kind, report.text, duration)

    async def _bulk(self, action: VmAction, ids: list[uuid.UUID], names: list[str],
                    pipeline: Pipeline) -> tuple[ActionResult, ...]:
        async with self._slots:
            began = time.monotonic()
            try:
                # The host runs the VMs one after another, each as long as it would alone:
                # the pipeline gets the time the per-VM pipelines would have had together.
                result, _ = await self._commands.run(
                    pipeline, timeout_s=self._commands.call_timeout_s * len(ids))
            except RemotingError as raised:
                # Transport failures and terminating errors end the whole pipeline: no VM
                # reported back, so each gets the reason (the refresh shows what happened).
                report = ErrorReport.of(raised)
                duration = time.monotonic() - began
                return tuple(self._failed(action, vm_id, name, report.kind, report.text, duration)
                             for vm_id, name in zip(ids, names))
            duration = time.monotonic() - began
        outcome = BulkActionOutcome.of(result, ids)
        results = []
        for vm_id, name in zip(ids, names):
            records = outcome.errors_for(vm_id)
            error = classify_errors(records, self._commands.title, self._commands.vmms_running)
            if error is None:
                results.append(ActionResult(self._commands.config.key, vm_id, name, action, True,
                                            duration_s=duration))
            else:
                report = ErrorReport.of(error)
                results.append(self._failed(action, vm_id, name, report.kind, report.text,
                                            duration))
        return tuple(results)

    def _failed(self, action: VmAction, vm_id: uuid.UUID, name: str, kind: str, text: Message,
                duration: float) -> ActionResult:
        return ActionResult(self._commands.config.key, vm_id, name, action, False, str(text), kind,
                            duration, text)
