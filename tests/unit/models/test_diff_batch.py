"""DiffBatch: several diffs of a host within one turn fold into one."""

from dataclasses import replace

from hvmanager.domain.vm_diff import VmChange, VmDiff
from hvmanager.models.diff_batch import DiffBatch
from vm_samples import added, changed, removed, vm


def test_folding_rules():
    batch = DiffBatch()
    a, b, c, d = vm(1), vm(2), vm(3), vm(4)
    batch.add("hv1", added(a, b))
    a2, diff = changed(a, cpu_usage=90)
    batch.add("hv1", diff)                      # added then changed: added (new value)
    batch.add("hv1", removed(b))                # added then removed: nothing
    batch.add("hv1", removed(c))
    batch.add("hv1", added(replace(c, name="back")))  # removed then added: changed
    d2, diff = changed(d, cpu_usage=1)
    batch.add("hv1", diff)
    batch.add("hv1", VmDiff(changed=(VmChange(d2, replace(d2, cpu_usage=2)),)))
    batch.add("hv2", added(vm(1, "hv2")))
    merged = batch.take()
    assert [key for key, _ in merged] == ["hv1", "hv2"]
    diff = merged[0][1]
    assert diff.added == (a2,)
    assert diff.removed == ()
    assert {(ch.old.name, ch.new.name) for ch in diff.changed} == {("vm-003", "back"),
                                                                   ("vm-004", "vm-004")}
    assert [ch.new.cpu_usage for ch in diff.changed if ch.old == d] == [2]
    assert not batch and batch.take() == []


def test_changes_that_cancel_out_vanish():
    batch = DiffBatch()
    a = vm(1)
    a2, diff = changed(a, cpu_usage=50)
    batch.add("hv1", diff)
    batch.add("hv1", VmDiff(changed=(VmChange(a2, a),)))
    assert batch.take() == []


def test_a_single_diff_of_a_host_passes_as_it_is_and_a_second_one_folds_into_it():
    batch = DiffBatch()
    a, b = vm(1), vm(2)
    only = added(a, b)
    batch.add("hv1", only)
    batch.add("hv2", VmDiff())
    ((key, taken),) = batch.take()
    assert key == "hv1" and taken is only
    batch.add("hv1", added(a, b))
    a2, diff = changed(a, cpu_usage=70)
    batch.add("hv1", diff)
    ((key, merged),) = batch.take()
    assert key == "hv1" and set(merged.added) == {a2, b} and not merged.changed
