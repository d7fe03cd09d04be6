"""Many WinRM sessions on one ``NetworkLoop``, over real sockets: one thread for all hosts,
a dead host delays nobody else, closing one session leaves the others working, a
follow-up's exception is returned, a cancelled call stops its pipeline on the host."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from hvmanager_testing.remoting_helpers import info_for

from hvmanager.remoting.command import Command
from hvmanager.remoting.errors import ConnectTimeout, RemotingError
from hvmanager.remoting.network_loop import NetworkLoop
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.winrm_session import WinRMSession

GET_VM = Pipeline.of(Command("Get-VM"))


def _on(network: NetworkLoop):
    return lambda info: WinRMSession(info, network=network)


def test_fifty_sessions_share_one_network_thread(simulator_process):
    # The lab in its own process: every thread that appears here is the client's.
    hosts = simulator_process("--hosts", "5", "--vms-per-host", "3")
    network = NetworkLoop("hvmanager-network-test")
    threads_before = threading.active_count()

    async def scenario():
        sessions = [WinRMSession(info_for(hosts[index % 5]), network=network) for index in range(50)]
        try:
            results = await asyncio.gather(*(session.run(GET_VM, timeout=20) for session in sessions))
            return results, threading.active_count(), {session.network for session in sessions}
        finally:
            await asyncio.gather(*(session.close() for session in sessions))

    try:
        results, threads_open, loops = asyncio.run(scenario())
    finally:
        assert network.close(2.0)
    assert all(len(result.records) == 3 for result in results)
    assert loops == {network}
    assert threads_open - threads_before <= 2  # the network thread (and its launcher), not 50


def test_a_blackholed_host_does_not_delay_the_others(make_lab):
    lab = make_lab(hosts=3)
    lab.set_fault("HV03", "blackhole")
    network = NetworkLoop("hvmanager-network-test")

    async def scenario():
        healthy = [WinRMSession(info_for(host), network=network) for host in lab.hosts[:2]]
        dead = WinRMSession(info_for(lab.hosts[2], connect_timeout_s=5.0), network=network)
        try:
            await asyncio.gather(*(session.open() for session in healthy))
            stuck = asyncio.ensure_future(dead.run(GET_VM, timeout=4))
            await asyncio.sleep(0.2)  # the dead host now holds a connection that never answers
            took = []
            for _ in range(5):
                began = time.monotonic()
                await asyncio.gather(*(session.run(GET_VM, timeout=5) for session in healthy))
                took.append(time.monotonic() - began)
            still_stuck = not stuck.done()
            with pytest.raises(RemotingError):
                await stuck
            return took, still_stuck
        finally:
            await asyncio.gather(*(session.close() for session in healthy + [dead]))

    try:
        took, still_stuck = asyncio.run(scenario())
    finally:
        network.close(2.0)
    assert still_stuck  # the healthy hosts' calls ran while the dead one waited
    assert max(took) < 1.0, took


def test_closing_one_session_leaves_the_others_on_the_loop_working(make_lab):
    lab = make_lab(hosts=2)
    network = NetworkLoop("hvmanager-network-test")

    async def scenario():
        kept, closed = (WinRMSession(info_for(host), network=network) for host in lab.hosts)
        try:
            await asyncio.gather(kept.run(GET_VM, timeout=10), closed.run(GET_VM, timeout=10))
            running = asyncio.ensure_future(kept.run(GET_VM, timeout=10))
            await closed.close()
            with pytest.raises(RemotingError) as refused:
                await closed.run(GET_VM, timeout=10)
            return await running, await kept.run(GET_VM, timeout=10), refused.value
        finally:
            await kept.close()

    try:
        during, after, refused = asyncio.run(scenario())
    finally:
        network.close(2.0)
    assert len(during.records) == len(after.records) == 3
    assert refused.kind == "cancelled" or "closed" in refused.message
    assert lab.hosts[1].server.shells.shell_count() == 0  # the closed session deleted its pool
    assert lab.hosts[0].server.shells.shell_count() == 0  # and so did the other, at its own close


def test_an_exception_from_the_follow_up_is_returned_not_raised(make_lab):
    lab = make_lab(hosts=1)

    def fails(result):
        raise KeyError(f"{len(result.records)} records")

    async def scenario():
        session = WinRMSession(info_for(lab.hosts[0]))
        try:
            failed = await session.run_then(GET_VM, fails, timeout=10)
            counted = await session.run_then(GET_VM, lambda result: len(result.records), timeout=10)
            return failed, counted
        finally:
            await session.close()

    (result, error), (_, count) = asyncio.run(scenario())
    assert len(result.records) == 3
    assert isinstance(error, KeyError) and "3 records" in str(error)
    assert count == 3


def test_follow_up_runs_on_the_network_thread(make_lab):
    lab = make_lab(hosts=1)
    network = NetworkLoop("hvmanager-network-test")

    async def scenario():
        session = WinRMSession(info_for(lab.hosts[0]), network=network)
        try:
            return await session.run_then(GET_VM, lambda _: threading.current_thread(), timeout=10)
        finally:
            await session.close()

    try:
        _, thread = asyncio.run(scenario())
    finally:
        network.close(2.0)
    assert thread is network.thread


def test_cancelling_a_running_call_on_a_shared_loop_stops_the_pipeline_on_the_host(make_lab):
    lab = make_lab(hosts=2)
    host, other = lab.hosts
    vm = next(vm for vm in host.model.vms if host.model.vm_state(vm).name == "Off")
    lab.set_fault(host.name, "slow_cmdlets", delay_s=3.0)
    start_vm = Pipeline.of(Command("Get-VM", (("Id", vm.vm_id),)), Command("Start-VM"))
    network = NetworkLoop("hvmanager-network-test")

    async def scenario():
        session = WinRMSession(info_for(host), network=network)
        neighbour = WinRMSession(info_for(other), network=network)
        try:
            await asyncio.gather(session.open(), neighbour.open())
            task = asyncio.ensure_future(session.run(start_vm, timeout=30))
            await asyncio.sleep(0.5)
            task.cancel()
            began = time.monotonic()
            with pytest.raises(asyncio.CancelledError):
                await task
            cancel_took = time.monotonic() - began
            neighbour_result = await neighbour.run(GET_VM, timeout=5)
            lab.clear_faults(host.name)
            await asyncio.sleep(3.5)  # past the moment the slow Start-VM would have acted
            return cancel_took, neighbour_result, await session.run(GET_VM, timeout=5)
        finally:
            await asyncio.gather(session.close(), neighbour.close())

    try:
        cancel_took, neighbour_result, after = asyncio.run(scenario())
    finally:
        network.close(2.0)
    assert cancel_took < 0.1  # the caller is free at once; the stop goes on on the network loop
    assert host.model.vm_state(vm).name == "Off"  # stopped on the host before Start-VM acted
    assert len(neighbour_result.records) == len(after.records) == 3


def test_a_timeout_while_the_host_runs_the_pipeline_says_it_was_stopped(make_lab):
    lab = make_lab(hosts=1)
    host = lab.hosts[0]
    lab.set_fault(host.name, "slow_cmdlets", delay_s=3.0)
    network = NetworkLoop("hvmanager-network-test")

    async def scenario():
        session = WinRMSession(info_for(host), network=network)
        try:
            await session.open()
            began = time.monotonic()
            with pytest.raises(ConnectTimeout) as caught:
                await session.run(GET_VM, timeout=0.5)
            return caught.value, time.monotonic() - began
        finally:
            await session.close()

    try:
        error, took = asyncio.run(scenario())
    finally:
        network.close(2.0)
    assert "did not finish within 0.5 s and was stopped" in error.message
    assert took < 3.0
