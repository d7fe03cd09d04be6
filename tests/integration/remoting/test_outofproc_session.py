"""The local session: psrpcore over the stdio of the simulator's ``--stdio`` mode, as of powershell.exe -s."""

from __future__ import annotations

import asyncio
import shlex
import sys
import time

import pytest
from conftest import largest_tick_gap

from hvmanager.remoting.command import Command
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.errors import ConnectTimeout, HostUnreachable, PowerShellError
from hvmanager.remoting.outofproc_session import ENVIRONMENT_VARIABLE, OutOfProcSession
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record
from hvmanager.remoting.session_factory import create_session

GET_VM = Pipeline.of(Command("Get-VM"))
SIMULATOR = f"{shlex.quote(sys.executable)} -m hvmanager.simulator --stdio --vms-per-host 4 --time-scale 0.01"


@pytest.fixture
def local_simulator(monkeypatch):
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, SIMULATOR)


def _local():
    return create_session(ConnectionInfo("localhost", transport="local", operation_timeout_s=20))


def test_the_factory_runs_the_overridden_command_line(local_simulator):
    async def scenario():
        session = _local()
        assert isinstance(session, OutOfProcSession)
        try:
            return await session.run(GET_VM)
        finally:
            await session.close()

    result = asyncio.run(scenario())
    assert len(result.records) == 4
    for record in result.records:
        assert record.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")
        assert isinstance(record.get("State"), Record)


def test_errors_non_terminating_and_terminating(local_simulator):
    async def scenario():
        session = _local()
        try:
            missing = await session.run(Pipeline.of(Command("Get-VM", (("Name", "nosuch"),))))
            with pytest.raises(PowerShellError) as caught:
                await session.run(Pipeline.of(Command("Get-NoSuchThing")))
            return missing, caught.value, await session.run(GET_VM)
        finally:
            await session.close()

    missing, failed, after = asyncio.run(scenario())
    assert [e.fully_qualified_error_id for e in missing.errors] == [
        "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM"]
    assert failed.fully_qualified_error_id.startswith("CommandNotFoundException")
    assert len(after.records) == 4


def test_timeout_signals_a_stop_and_the_session_goes_on(local_simulator):
    async def scenario():
        session = _local()
        try:
            records = (await session.run(GET_VM)).records
            off = next(r for r in records if r.get("State").to_string == "Off")
            slow = Pipeline.of(Command("Get-VM", (("Id", off.get("Id")),)), Command("Start-VM"),
                               )
            started = time.monotonic()
            ticking = asyncio.ensure_future(session.run(slow, timeout=0.000001))
            gap = await largest_tick_gap(ticking)
            with pytest.raises(ConnectTimeout):
                await ticking
            return time.monotonic() - started, gap, await session.run(GET_VM)
        finally:
            await session.close()

    took, gap, after = asyncio.run(scenario())
    assert took < 3.0 and gap < 0.1
    assert len(after.records) == 4


def test_close_ends_the_child_process(local_simulator):
    async def scenario():
        session = _local()
        await session.run(GET_VM)
        process = session._channel._process
        started = time.monotonic()
        await session.close()
        return process, time.monotonic() - started

    process, took = asyncio.run(scenario())
    assert process.poll() is not None
    assert took < 3.5


def test_a_missing_powershell_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "/nonexistent/powershell.exe -s")

    async def scenario():
        session = _local()
        try:
            await session.run(GET_VM)
        finally:
            await session.close()

    with pytest.raises(HostUnreachable, match="PowerShell could not be started"):
        asyncio.run(scenario())


def test_a_child_that_exits_at_once_is_reported_with_its_exit_code_and_stderr(monkeypatch):
    script = "import sys; sys.stderr.write('no PowerShell here'); sys.exit(3)"
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, f"{shlex.quote(sys.executable)} -c {shlex.quote(script)}")

    async def scenario():
        session = _local()
        try:
            await session.run(GET_VM)
        finally:
            await session.close()

    with pytest.raises(HostUnreachable) as caught:
        asyncio.run(scenario())
    assert "exit code 3" in caught.value.message
    assert "no PowerShell here" in caught.value.message


def test_a_child_that_died_is_replaced_by_the_next_run(local_simulator):
    async def scenario():
        session = _local()
        try:
            await session.run(GET_VM)
            first = session._channel._process
            first.kill()
            first.wait(5)
            result = await session.run(GET_VM)
            return first, session._channel._process, result
        finally:
            await session.close()

    first, second, result = asyncio.run(scenario())
    assert second.pid != first.pid
    assert len(result.records) == 4
