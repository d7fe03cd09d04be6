"""Runs one lifecycle action on many VMs of one host, a few at a time, one result per VM."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Callable, Iterable

from hvmanager.core.action_result import ActionResult
from hvmanager.core.error_report import ErrorReport
from hvmanager.core.host_commands import HostCommands
from hvmanager.hyperv.action_pipelines import action_pipeline
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.remoting.errors import RemotingError
from hvmanager.remoting.pipeline import Pipeline


class VmActionRunner:
    """At most ``concurrency`` pipelines of this host in flight; every VM gets an ``ActionResult``.

    ``spawn`` creates the per-VM tasks so their owner (the session) can cancel them on
    close; a VM whose task was cancelled that way reads "cancelled".
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
        pipelines = [action_pipeline(action, vm_id, new_name=new_name, snapshot_name=snapshot_name)
                     for vm_id in ids]
        names = [self._vm_name(vm_id) for vm_id in ids]
        tasks = [self._spawn(self._one(action, vm_id, name, pipeline))
                 for vm_id, name, pipeline in zip(ids, names, pipelines)]
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        results = []
        for vm_id, name, outcome in zip(ids, names, outcomes):
            if isinstance(outcome, ActionResult):
                results.append(outcome)
            elif isinstance(outcome, asyncio.CancelledError):
                results.append(self._failed(action, vm_id, name, "cancelled",
                                            "Cancelled: the session was closed.", 0.0))
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
            return self._failed(action, vm_id, name, report.kind, report.message, duration)

    def _failed(self, action: VmAction, vm_id: uuid.UUID, name: str, kind: str, message: str,
                duration: float) -> ActionResult:
        return ActionResult(self._commands.config.key, vm_id, name, action, False, message, kind,
                            duration)
