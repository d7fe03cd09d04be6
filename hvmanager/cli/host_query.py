"""Ask one server for its VMs once: connect, one pipeline, parse, close."""

from __future__ import annotations

import asyncio
import functools
from dataclasses import dataclass
from typing import Sequence

from hvmanager.cli.vms_request import HostTarget
from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.error_report import ErrorReport
from hvmanager.core.host_commands import HostCommands, SessionFactory
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.hyperv.inventory_query import parse_refresh, refresh_pipeline
from hvmanager.hyperv.vm_property import VmProperty, selection
from hvmanager.remoting.errors import RemotingError
from hvmanager.remoting.network_loop import NetworkLoop
from hvmanager.remoting.session_factory import create_session

#: A polite close (releasing the shell on the host) never holds the command up for long.
_CLOSE_BOUND_S = 2.0


@dataclass(frozen=True)
class HostAnswer:
    """The VMs of one host, or why there are none (both when the host sent VMs and errors)."""

    target: HostTarget
    vms: tuple[VirtualMachine, ...] = ()
    error: ErrorReport | None = None


def _discard(entry: CommandLogEntry) -> None:
    """The CLI prints rows, not the command log."""


async def query_host(target: HostTarget, password: str | None, properties: Sequence[VmProperty],
                     timeout_s: float, session_factory: SessionFactory | None = None) -> HostAnswer:
    """One ``Get-VM | Select-Object`` on ``target`` within ``timeout_s`` (connecting included)."""
    chosen = selection(properties)
    commands = HostCommands(target.config, password, _discard, call_timeout_s=timeout_s,
                            session_factory=session_factory)
    try:
        result, error = await commands.run(refresh_pipeline(chosen))
    except RemotingError as failure:
        # The transport is broken (its pool already discarded): nothing to release on the
        # host; whatever still runs for it ends with the network loop.
        return HostAnswer(target, error=ErrorReport.of(failure))
    try:
        await asyncio.wait_for(commands.close(), _CLOSE_BOUND_S)
    except asyncio.TimeoutError:
        pass
    vms = parse_refresh(result.records, target.label, chosen)
    return HostAnswer(target, vms, ErrorReport.of(error) if error is not None else None)


async def query_hosts(targets: Sequence[HostTarget], password: str | None,
                      properties: Sequence[VmProperty], timeout_s: float,
                      max_parallel: int) -> list[HostAnswer]:
    """Every target at once, at most ``max_parallel`` in flight; answers in target order.

    The WinRM hosts share one network thread, stopped (bounded) before returning.
    """
    slots = asyncio.Semaphore(max_parallel)
    network = NetworkLoop()
    factory = functools.partial(create_session, network=network)

    async def one(target: HostTarget) -> HostAnswer:
        async with slots:
            return await query_host(target, password, properties, timeout_s, factory)

    try:
        return list(await asyncio.gather(*(one(target) for target in targets)))
    finally:
        await network.aclose(_CLOSE_BOUND_S)
