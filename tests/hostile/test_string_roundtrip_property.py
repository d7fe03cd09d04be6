"""Any string survives the real wire both ways: Rename-VM carries it as a typed parameter,
Get-VM brings it back, and the parsers return it unchanged (names and notes)."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from integration.core.lab_helpers import config_for

from hvmanager.core.host_session import HostSession
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.hyperv.vm_property import ALL
from hvmanager.simulator.lab import Lab
from hvmanager_testing.recording_listener import RecordingListener

# Every code point a str can hold on the wire (lone surrogates cannot be UTF-8 encoded).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@pytest.fixture(scope="module")
def wire():
    """One host, one session and one event loop for all examples (keeps the test fast)."""
    loop = asyncio.new_event_loop()
    with Lab(hosts=1, vms_per_host=1, time_scale=0.01) as lab:
        host = lab.hosts[0]
        session = HostSession(config_for(host), RecordingListener(), password=host.password,
                              refresh_interval_s=0, call_timeout_s=10)
        loop.run_until_complete(session.refresh())
        vm_id = next(iter(session.vms))
        try:
            yield loop, session, host.model, vm_id
        finally:
            loop.run_until_complete(session.close())
            loop.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TEXT, notes=TEXT)
def test_any_name_and_notes_round_trip(wire, name, notes):
    loop, session, model, vm_id = wire
    result, = loop.run_until_complete(session.run_action(VmAction.RENAME, [vm_id], new_name=name))
    assert result.ok, result
    assert model.vm(vm_id).name == name
    model.vm(vm_id).notes = notes
    vm = loop.run_until_complete(session.vm(vm_id, ALL))
    assert vm is not None and vm.name == name and vm.notes == notes
