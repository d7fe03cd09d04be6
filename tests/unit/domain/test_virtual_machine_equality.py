"""VirtualMachine's equality is the dataclass's: same class, every field equal."""

import uuid
from dataclasses import fields, replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_state import VMState

BASE = VirtualMachine(uuid.UUID(int=1), "hv01", "a", VMState.RUNNING, cpu_usage=3, uptime=timedelta(1),
                      fetched=frozenset({"cpu_usage", "uptime"}))
_changes = st.fixed_dictionaries({}, optional={
    "vm_id": st.just(uuid.UUID(int=2)), "host": st.just("hv02"), "name": st.just("b"),
    "state": st.sampled_from(VMState), "cpu_usage": st.sampled_from([3, 4, None]),
    "uptime": st.sampled_from([timedelta(1), timedelta(2)]), "notes": st.sampled_from([None, "", "n"]),
    "fetched": st.just(frozenset({"cpu_usage"}))})


def _as_tuple(vm):
    return tuple(getattr(vm, f.name) for f in fields(vm))


@settings(max_examples=300, deadline=None)
@given(_changes, _changes)
def test_equal_exactly_when_every_field_is(first, second):
    a, b = replace(BASE, **first), replace(BASE, **second)
    assert (a == b) == (_as_tuple(a) == _as_tuple(b)) == (not a != b)
    if a == b:
        assert hash(a) == hash(b)


class _Other(VirtualMachine):
    pass


def test_other_classes_are_not_equal():
    assert BASE != object() and BASE != _as_tuple(BASE) and BASE.__eq__(1) is NotImplemented
    other = _Other(**{f.name: getattr(BASE, f.name) for f in fields(BASE)})
    assert BASE != other and other != BASE
