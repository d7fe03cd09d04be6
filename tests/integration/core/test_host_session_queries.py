"""Integration services by GUID (German host), the vmms service, disks, adapters,
checkpoints, host facts and readiness through a HostSession."""

from __future__ import annotations

import asyncio
import uuid

from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_session import HostSession
from hvmanager.core.host_state import HostState
from hvmanager.domain.known_integration_service import KnownIntegrationService
from hvmanager.domain.service_state import ServiceState
from hvmanager.hyperv.service_queries import ServiceControl
from hvmanager.simulator.host_spec import HostSpec
from hvmanager_testing.recording_listener import RecordingListener, wait_for


def _session(lab, listener, **options):
    host = lab.hosts[0]
    return HostSession(config_for(host), listener, password=host.password,
                       **{"refresh_interval_s": 0, "call_timeout_s": 10, **options})


def test_integration_services_on_a_german_host_by_guid(make_lab):
    lab = make_lab(HostSpec("HV02", vm_count=3, locale="de-DE"))
    model = lab.hosts[0].model
    vm = model.vms[0]
    heartbeat = KnownIntegrationService.HEARTBEAT.guid
    guest = KnownIntegrationService.GUEST_SERVICES.guid
    listener = RecordingListener()

    async def scenario():
        session = _session(lab, listener)
        before = await session.integration_services(vm.vm_id)
        results = await session.set_integration_services(
            vm.vm_id, {heartbeat: False, guest: True, KnownIntegrationService.SHUTDOWN.guid: True})
        after = await session.integration_services(vm.vm_id)
        await session.close()
        return before, results, after

    before, results, after = run(scenario())
    by_guid = {s.guid: s for s in before}
    assert by_guid[heartbeat].name == "Takt" and by_guid[heartbeat].enabled
    assert by_guid[guest].name == "Gastdienstschnittstelle" and not by_guid[guest].enabled
    assert by_guid[heartbeat].known is KnownIntegrationService.HEARTBEAT
    assert [(r.guid, r.ok, r.enabled) for r in results] == [
        (heartbeat, True, False), (guest, True, True),
        (KnownIntegrationService.SHUTDOWN.guid, True, True)]
    now = {s.guid: s.enabled for s in after}
    assert now[heartbeat] is False and now[guest] is True
    enabled_on_host = {uuid.UUID(guid): on for guid, on in model.vm(vm.vm_id).ic_enabled.items()}
    assert enabled_on_host[heartbeat] is False and enabled_on_host[guest] is True
    # Targeted by the Id (GUID), never by the translated name.
    changes = [e.powershell for e in listener.log if "Disable-VMIntegrationService" in e.powershell]
    assert len(changes) == 1 and str(heartbeat).upper() in changes[0].upper()
    assert "Takt" not in changes[0]


def test_unknown_integration_service_guid_is_a_failed_result(make_lab):
    lab = make_lab(vms_per_host=1)
    vm = lab.hosts[0].model.vms[0]
    stray = uuid.uuid4()

    async def scenario():
        session = _session(lab, RecordingListener())
        [result] = await session.set_integration_services(vm.vm_id, {stray: True})
        await session.close()
        return result

    result = run(scenario())
    assert not result.ok and result.error_kind == "not_found" and result.guid == stray


def test_stopping_vmms_empties_the_list_and_starting_it_brings_the_vms_back(make_lab):
    lab = make_lab(vms_per_host=4)
    listener = RecordingListener()

    async def scenario():
        session = _session(lab, listener, refresh_interval_s=0.2)
        session.start()
        await wait_for(lambda: session.status.state is HostState.CONNECTED and session.vms, 10)
        services = await session.services()
        stopped = await session.control_service("vmms", "stop")
        await wait_for(lambda: session.status.state is HostState.SERVICE_STOPPED, 5)
        during = (session.status, dict(session.vms), dict(listener.tables[session.key]))
        await session.refresh()  # still stopped on the next refreshes
        still = session.status.state
        started = await session.control_service("vmms", "start")
        await wait_for(lambda: session.status.state is HostState.CONNECTED and session.vms, 5)
        back = dict(session.vms)
        restarted = await session.control_service("vmms", ServiceControl.RESTART)
        assert restarted.state is ServiceState.RUNNING
        assert any(e.powershell == "Restart-Service -Name vmms" and e.ok for e in listener.log)
        await session.close()
        return services, stopped, during, still, started, back

    services, stopped, during, still, started, back = run(scenario())
    assert [s.name for s in services] == ["vmms", "vmcompute"]
    assert all(s.state is ServiceState.RUNNING for s in services)
    assert stopped.name == "vmms" and stopped.state is ServiceState.STOPPED
    status, vms, table = during
    assert status.error_kind == "service_stopped" and status.has_error
    assert "Virtual Machine Management service" in status.message
    assert "Start-Service vmms" in status.hint
    assert vms == {} and table == {} and status.vm_count == 0
    assert still is HostState.SERVICE_STOPPED
    assert started.state is ServiceState.RUNNING
    assert set(back) == {vm.vm_id for vm in lab.hosts[0].model.vms}


