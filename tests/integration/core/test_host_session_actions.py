"""Every VM action through a HostSession against a simulated host, with per-VM results and
the refresh that follows."""

from __future__ import annotations

import uuid

import pytest
from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_session import HostSession
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.vm_action import VmAction
from hvmanager_testing.recording_listener import RecordingListener, wait_for

# action, state the VM starts in, state it must reach
CASES = [
    (VmAction.START, "Off", VMState.RUNNING),
    (VmAction.SHUT_DOWN, "Running", VMState.OFF),
    (VmAction.TURN_OFF, "Running", VMState.OFF),
    (VmAction.SAVE, "Running", VMState.SAVED),
    (VmAction.PAUSE, "Running", VMState.PAUSED),
    (VmAction.RESUME, "Paused", VMState.RUNNING),
    (VmAction.RESET, "Running", VMState.RUNNING),
    (VmAction.DELETE_SAVED_STATE, "Saved", VMState.OFF),
    (VmAction.CHECKPOINT, "Running", VMState.RUNNING),
]


async def _settled(session, vm_id, state):
    """Refresh until the VM shows ``state`` (transitions take a few ms at this time scale)."""
    async def check():
        await session.refresh()
        return session.vms.get(vm_id) is not None and session.vms[vm_id].state is state

    for _ in range(50):
        if await check():
            return True
    return False


@pytest.mark.parametrize("action,start,end", CASES, ids=[c[0].key for c in CASES])
def test_each_action_reaches_its_state_and_is_logged(make_lab, action, start, end):
    lab = make_lab(vms_per_host=1)
    vm = lab.hosts[0].model.add_vm(f"target {action.key}", state=start)
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                              refresh_interval_s=0, call_timeout_s=10)
        session.start()
        await session.refresh()
        assert session.vms[vm.vm_id].state.value == start
        refreshes_before = sum(1 for e in listener.log if e.powershell.startswith("Get-VM |"))
        [result] = await session.run_action(action, [vm.vm_id])
        # run_action asked for a refresh right after: it comes without anyone asking.
        await wait_for(lambda: sum(1 for e in listener.log if e.powershell.startswith("Get-VM |"))
                       > refreshes_before, 5, "the refresh after the action")
        reached = await _settled(session, vm.vm_id, end)
        await session.close()
        return result, reached

    result, reached = run(scenario())
    assert result.ok, result
    assert (result.vm_id, result.vm_name, result.action, result.server_key) == (
        vm.vm_id, f"target {action.key}", action, config_for(lab.hosts[0]).key)
    assert reached
    command = f"Get-VM -Id {vm.vm_id} | {action.cmdlet}"
    assert any(e.powershell.startswith(command) and e.ok for e in listener.log)
    if action is VmAction.CHECKPOINT:
        assert len(vm.checkpoints) == 1


def test_rename_and_delete(make_lab):
    lab = make_lab(vms_per_host=1)
    model = lab.hosts[0].model
    renamed = model.add_vm("old name")
    doomed = model.add_vm("doomed", state="Off")
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                              refresh_interval_s=0)
        await session.refresh()
        [rename] = await session.run_action(VmAction.RENAME, [renamed.vm_id], new_name="new 'name'")
        [delete] = await session.run_action(VmAction.DELETE, [doomed.vm_id])
        await session.refresh()
        names = {vm_id: vm.name for vm_id, vm in session.vms.items()}
        await session.close()
        return rename, delete, names

    rename, delete, names = run(scenario())
    assert rename.ok and delete.ok
    assert names[renamed.vm_id] == "new 'name'"
    assert doomed.vm_id not in names and model.vm(doomed.vm_id) is None
    assert doomed.vm_id not in listener.tables[config_for(lab.hosts[0]).key]
    assert any(e.powershell == f"Get-VM -Id {renamed.vm_id} | Rename-VM -NewName 'new ''name'''"
               for e in listener.log)


def test_bulk_action_gives_one_result_per_vm_with_typed_errors(make_lab):
    lab = make_lab(vms_per_host=1)
    model = lab.hosts[0].model
    off = [model.add_vm(f"off {i}", state="Off") for i in range(5)]
    saved = model.add_vm("saved one", state="Saved")
    paused_elsewhere = model.add_vm("off too", state="Off")
    missing = uuid.uuid4()
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                              refresh_interval_s=0, action_concurrency=2)
        await session.refresh()
        started = await session.run_action(
            VmAction.START, [vm.vm_id for vm in off] + [off[0].vm_id])
        forbidden = await session.run_action(VmAction.PAUSE, [paused_elsewhere.vm_id, saved.vm_id])
        unknown = await session.run_action(VmAction.START, [missing])
        await session.close()
        return started, forbidden, unknown

    started, forbidden, unknown = run(scenario())
    assert [r.vm_id for r in started] == [vm.vm_id for vm in off]  # duplicates run once, in order
    assert all(r.ok for r in started)
    assert [r.vm_name for r in forbidden] == ["off too", "saved one"]
    for result in forbidden:
        assert not result.ok
        assert result.error_kind == "InvalidState"
        assert result.message == "The virtual machine is not in a state that allows this action."
    [gone] = unknown
    # An unknown -Id: the module writes ObjectNotFound (vmms runs, so it is not "service stopped").
    assert not gone.ok and gone.vm_name == "" and gone.error_kind == "ObjectNotFound"
    assert gone.message == "Hyper-V could not find the object."
    # One pipeline per call: the two forbidden pauses share one, with an error each.
    failed_logs = [e for e in listener.log if not e.ok]
    assert [e.summary.split(":")[0] for e in failed_logs] == ["0 objects, 2 errors",
                                                              "0 objects, 1 error"]


def test_rename_without_a_name_is_refused_before_anything_runs(make_lab):
    lab = make_lab(vms_per_host=1)
    vm_id = lab.hosts[0].model.vms[0].vm_id
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                              refresh_interval_s=0)
        try:
            with pytest.raises(ValueError):
                await session.run_action(VmAction.RENAME, [vm_id])
        finally:
            await session.close()

    run(scenario())
    assert not listener.log
