"""When a session says REFRESHING: at once when asked or after connecting, for periodic
ticks only when the refresh runs long (hundreds of hosts ticking would otherwise report
two statuses each per tick, and the tree would flicker)."""

from __future__ import annotations

import asyncio
import time

from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_session import REFRESHING_AFTER_S, HostSession
from hvmanager.core.host_state import HostState
from hvmanager_testing.recording_listener import RecordingListener, wait_for


def _refreshes(listener):
    return sum(1 for e in listener.log if e.powershell.startswith("Get-VM |"))


def test_quick_ticks_go_from_connected_to_connected_and_a_slow_tick_says_refreshing(make_lab):
    lab = make_lab(hosts=1, vms_per_host=3)
    host = lab.hosts[0]
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(host), listener, password=host.password,
                              refresh_interval_s=0.1, call_timeout_s=10)
        session.start()
        try:
            # The first refresh follows the connect: announced at once.
            await wait_for(lambda: session.status.last_refresh is not None, 10)
            first = listener.states(session.key)[:4]
            await wait_for(lambda: _refreshes(listener) >= 6, 10, "five periodic refreshes")
            quick = listener.states(session.key)[4:]
            quick_statuses = list(listener.statuses[session.key][4:])
            lab.set_fault(host.name, "slow_cmdlets", delay_s=REFRESHING_AFTER_S + 0.4)
            slow_from = len(listener.statuses[session.key])
            count = _refreshes(listener)
            await wait_for(lambda: _refreshes(listener) >= count + 2, 10, "a slow periodic refresh")
            slow = listener.statuses[session.key][slow_from:]
            lab.clear_faults(host.name)
            return first, quick, quick_statuses, slow
        finally:
            await session.close()

    first, quick, quick_statuses, slow = run(scenario())
    assert first == [HostState.CONNECTING, HostState.CONNECTED, HostState.REFRESHING,
                     HostState.CONNECTED]
    # Quick ticks: one status each (the new refresh time), never REFRESHING.
    assert quick and set(quick) == {HostState.CONNECTED}
    times = [s.last_refresh for s in quick_statuses]
    assert times == sorted(times) and len(set(times)) == len(times)
    # A tick that outlasts the delay says REFRESHING, then CONNECTED again.
    states = [s.state for s in slow]
    assert HostState.REFRESHING in states
    assert states[-1] in (HostState.CONNECTED, HostState.REFRESHING)
    refreshing = [i for i, state in enumerate(states) if state is HostState.REFRESHING]
    assert all(states[i + 1] is HostState.CONNECTED for i in refreshing if i + 1 < len(states))


def test_a_requested_refresh_says_refreshing_at_once(make_lab):
    lab = make_lab(hosts=1, vms_per_host=2)
    host = lab.hosts[0]
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(host), listener, password=host.password,
                              refresh_interval_s=0, call_timeout_s=10)
        try:
            await session.refresh()
            lab.set_fault(host.name, "slow_cmdlets", delay_s=0.4)
            before = len(listener.statuses[session.key])
            asked = time.monotonic()
            session.refresh_soon()
            await wait_for(lambda: session.status.state is HostState.REFRESHING, 5)
            announced = time.monotonic() - asked
            await wait_for(lambda: session.status.state is HostState.CONNECTED, 5)
            return announced, [s.state for s in listener.statuses[session.key][before:]]
        finally:
            lab.clear_faults(host.name)
            await session.close()

    announced, states = run(scenario())
    assert announced < REFRESHING_AFTER_S / 2  # not the periodic delay
    assert states == [HostState.REFRESHING, HostState.CONNECTED]


def test_a_quick_retry_after_an_error_keeps_the_error_until_its_result(make_lab):
    lab = make_lab(hosts=1, vms_per_host=2)
    host = lab.hosts[0]
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(host), listener, password=host.password,
                              refresh_interval_s=0, call_timeout_s=1.0, retry_initial_s=0.2,
                              retry_max_s=0.2)
        try:
            await session.refresh()
            lab.set_fault(host.name, "http500")
            session.refresh_soon()
            await wait_for(lambda: session.status.state is HostState.ERROR, 5)
            errored = len(listener.statuses[session.key])
            lab.clear_faults(host.name)
            # The retry (a timer, not a request) reconnects: CONNECTING keeps the error's
            # text, then the refresh after the connect is announced.
            await wait_for(lambda: session.status.state is HostState.CONNECTED, 5)
            await asyncio.sleep(0.1)
            return listener.statuses[session.key][errored:]
        finally:
            await session.close()

    after = run(scenario())
    states = [s.state for s in after]
    assert states == [HostState.CONNECTING, HostState.CONNECTED, HostState.REFRESHING,
                      HostState.CONNECTED]
    assert after[0].error_kind == "protocol" and after[2].error_kind == ""
