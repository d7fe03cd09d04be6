"""Transport faults injected in simulator hosts: each becomes the typed error a user understands."""

from __future__ import annotations

import asyncio
import time

import pytest
from hvmanager_testing.remoting_helpers import info_for, largest_tick_gap

from hvmanager.remoting.command import Command
from hvmanager.remoting.errors import ConnectTimeout, HostUnreachable, ProtocolError
from hvmanager.remoting.pipeline import Pipeline

GET_VM = Pipeline.of(Command("Get-VM"))


async def _run_once(session_class, info, timeout: float = 5.0):
    session = session_class(info)
    try:
        return await session.run(GET_VM, timeout=timeout)
    finally:
        await session.close()


def test_refused_is_unreachable_with_the_enable_psremoting_hint(make_lab, session_class):
    lab = make_lab()
    host = lab.hosts[0]
    lab.set_fault(host.name, "refused")
    with pytest.raises(HostUnreachable) as caught:
        asyncio.run(_run_once(session_class, info_for(host)))
    assert "refused" in caught.value.message
    assert "Enable-PSRemoting" in caught.value.hint


def test_an_unknown_name_is_unreachable(session_class):
    from hvmanager.remoting.connection_info import ConnectionInfo

    info = ConnectionInfo("no-such-host.invalid", port=5985, user="u", password="p", connect_timeout_s=3)
    with pytest.raises(HostUnreachable):
        asyncio.run(_run_once(session_class, info))


@pytest.mark.parametrize("fault", ["http500", "malformed_xml"])
def test_garbage_answers_are_protocol_errors(make_lab, fault, session_class):
    lab = make_lab()
    host = lab.hosts[0]
    lab.set_fault(host.name, fault)
    with pytest.raises(ProtocolError):
        asyncio.run(_run_once(session_class, info_for(host)))


def test_a_reset_connection_is_unreachable_and_the_next_run_recovers(make_lab, session_class):
    lab = make_lab()
    host = lab.hosts[0]

    async def scenario():
        session = session_class(info_for(host))
        try:
            await session.open()
            lab.set_fault(host.name, "reset")
            with pytest.raises(HostUnreachable):
                await session.run(GET_VM, timeout=5)
            lab.clear_faults(host.name)
            return await session.run(GET_VM, timeout=5)
        finally:
            await session.close()

    assert len(asyncio.run(scenario()).records) == 3


def test_blackhole_times_out_on_time_without_blocking_the_loop_and_close_is_bounded(simulator_process,
                                                                                  session_class):
    # The simulator runs in its own process so that the ticker measures only the client.
    dead, alive = simulator_process("--hosts", "2", "--vms-per-host", "3", "--fault", "HV01=blackhole")
    assert dead.name == "HV01"

    async def scenario():
        dead_session = session_class(info_for(dead, operation_timeout_s=30))
        alive_session = session_class(info_for(alive))
        started = time.monotonic()
        dead_run = asyncio.ensure_future(dead_session.run(GET_VM, timeout=1.5))
        alive_run = asyncio.ensure_future(alive_session.run(GET_VM, timeout=10))
        gap = await largest_tick_gap(dead_run)
        with pytest.raises(ConnectTimeout) as caught:
            await dead_run
        timed_out_after = time.monotonic() - started
        alive_result = await alive_run
        close_started = time.monotonic()
        await dead_session.close()
        close_took = time.monotonic() - close_started
        await alive_session.close()
        return caught.value, timed_out_after, gap, alive_result, close_took

    error, timed_out_after, gap, alive_result, close_took = asyncio.run(scenario())
    assert 1.4 <= timed_out_after < 2.5
    assert "did not answer within 1.5 s" in error.message
    # A loop blocked by the dead host would stall for the whole 1.5 s; a busy machine
    # (two other processes on two cores) stretches ordinary ticks to ~0.16 s.
    assert gap < 0.3
    assert len(alive_result.records) == 3  # one dead host never delays another
    assert close_took < 3.5


def test_a_host_that_goes_away_and_comes_back(make_lab, session_class):
    lab = make_lab()
    host = lab.hosts[0]

    async def scenario():
        session = session_class(info_for(host))
        try:
            before = await session.run(GET_VM, timeout=5)
            lab.restart_host(host.name)
            lab.set_fault(host.name, "refused")
            with pytest.raises(HostUnreachable):
                await session.run(GET_VM, timeout=5)
            lab.clear_faults(host.name)
            return before, await session.run(GET_VM, timeout=5)
        finally:
            await session.close()

    before, after = asyncio.run(scenario())
    assert len(before.records) == len(after.records) == 3
