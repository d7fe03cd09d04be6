import time
import uuid
from dataclasses import replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

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


def _diff_before(old, new):
    """The diff as it was before its fast paths (commit d8c3ce6): the oracle."""
    old_map = old if isinstance(old, dict) else index_by_id(old)
    new_map = new if isinstance(new, dict) else index_by_id(new)
    added, changed = [], []
    for vm_id, one in new_map.items():
        before = old_map.get(vm_id)
        if before is None:
            added.append(one)
        elif before is not one and before != one:
            changed.append((before, one))
    removed = [one for vm_id, one in old_map.items() if vm_id not in new_map]
    return added, removed, changed


_POOL = [vm(n) for n in range(5)] + [vm(n, cpu_usage=9) for n in range(5)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(range(len(_POOL))), max_size=6),
       st.lists(st.sampled_from(range(len(_POOL))), max_size=6), st.booleans(), st.booleans())
def test_every_path_gives_what_the_plain_comparison_gives(old_picks, new_picks, copies, fresh_ids):
    # Same ids in the same order (the side-by-side walk), other orders, added, removed,
    # the very same objects and equal copies, the same GUID objects or equal new ones.
    def pick(index, copy):
        one = _POOL[index]
        if copy:
            one = replace(one, vm_id=uuid.UUID(int=one.vm_id.int) if fresh_ids else one.vm_id)
        return one
    old = index_by_id(pick(i, False) for i in old_picks)
    new = index_by_id(pick(i, copies) for i in new_picks)
    got = diff(old, new)
    added, removed, changed = _diff_before(old, new)
    assert [v for v in got.added] == added and all(a is b for a, b in zip(got.added, added))
    assert list(got.removed) == removed
    assert [(c.old, c.new) for c in got.changed] == changed
    assert all(c.old is b and c.new is a for c, (b, a) in zip(got.changed, changed))


def test_none_in_a_mapping_counts_as_absent_as_before():
    for new_value in (vm(1), None):
        old = {uuid.UUID(int=1): None, uuid.UUID(int=2): vm(2)}
        new = {uuid.UUID(int=1): new_value, uuid.UUID(int=2): vm(2)}
        result = diff(old, new)
        assert result.added == (new_value,) and not result.changed and not result.removed