def test_vmms_stopped_on_a_german_host_is_still_service_stopped(make_lab):
    lab = make_lab(HostSpec("HV02", vm_count=2, locale="de-DE"))
    lab.hosts[0].model.set_service_running("vmms", False)
    listener = RecordingListener()

    async def scenario():
        session = _session(lab, listener)
        status = await session.refresh()
        await session.close()
        return status

    status = run(scenario())
    assert status.state is HostState.SERVICE_STOPPED


def test_disks_adapters_checkpoints_host_info_and_readiness(make_lab):
    lab = make_lab(HostSpec("HV03", vm_count=6, profile="legacy"))
    model = lab.hosts[0].model
    with_checkpoints = next(vm for vm in model.vms if vm.checkpoints)
    checkpoint_ids = {c.checkpoint_id for c in with_checkpoints.checkpoints}
    listener = RecordingListener()

    async def scenario():
        session = _session(lab, listener)
        disks = await session.disks(with_checkpoints.vm_id)
        adapters = await session.network_adapters(with_checkpoints.vm_id)
        tree = await session.checkpoints(with_checkpoints.vm_id)
        info = await session.host_info()
        readiness = await session.readiness()
        details = await session.vm(with_checkpoints.vm_id)
        first = tree.roots()[0]
        newest = tree.checkpoints[-1]
        await session.apply_checkpoint(with_checkpoints.vm_id, newest.checkpoint_id)
        applied = model.vm(with_checkpoints.vm_id).parent_checkpoint_id
        await session.remove_checkpoint(with_checkpoints.vm_id, first.checkpoint_id,
                                        include_children=True)
        after = await session.checkpoints(with_checkpoints.vm_id)
        await session.close()
        return disks, adapters, tree, info, readiness, details, after, newest, applied

    disks, adapters, tree, info, readiness, details, after, newest, applied = run(scenario())
    assert applied == newest.checkpoint_id
    assert [d.path for d in disks] == [d.path for d in with_checkpoints.disks]
    assert all(d.vm_id == with_checkpoints.vm_id for d in disks)
    assert [a.name for a in adapters] == [a.name for a in with_checkpoints.adapters]
    assert {c.checkpoint_id for c in tree.checkpoints} == checkpoint_ids
    assert [depth for depth, _ in tree.walk()][0] == 0
    assert len(after.checkpoints) < len(tree.checkpoints)
    assert info.name == "HV03" and info.logical_processor_count and info.memory_capacity
    assert readiness.hypervisor_present is True and readiness.ready is not False
    assert details is not None and details.generation == with_checkpoints.generation
    assert details.is_fetched("memory_startup")
    texts = [e.powershell for e in listener.log]
    assert f"Get-VM -Id {with_checkpoints.vm_id} | Get-VMHardDiskDrive | Select-Object" \
        in " ".join(texts)
    assert any(t.startswith("Get-CimInstance -ClassName Win32_ComputerSystem") for t in texts)


def test_vmms_stopped_behind_our_back_after_a_good_refresh(make_lab):
    lab = make_lab(HostSpec("HV02", vm_count=2, locale="de-DE"))
    model = lab.hosts[0].model
    listener = RecordingListener()

    async def scenario():
        session = _session(lab, listener)
        first = await session.refresh()
        model.set_service_running("vmms", False)  # someone else stops Hyper-V on the host
        await asyncio.sleep(0.05)
        stopped = await session.refresh()
        model.set_service_running("vmms", True)
        await asyncio.sleep(0.05)
        back = await session.refresh()
        await session.close()
        return first, stopped, back

    first, stopped, back = run(scenario())
    assert first.state is HostState.CONNECTED and first.vm_count == 2
    assert stopped.state is HostState.SERVICE_STOPPED and stopped.vm_count == 0
    assert back.state is HostState.CONNECTED and back.vm_count == 2
    # The check that told "vmms stopped" from "a VM is gone" is in the log.
    assert any(e.powershell.startswith("Get-Service -Name vmms, vmcompute") for e in listener.log)
