"""Pipelines over WinRM: errors, timeouts that stop the pipeline on the host, cancellation, reconnect."""

from __future__ import annotations

import asyncio
import time

import pytest
from hvmanager_testing.remoting_helpers import info_for, largest_tick_gap

from hvmanager.remoting.command import Command
from hvmanager.remoting.errors import ConnectTimeout, HostUnreachable, PowerShellError
from hvmanager.remoting.pipeline import Pipeline

GET_VM = Pipeline.of(Command("Get-VM"))


def _off_vm(host):
    model = host.model
    return next(vm for vm in model.vms if model.vm_state(vm).name == "Off")


def test_non_terminating_errors_come_back_in_result_errors(make_lab, session_class):
    lab = make_lab()
    hostile = "nosuch'; Remove-VM -Force; '\"$(x)\n"  # no wildcard characters: they match nothing silently

    async def scenario():
        session = session_class(info_for(lab.hosts[0]))
        try:
            return await session.run(Pipeline.of(Command("Get-VM", (("Name", hostile),))))
        finally:
            await session.close()

    result = asyncio.run(scenario())
    assert result.records == ()
    [error] = result.errors
    assert error.fully_qualified_error_id == "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM"
    assert hostile in error.message  # the name went over as data, never as PowerShell text
    assert not result.ok and result.duration_s > 0


def test_a_terminating_error_raises_powershell_error(make_lab, session_class):
    lab = make_lab()

    async def scenario():
        session = session_class(info_for(lab.hosts[0]))
        try:
            with pytest.raises(PowerShellError) as caught:
                await session.run(Pipeline.of(Command("Get-NoSuchThing")))
            # The pool survives a failed pipeline.
            return caught.value, await session.run(GET_VM)
        finally:
            await session.close()

    error, after = asyncio.run(scenario())
    assert error.fully_qualified_error_id.startswith("CommandNotFoundException")
    assert "Get-NoSuchThing" in error.message
    assert len(after.records) == 3


def test_timeout_stops_the_pipeline_on_the_host(make_lab, session_class):
    lab = make_lab()
    host = lab.hosts[0]
    vm = _off_vm(host)
    lab.set_fault(host.name, "slow_cmdlets", delay_s=3.0)
    start_vm = Pipeline.of(Command("Get-VM", (("Id", vm.vm_id),)), Command("Start-VM"))

    async def scenario():
        session = session_class(info_for(host))
        try:
            await session.open()
            started = time.monotonic()
            with pytest.raises(ConnectTimeout) as caught:
                await session.run(start_vm, timeout=0.5)
            took = time.monotonic() - started
            lab.clear_faults(host.name)
            await asyncio.sleep(3.5)  # past the moment the slow Start-VM would have acted
            after = await session.run(GET_VM, timeout=5)
            return caught.value, took, after
        finally:
            await session.close()

    error, took, after = asyncio.run(scenario())
    assert "was stopped" in error.message
    assert took < 4.0
    assert host.model.vm_state(vm).name == "Off"
    assert len(after.records) == 3


def test_cancelling_the_task_stops_the_pipeline_and_the_session_stays_usable(make_lab, session_class):
    lab = make_lab()
    host = lab.hosts[0]
    vm = _off_vm(host)
    lab.set_fault(host.name, "slow_cmdlets", delay_s=3.0)
    start_vm = Pipeline.of(Command("Get-VM", (("Id", vm.vm_id),)), Command("Start-VM"))

    async def scenario():
        session = session_class(info_for(host))
        try:
            await session.open()
            task = asyncio.ensure_future(session.run(start_vm, timeout=30))
            await asyncio.sleep(0.5)
            task.cancel()
            started = time.monotonic()
            with pytest.raises(asyncio.CancelledError):
                await task
            cancel_took = time.monotonic() - started
            lab.clear_faults(host.name)
            await asyncio.sleep(3.5)
            return cancel_took, await session.run(GET_VM, timeout=5)
        finally:
            await session.close()

    cancel_took, after = asyncio.run(scenario())
    assert cancel_took < 0.1
    assert host.model.vm_state(vm).name == "Off"
    assert len(after.records) == 3


@pytest.mark.parametrize("transport", ["http", "https"])
def test_the_pool_reopens_after_the_host_restarts(make_lab, transport, session_class):
    # Over HTTP the restarted host cannot decrypt the old context's messages (HTTP 400); over
    # HTTPS it no longer knows the shell (a WS-Man fault). Neither ran the pipeline: it is
    # sent again on a new pool, and the caller never sees the restart.
    lab = make_lab(transport=transport)
    host = lab.hosts[0]

    async def scenario():
        session = session_class(info_for(host))
        try:
            first = await session.run(GET_VM, timeout=5)
            lab.restart_host(host.name, new_certificate=transport == "https")
            second = await session.run(GET_VM, timeout=10)
            lab.restart_host(host.name)
            third = await session.run(GET_VM, timeout=10)
            return first, second, third
        finally:
            await session.close()

    results = asyncio.run(scenario())
    assert [len(result.records) for result in results] == [3, 3, 3]


def test_many_sessions_from_one_loop_never_block_it(simulator_process, session_class):
    # Every host takes 0.8 s per pipeline, so a run that blocked the loop would show a gap of
    # at least that; the bound below leaves room for a loaded 2-core machine's scheduling.
    hosts = simulator_process("--hosts", "4", "--vms-per-host", "5", "--time-scale", "0.01",
                              *(arg for n in range(1, 5) for arg in ("--fault", f"HV0{n}=slow_cmdlets:0.8")))
    # What a refresh runs: scalar properties only (see DESIGN.md, "The path of one refresh").
    refresh = Pipeline.of(Command("Get-VM"), Command("Select-Object", (
        ("Property", ["Name", "VMId", "State", "CPUUsage", "MemoryAssigned", "Uptime", "Status"]),)))

    async def scenario():
        sessions = [session_class(info_for(host)) for host in hosts]
        try:
            runs = asyncio.ensure_future(
                asyncio.gather(*(s.run(refresh, timeout=20) for s in sessions for _ in range(2))))
            gap = await largest_tick_gap(runs)
            return gap, await runs
        finally:
            await asyncio.gather(*(s.close() for s in sessions))

    gap, results = asyncio.run(scenario())
    assert [len(r.records) for r in results] == [5] * 8
    assert gap < 0.4


def test_close_stops_a_running_pipeline_and_fails_its_caller(make_lab, session_class):
    lab = make_lab()
    host = lab.hosts[0]
    vm = _off_vm(host)
    lab.set_fault(host.name, "slow_cmdlets", delay_s=3.0)
    start_vm = Pipeline.of(Command("Get-VM", (("Id", vm.vm_id),)), Command("Start-VM"))

    async def scenario():
        session = session_class(info_for(host))
        await session.open()
        running = asyncio.ensure_future(session.run(start_vm, timeout=30))
        await asyncio.sleep(0.5)
        started = time.monotonic()
        await session.close()
        close_took = time.monotonic() - started
        with pytest.raises(HostUnreachable, match="closed while the command ran"):
            await running
        lab.clear_faults(host.name)
        await asyncio.sleep(3.5)
        return close_took

    assert asyncio.run(scenario()) < 3.5
    assert host.model.vm_state(vm).name == "Off"
