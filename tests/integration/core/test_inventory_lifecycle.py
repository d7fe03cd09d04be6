"""Inventory ownership: the global connect limit, removing one host, refreshing all, shutdown."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_state import HostState
from hvmanager.core.inventory import Inventory
from hvmanager.remoting.session_factory import create_session
from hvmanager_testing.recording_listener import RecordingListener, wait_for


class CountingFactory:
    """The real transports, counting how many are opening at the same moment."""

    def __init__(self) -> None:
        self.opening = 0
        self.most = 0

    def __call__(self, info):
        session = create_session(info)
        real_open = session.open
        factory = self

        async def counted_open():
            factory.opening += 1
            factory.most = max(factory.most, factory.opening)
            try:
                await real_open()
            finally:
                factory.opening -= 1

        session.open = counted_open
        return session


def test_connections_open_in_parallel_behind_the_global_limit(make_lab):
    lab = make_lab(hosts=6, vms_per_host=2, latency_ms=60)
    factory = CountingFactory()
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, session_factory=factory, connect_limit=2,
                              refresh_interval_s=30, call_timeout_s=10)
        for host in lab.hosts:
            inventory.add(config_for(host), host.password)
        await wait_for(lambda: all(s.status.last_refresh for s in inventory.sessions), 20)
        await inventory.shutdown()

    run(scenario())
    assert factory.most == 2  # parallel, and never more than the limit


def test_remove_closes_one_host_and_leaves_the_others_running(make_lab):
    lab = make_lab(hosts=2, vms_per_host=2)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=0.1, call_timeout_s=5)
        kept = inventory.add(config_for(lab.hosts[0]), lab.hosts[0].password)
        removed = inventory.add(config_for(lab.hosts[1]), lab.hosts[1].password)
        await wait_for(lambda: kept.status.last_refresh and removed.status.last_refresh, 10)
        await inventory.remove(removed.key)
        assert removed.key not in inventory and inventory.sessions == (kept,)
        logged = _count(listener, removed.key), _count(listener, kept.key)
        await asyncio.sleep(0.5)
        # Two more refreshes of the kept host (a loaded machine thins its 0.1 s ticks out).
        await wait_for(lambda: _count(listener, kept.key) >= logged[1] + 2, 10)
        after = _count(listener, removed.key), _count(listener, kept.key)
        await inventory.remove("http://no-such-host:5985")  # unknown keys are ignored
        await inventory.shutdown()
        return removed, logged, after

    removed, logged, after = run(scenario())
    assert removed.is_closed and removed.status.state is HostState.DISCONNECTED
    assert after[0] == logged[0]  # nothing ran on the removed host any more
    assert after[1] >= logged[1] + 2  # the other host kept refreshing


def _count(listener, key):
    return sum(1 for entry in listener.log if entry.server_key == key)


def test_refresh_all_and_duplicate_servers(make_lab):
    lab = make_lab(hosts=2, vms_per_host=2)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=0, call_timeout_s=5)
        sessions = [inventory.add(config_for(h), h.password) for h in lab.hosts]
        with pytest.raises(ValueError):
            inventory.add(config_for(lab.hosts[0]))
        await wait_for(lambda: all(s.status.last_refresh for s in sessions), 10)
        before = [_count(listener, s.key) for s in sessions]
        inventory.refresh_all()
        await wait_for(lambda: all(_count(listener, s.key) == b + 1
                                   for s, b in zip(sessions, before)), 5)
        await inventory.shutdown()
        with pytest.raises(RuntimeError):
            inventory.add(config_for(lab.hosts[0]))

    run(scenario())


def test_shutdown_is_bounded_with_many_hosts_and_dead_ones_and_stops_the_network_thread(make_lab):
    lab = make_lab(hosts=5, vms_per_host=2)
    lab.set_fault("HV04", "blackhole")
    lab.set_fault("HV05", "slow_cmdlets", delay_s=10)
    listener = RecordingListener()
    threads_before = {t.ident for t in threading.enumerate()}

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=0.2, call_timeout_s=20)
        for host in lab.hosts:
            inventory.add(config_for(host), host.password)
        healthy = inventory.sessions[:3]
        await wait_for(lambda: all(s.status.last_refresh for s in healthy), 10)
        await asyncio.sleep(0.3)  # the dead hosts' calls are now stuck
        network = [t for t in threading.enumerate() if t.name == "hvmanager-network"]
        began = time.monotonic()
        await inventory.shutdown(timeout_s=1.5)
        elapsed = time.monotonic() - began
        # The thread has left its loop; give it a moment to return from its function.
        await wait_for(lambda: not any(t.is_alive() for t in network), 0.5)
        return elapsed, network, inventory.sessions, [s.status.state for s in healthy]

    elapsed, network, left, states = run(scenario())
    assert elapsed < 2.0
    assert left == ()
    assert states == [HostState.DISCONNECTED] * 3
    assert len(network) == 1  # one network thread served all five hosts
    lingering = [t.name for t in threading.enumerate()
                 if t.ident not in threads_before and t.name.startswith("hvmanager-")]
    # Nothing is left: a call stuck on a dead host is a coroutine, cancelled with its loop.
    assert lingering == []


def test_closing_during_a_bulk_action_gives_cancelled_results(make_lab):
    from hvmanager.core.host_session import HostSession
    from hvmanager.hyperv.vm_action import VmAction

    lab = make_lab(hosts=1, vms_per_host=1)
    model = lab.hosts[0].model
    vms = [model.add_vm(f"slow {i}", state="Off") for i in range(3)]
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                              refresh_interval_s=0, call_timeout_s=20, action_concurrency=1)
        await session.refresh()
        lab.set_fault("HV01", "slow_cmdlets", delay_s=5)
        action = asyncio.get_running_loop().create_task(
            session.run_action(VmAction.START, [vm.vm_id for vm in vms]))
        await asyncio.sleep(0.3)
        began = time.monotonic()
        await session.close(timeout_s=1.0)
        results = await asyncio.wait_for(action, 2)
        return results, time.monotonic() - began

    results, elapsed = run(scenario())
    assert elapsed < 2.0
    assert [r.error_kind for r in results] == ["cancelled"] * 3
    assert all(not r.ok and r.message for r in results)
