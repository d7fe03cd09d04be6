"""Inventory of several hosts over HTTP+NTLM, HTTPS (CA file) and the local stdio session."""

from __future__ import annotations

import asyncio
import sys
import threading
import time

from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_state import HostState
from hvmanager.core.inventory import Inventory
from hvmanager.core.refresh_schedule import BUSY_FACTOR, MAX_STRETCH
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.vm_property import ALL
from hvmanager.simulator.host_spec import HostSpec
from hvmanager_testing.recording_listener import RecordingListener, wait_for


def _model_view(lab_host):
    """``{vm_id: (name, state name)}`` as the simulator's model holds it now."""
    model = lab_host.model
    return {vm.vm_id: (vm.name, model.vm_state(vm).name) for vm in model.vms}


def _session_view(session):
    return {vm_id: (vm.name, vm.state.value) for vm_id, vm in session.vms.items()}


def _all_refreshed(inventory):
    return all(s.status.last_refresh is not None for s in inventory.sessions)


def test_several_http_hosts_over_ntlm_match_the_simulator(make_lab):
    lab = make_lab(hosts=3, vms_per_host=6)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=30, call_timeout_s=5)
        for host in lab.hosts:
            inventory.add(config_for(host), host.password)
        await wait_for(lambda: _all_refreshed(inventory), 10)
        try:
            for session, host in zip(inventory.sessions, lab.hosts):
                assert session.status.state is HostState.CONNECTED
                assert session.status.vm_count == 6
                assert _session_view(session) == _model_view(host)
                # The listener's table, rebuilt from diffs only, is the session's snapshot.
                assert listener.tables[session.key] == dict(session.vms)
                assert listener.states(session.key)[:4] == [
                    HostState.CONNECTING, HostState.CONNECTED, HostState.REFRESHING,
                    HostState.CONNECTED]
                assert all(vm.host == session.key for vm in session.vms.values())
        finally:
            await inventory.shutdown()
        # Callbacks only ever ran on the event loop's thread.
        assert listener.thread_ids == {threading.get_ident()}

    run(scenario())
    refreshes = [e for e in listener.log if e.powershell.startswith("Get-VM | Select-Object")]
    # The refresh comes back as CSV text: a header line and one line per VM.
    assert len(refreshes) == 3 and all(e.ok and e.summary == "7 lines" for e in refreshes)
    assert refreshes[0].powershell == ("Get-VM | Select-Object -Property Id, Name, State"
                                       " | ConvertTo-Csv -NoTypeInformation")


def test_https_host_validated_with_the_ca_file(make_lab):
    lab = make_lab(hosts=2, vms_per_host=3, transport="https")
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=30, call_timeout_s=5)
        for host in lab.hosts:
            inventory.add(config_for(host), host.password)
        await wait_for(lambda: _all_refreshed(inventory), 10)
        views = [_session_view(s) for s in inventory.sessions]
        keys = [s.key for s in inventory.sessions]
        await inventory.shutdown()
        return views, keys

    views, keys = run(scenario())
    assert views == [_model_view(host) for host in lab.hosts]
    assert all(key.startswith("https://") for key in keys)


def test_local_session_over_stdio(monkeypatch):
    command = f"{sys.executable} -m hvmanager.simulator --stdio --vms-per-host 5 --time-scale 0.01"
    monkeypatch.setenv("HVMANAGER_LOCAL_POWERSHELL", command)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=30, call_timeout_s=15)
        session = inventory.add(ServerConfig.local())
        await wait_for(lambda: session.status.last_refresh is not None, 20)
        names = sorted(vm.name for vm in session.vms.values())
        info = await session.host_info()
        await inventory.shutdown()
        return session, names, info

    session, names, info = run(scenario())
    assert session.key == "local://localhost"
    assert len(names) == 5 and all(names)
    assert info.name == "HV01"
    assert session.status.state is HostState.DISCONNECTED


