"""A bulk action runs as one pipeline per host and is read back exactly, VM by VM."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_session import HostSession
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.vm_action import VmAction
from hvmanager_testing.recording_listener import RecordingListener, wait_for

GB = 1024 ** 3


def _refreshes(listener):
    return [e for e in listener.log if e.powershell.startswith("Get-VM | Select-Object")]


def _actions(listener):
    return [e for e in listener.log if not e.powershell.startswith("Get-VM | Select-Object")]


async def _session(lab, listener, **options):
    session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                          refresh_interval_s=0, call_timeout_s=10, **options)
    await session.refresh()
    return session


def test_mixed_results_of_one_pipeline_are_told_apart_by_vm_id_not_name(make_lab):
    lab = make_lab(vms_per_host=0)
    model = lab.hosts[0].model
    # Two VMs share a name: only their ids tell which one failed.
    twin_running = model.add_vm("twin", state="Running")
    twin_off = model.add_vm("twin", state="Off")
    paused = model.add_vm("paused", state="Paused")
    off = model.add_vm("off", state="Off")
    order = [twin_off, paused, twin_running, off]
    listener = RecordingListener()

    async def scenario():
        session = await _session(lab, listener)
        results = await session.run_action(VmAction.SAVE, [vm.vm_id for vm in order])
        await session.close()
        return results

    results = run(scenario())
    assert [(r.vm_id, r.vm_name, r.ok, r.error_kind) for r in results] == [
        (twin_off.vm_id, "twin", False, "InvalidState"),
        (paused.vm_id, "paused", True, ""),
        (twin_running.vm_id, "twin", True, ""),
        (off.vm_id, "off", False, "InvalidState"),
    ]
    assert all(r.action is VmAction.SAVE for r in results)
    failed = [r for r in results if not r.ok]
    assert all(r.message == "The virtual machine is not in a state that allows this action."
               for r in failed)
    # The host did what the results say.
    assert [model.vm_state(vm).name for vm in order] == ["Off", "Saved", "Saved", "Off"]
    # One pipeline for the four VMs, logged once with both errors.
    [entry] = _actions(listener)
    assert entry.powershell.startswith("Get-VM | Where-Object -Property Id -In -Value ")
    assert entry.powershell.endswith(" | Save-VM -Passthru | Select-Object -Property VMId")
    assert entry.summary.startswith("2 objects, 2 errors: ") and not entry.ok


def test_duplicates_a_deleted_vm_and_out_of_memory_in_one_start(make_lab):
    lab = make_lab(vms_per_host=0)
    model = lab.hosts[0].model
    first = model.add_vm("first", state="Off", memory_startup=GB // 2)
    huge = model.add_vm("huge", state="Off", memory_startup=4096 * GB)
    doomed = model.add_vm("doomed", state="Off", memory_startup=GB // 2)
    last = model.add_vm("last", state="Saved", memory_startup=GB // 2)
    listener = RecordingListener()

    async def scenario():
        session = await _session(lab, listener)
        assert doomed.vm_id in session.vms
        model.remove_vm(doomed.vm_id)  # deleted on the host after the user selected it
        refreshes = len(_refreshes(listener))
        results = await session.run_action(VmAction.START, [
            first.vm_id, huge.vm_id, doomed.vm_id, first.vm_id, last.vm_id, huge.vm_id])
        # The refresh that follows comes once for the whole call, after the last result.
        await wait_for(lambda: len(_refreshes(listener)) > refreshes, 5, "the refresh")
        await session.refresh()
        states = {vm_id: vm.state for vm_id, vm in session.vms.items()}
        await session.close()
        return results, refreshes, states

    results, refreshes, states = run(scenario())
    assert [r.vm_id for r in results] == [first.vm_id, huge.vm_id, doomed.vm_id, last.vm_id]
    assert [r.vm_name for r in results] == ["first", "huge", "doomed", "last"]
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[1].error_kind == "OutOfMemory"
    assert results[1].message.startswith(
        "The host does not have enough free memory to start the virtual machine. ('huge' failed")
    assert results[2].error_kind == "ObjectNotFound"
    assert results[2].message == "Hyper-V could not find the object."
    assert states[first.vm_id] is VMState.RUNNING and states[last.vm_id] is VMState.RUNNING
    assert states[huge.vm_id] is VMState.OFF and doomed.vm_id not in states
    actions = _actions(listener)
    assert len(actions) == 1 and actions[0].powershell.count("Start-VM") == 1
    # Exactly one refresh between the action and the one this test asked for.
    after_action = [e for e in _refreshes(listener)[refreshes:]
                    if e.started >= actions[0].started]
    assert len(after_action) == 2


def test_every_vm_gone_and_vmms_stopped_fail_each_vm(make_lab):
    lab = make_lab(vms_per_host=0)
    model = lab.hosts[0].model
    vms = [model.add_vm(f"vm {i}", state="Running") for i in range(3)]
    listener = RecordingListener()

    async def scenario():
        session = await _session(lab, listener)
        ids = [vm.vm_id for vm in vms]
        unknown = await session.run_action(VmAction.PAUSE, [uuid.uuid4(), uuid.uuid4()])
        model.set_service_running("vmms", False)
        stopped = await session.run_action(VmAction.PAUSE, ids)
        await session.close()
        return unknown, stopped

    unknown, stopped = run(scenario())
    assert [r.error_kind for r in unknown] == ["ObjectNotFound"] * 2
    # Get-VM itself fails: the one record belongs to every VM of the call.
    assert len({r.error_kind for r in stopped}) == 1 and not any(r.ok for r in stopped)
    assert all(r.message for r in stopped)
    assert [vm.name for vm in vms] == [r.vm_name for r in stopped]
    assert all(model.vm_state(vm).name == "Running" for vm in vms)


@pytest.mark.parametrize("action,start,end", [
    (VmAction.TURN_OFF, "Running", "Off"), (VmAction.SHUT_DOWN, "Running", "Off"),
    (VmAction.RESUME, "Paused", "Running"), (VmAction.RESET, "Running", "Running"),
    (VmAction.DELETE, "Off", None),
])
def test_other_actions_run_in_bulk_too(make_lab, action, start, end):
    lab = make_lab(vms_per_host=0)
    model = lab.hosts[0].model
    vms = [model.add_vm(f"{action.key} {i}", state=start) for i in range(3)]
    listener = RecordingListener()

    async def scenario():
        session = await _session(lab, listener)
        results = await session.run_action(action, [vm.vm_id for vm in vms])
        await session.close()
        return results

    results = run(scenario())
    assert all(r.ok for r in results), results
    [entry] = _actions(listener)
    assert f"| {action.cmdlet} " in entry.powershell and "-Passthru" in entry.powershell
    for vm in vms:
        if end is None:
            assert model.vm(vm.vm_id) is None
        else:
            assert model.vm_state(vm).name in (end, "Reset")


def test_checkpoint_and_rename_of_several_vms_take_their_one_name(make_lab):
    lab = make_lab(vms_per_host=0)
    model = lab.hosts[0].model
    vms = [model.add_vm(f"vm {i}", state="Off") for i in range(2)]
    gone = model.add_vm("gone", state="Off")
    listener = RecordingListener()
    name = "before 'patch' $(rm -rf /); `n"

    async def scenario():
        session = await _session(lab, listener)
        ids = [vm.vm_id for vm in vms]
        model.remove_vm(gone.vm_id)
        checkpoints = await session.run_action(VmAction.CHECKPOINT, ids + [gone.vm_id],
                                               snapshot_name=name)
        renames = await session.run_action(VmAction.RENAME, ids, new_name=name)
        await session.close()
        return checkpoints, renames

    checkpoints, renames = run(scenario())
    assert [r.ok for r in checkpoints] == [True, True, False]
    assert checkpoints[2].error_kind == "ObjectNotFound"
    assert all(r.ok for r in renames)
    for vm in vms:
        assert [c.name for c in vm.checkpoints] == [name]
        assert model.vm(vm.vm_id).name == name
    assert not gone.checkpoints
    texts = [e.powershell for e in _actions(listener)]
    assert texts[0].endswith("| Checkpoint-VM -SnapshotName 'before ''patch'' $(rm -rf /); `n' "
                             "-Passthru | Select-Object -Property VMId")
    assert texts[1].endswith("| Rename-VM -NewName 'before ''patch'' $(rm -rf /); `n' "
                             "-Passthru | Select-Object -Property VMId")


def test_delete_saved_state_keeps_one_pipeline_per_vm(make_lab):
    lab = make_lab(vms_per_host=0)
    model = lab.hosts[0].model
    saved = [model.add_vm(f"saved {i}", state="Saved") for i in range(2)]
    running = model.add_vm("running", state="Running")
    listener = RecordingListener()

    async def scenario():
        session = await _session(lab, listener)
        model.remove_vm(saved[1].vm_id)
        results = await session.run_action(VmAction.DELETE_SAVED_STATE,
                                           [saved[0].vm_id, saved[1].vm_id, running.vm_id])
        await session.close()
        return results

    results = run(scenario())
    assert [(r.ok, r.error_kind) for r in results] == [
        (True, ""), (False, "ObjectNotFound"), (False, "InvalidState")]
    assert sorted(e.powershell for e in _actions(listener)) == sorted(
        f"Get-VM -Id {vm_id} | Remove-VMSavedState" for vm_id in
        (saved[0].vm_id, saved[1].vm_id, running.vm_id))


def test_a_bulk_pipeline_that_times_out_fails_each_vm_after_the_time_of_all(make_lab):
    lab = make_lab(vms_per_host=0)
    model = lab.hosts[0].model
    vms = [model.add_vm(f"slow {i}", state="Off") for i in range(3)]
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                              refresh_interval_s=0, call_timeout_s=0.4)
        await session.refresh()
        lab.set_fault("HV01", "slow_cmdlets", delay_s=5)
        began = asyncio.get_running_loop().time()
        results = await session.run_action(VmAction.START, [vm.vm_id for vm in vms])
        elapsed = asyncio.get_running_loop().time() - began
        lab.clear_faults("HV01")
        await session.close()
        return results, elapsed

    results, elapsed = run(scenario())
    assert [r.error_kind for r in results] == ["timeout"] * 3
    assert len({r.message for r in results}) == 1 and "1.2 s" in results[0].message
    # One pipeline for the three VMs, allowed the time three per-VM pipelines would have had.
    assert elapsed >= 1.2
    assert len(_actions(listener)) == 1
