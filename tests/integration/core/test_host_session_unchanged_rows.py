"""A refresh whose rows are all as last time reports no diff; any change on the host does."""

from __future__ import annotations

from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_session import HostSession
from hvmanager.domain.vm_state import VMState
from hvmanager_testing.recording_listener import RecordingListener

COLUMNS = ("cpu_usage", "memory_assigned", "uptime", "status", "version", "generation", "notes")


def test_unchanged_rows_give_no_diff_and_every_change_is_reported(make_lab):
    lab = make_lab(hosts=1, vms_per_host=0)
    host = lab.hosts[0]
    # Off VMs: nothing on them moves by itself (a running VM's uptime changes every second).
    first, second, third = (host.model.add_vm(name, state="Off") for name in ("a", "b", "c"))
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(host), listener, password=host.password,
                              refresh_interval_s=0, call_timeout_s=10, properties=COLUMNS)
        try:
            await session.refresh()
            key = session.key
            assert [len(d.added) for d in listener.diffs[key]] == [3]
            before = dict(session.vms)

            await session.refresh()
            await session.refresh()
            assert len(listener.diffs[key]) == 1, "unchanged rows must not make a diff"
            assert all(session.vms[vm_id] is vm for vm_id, vm in before.items())
            assert listener.last(key).vm_count == 3

            host.model.rename_vm(first.vm_id, "renamed")
            await session.refresh()
            (change,) = listener.diffs[key][-1].changed
            assert change.new.name == "renamed" and change.new.vm_id == first.vm_id
            assert session.vms[second.vm_id] is before[second.vm_id]

            with host.model.lock:
                second.notes = "a note\nover two lines"
            await session.refresh()
            (change,) = listener.diffs[key][-1].changed
            assert change.new.notes == "a note\nover two lines"

            with host.model.lock:
                second.force_state(VMState.RUNNING, host.model.now(), 60.0)
            await session.refresh()
            (change,) = listener.diffs[key][-1].changed
            assert change.new.state is VMState.RUNNING and change.old.state is VMState.OFF

            host.model.remove_vm(third.vm_id)
            added = host.model.add_vm("d", state="Off")
            await session.refresh()
            last = listener.diffs[key][-1]
            assert [vm.vm_id for vm in last.removed] == [third.vm_id]
            assert [vm.vm_id for vm in last.added] == [added.vm_id]
            # The table rebuilt from the diffs alone is the host's list.
            assert listener.tables[key] == dict(session.vms)
            assert {vm.name for vm in session.vms.values()} == {"renamed", "b", "d"}
        finally:
            await session.close()

    run(scenario())