def test_hostile_vm_names_round_trip_exactly(make_lab):
    lab = make_lab(HostSpec("HV01", vm_count=12))
    model = lab.hosts[0].model
    extra = ["tab\there", "  spaces  ", "emoji \U0001F600 vm", "ctrl\x01char", "crlf\r\nvm", "",
             "<Obj RefId=\"0\">&amp;</Obj>", "_x0041_ escaped?"]
    for name in extra:
        model.add_vm(name)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=30, call_timeout_s=10)
        session = inventory.add(config_for(lab.hosts[0]), lab.hosts[0].password)
        await session.refresh()
        await inventory.shutdown()
        return session

    session = run(scenario())
    expected = {vm.vm_id: vm.name for vm in model.vms}
    assert {vm_id: vm.name for vm_id, vm in session.vms.items()} == expected
    assert set(extra) <= set(expected.values())
    assert any(len(name) > 900 for name in expected.values())


def test_all_properties_fill_every_field(make_lab):
    lab = make_lab(hosts=1, vms_per_host=5)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=30, call_timeout_s=10)
        inventory.set_properties(["Generation", "Version"])
        session = inventory.add(config_for(lab.hosts[0]), lab.hosts[0].password)
        await wait_for(lambda: session.status.last_refresh is not None, 10)
        narrow = dict(session.vms)
        inventory.set_properties(ALL)
        await session.refresh()
        wide = dict(session.vms)
        await inventory.shutdown()
        return narrow, wide

    narrow, wide = run(scenario())
    generations = {vm.vm_id: vm.generation for vm in lab.hosts[0].model.vms}
    assert {vm_id: vm.generation for vm_id, vm in narrow.items()} == generations
    assert all(vm.memory_startup is None and not vm.is_fetched("memory_startup")
               for vm in narrow.values())
    assert all(vm.is_fetched("memory_startup") and vm.status for vm in wide.values())
    assert any(vm.state is VMState.RUNNING and vm.uptime for vm in wide.values())
    log_texts = [e.powershell for e in listener.log]
    assert ("Get-VM | Select-Object -Property Id, Name, State, Version, Generation"
            " | ConvertTo-Csv -NoTypeInformation") in log_texts


def test_refresh_requests_are_coalesced_and_ticks_dropped(make_lab):
    lab = make_lab(hosts=1, vms_per_host=2)
    lab.set_fault("HV01", "slow_cmdlets", delay_s=0.3)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=0.1, call_timeout_s=10)
        session = inventory.add(config_for(lab.hosts[0]), lab.hosts[0].password)
        await wait_for(lambda: session.status.state is HostState.REFRESHING, 5)
        for _ in range(20):  # while the first refresh runs: exactly one more follows
            session.refresh_soon()
        session.set_refresh_interval(0)  # no periodic ticks from now on
        await wait_for(lambda: _refreshes() >= 2, 5)
        await wait_for(lambda: session.status.state is HostState.CONNECTED, 5)
        await asyncio.sleep(0.6)
        coalesced = _refreshes()
        session.set_refresh_interval(0.1)  # far shorter than a refresh: ticks are dropped
        began = time.monotonic()
        await asyncio.sleep(3.5)
        periodic = _refreshes() - coalesced
        elapsed = time.monotonic() - began
        await inventory.shutdown()
        return coalesced, periodic, elapsed

    def _refreshes():
        return sum(1 for e in listener.log if e.powershell.startswith("Get-VM |"))

    coalesced, periodic, elapsed = run(scenario())
    assert coalesced == 2
    # Each refresh takes >= 0.3 s: ticks thin out to one per min(BUSY_FACTOR x 0.3 s,
    # MAX_STRETCH x 0.1 s) at most, never a backlog of 0.1 s ticks.
    assert 1 <= periodic <= int(elapsed / min(BUSY_FACTOR * 0.3, MAX_STRETCH * 0.1)) + 1

