import time
import uuid
from dataclasses import replace
from datetime import timedelta

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_diff import diff, index_by_id
from hvmanager.domain.vm_state import VMState


def vm(n, **changes):
    base = VirtualMachine(uuid.UUID(int=n), "hv01", f"vm{n}", VMState.RUNNING, cpu_usage=1,
                          uptime=timedelta(seconds=n), fetched=frozenset({"cpu_usage", "uptime"}))
    return replace(base, **changes)


def test_added_removed_changed():
    old = [vm(1), vm(2), vm(3)]
    new = [vm(2), vm(3, state=VMState.OFF, cpu_usage=None), vm(4)]
    result = diff(old, new)
    assert [v.vm_id.int for v in result.added] == [4]
    assert [v.vm_id.int for v in result.removed] == [1]
    assert len(result.changed) == 1
    assert result.changed[0].fields == {"state", "cpu_usage"}
    assert not result.empty


def test_same_snapshot_is_empty():
    assert diff([vm(1)], [vm(1)]).empty


def test_duplicate_names_are_different_vms():
    result = diff([vm(1, name="same")], [vm(1, name="same"), vm(2, name="same")])
    assert [v.vm_id.int for v in result.added] == [2]


def test_ten_thousand_vms_is_cheap():
    old = index_by_id(vm(n) for n in range(10_000))
    new = dict(old)
    for n in range(0, 10_000, 100):
        new[uuid.UUID(int=n)] = vm(n, cpu_usage=50)
    start = time.perf_counter()
    result = diff(old, new)
    elapsed = time.perf_counter() - start
    assert len(result.changed) == 100 and not result.added and not result.removed
    assert elapsed < 0.5  # generous: a few ms on a laptop


def test_fetched_distinguishes_not_asked_from_empty():
    machine = vm(1, heartbeat=None, fetched=frozenset({"heartbeat"}))
    assert machine.is_fetched("heartbeat") and machine.heartbeat is None
    assert not machine.is_fetched("notes")
    assert machine.is_fetched("name")
