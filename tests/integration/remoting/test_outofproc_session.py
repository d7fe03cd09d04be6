"""The local session: psrpcore over the stdio of the simulator's ``--stdio`` mode, as of powershell.exe -s."""

from __future__ import annotations

import asyncio
import shlex
import sys
import time

import pytest
from hvmanager_testing.remoting_helpers import largest_tick_gap

from hvmanager.remoting.command import Command
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.errors import ConnectTimeout, HostUnreachable, PowerShellError, ProtocolError
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


def test_timeout_signals_a_stop_to_the_child_and_the_session_goes_on(monkeypatch):
    # Real-time transitions: Start-VM waits 1-3 s per VM, one VM after the other.
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, SIMULATOR.replace(" --time-scale 0.01", ""))

    def off_names(result):
        return {r.get("Name") for r in result.records if r.get("State").to_string == "Off"}

    async def scenario():
        session = _local()
        try:
            off_before = off_names(await session.run(GET_VM))
            start_all = Pipeline.of(Command("Get-VM"), Command("Start-VM"))
            started = time.monotonic()
            running = asyncio.ensure_future(session.run(start_all, timeout=0.5))
            gap = await largest_tick_gap(running)
            with pytest.raises(ConnectTimeout) as caught:
                await running
            took = time.monotonic() - started
            await asyncio.sleep(3.5)  # long enough for Start-VM to reach the next VM, had it gone on
            return off_before, off_names(await session.run(GET_VM)), caught.value, took, gap
        finally:
            await session.close()

    off_before, off_after, error, took, gap = asyncio.run(scenario())
    assert len(off_before) >= 2
    # Stopped while waiting for the first VM: every other VM is still off.
    assert len(off_after) >= len(off_before) - 1
    assert "was stopped" in error.message
    assert took < 3.0 and gap < 0.1


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


def test_a_child_that_does_not_speak_the_protocol_is_a_protocol_error(monkeypatch):
    script = "import sys; print('Windows PowerShell', flush=True); sys.stdin.read()"
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, f"{shlex.quote(sys.executable)} -c {shlex.quote(script)}")

    async def scenario():
        session = _local()
        try:
            await session.run(GET_VM)
        finally:
            await session.close()

    with pytest.raises(ProtocolError) as caught:
        asyncio.run(scenario())
    assert "not a PowerShell Remoting packet" in caught.value.message
    assert "Windows PowerShell" in caught.value.message
