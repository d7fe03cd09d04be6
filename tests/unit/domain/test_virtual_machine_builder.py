"""VirtualMachineBuilder makes the same objects as the dataclass constructor."""

import copy
import dataclasses
import pickle
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.virtual_machine import OPTIONAL_FIELD_NAMES, VirtualMachine
from hvmanager.domain.virtual_machine_builder import VirtualMachineBuilder
from hvmanager.domain.vm_state import VMState

_values = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.timedeltas(), st.booleans(),
                    st.sampled_from(list(HeartbeatStatus) + list(CheckpointType)))
_fields = st.fixed_dictionaries(
    {"vm_id": st.uuids(), "host": st.text(max_size=5), "name": st.text(max_size=5),
     "state": st.sampled_from(VMState)},
    optional={name: _values for name in OPTIONAL_FIELD_NAMES})


@settings(max_examples=300, deadline=None)
@given(_fields, st.frozensets(st.sampled_from(OPTIONAL_FIELD_NAMES)))
def test_built_vms_are_constructed_vms(values, fetched):
    constructed = VirtualMachine(**values, fetched=fetched)
    builder = VirtualMachineBuilder(host=values["host"], fetched=fetched)
    fields = builder.fields()
    fields.update(values)
    built = VirtualMachineBuilder.build(fields)
    assert type(built) is VirtualMachine
    assert built == constructed and constructed == built and not built != constructed
    assert hash(built) == hash(constructed) and repr(built) == repr(constructed)
    assert list(vars(built).items()) == list(vars(constructed).items())
    assert dataclasses.asdict(built) == dataclasses.asdict(constructed)
    assert pickle.loads(pickle.dumps(built)) == constructed
    assert copy.copy(built) == constructed and dataclasses.replace(built) == constructed
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.name = "other"  # type: ignore[misc]


def test_constants_fill_every_vm_and_unknown_fields_are_refused():
    builder = VirtualMachineBuilder(host="hv01", fetched=frozenset({"notes"}), notes="same")
    fields = builder.fields()
    fields.update(vm_id=uuid.UUID(int=1), name="a", state=VMState.OFF)
    vm = VirtualMachineBuilder.build(fields)
    assert (vm.host, vm.notes, vm.is_fetched("notes"), vm.cpu_usage) == ("hv01", "same", True, None)
    assert builder.fields()["name"] == ""  # each VM's dict is its own
    with pytest.raises(TypeError):
        VirtualMachineBuilder(colour="red")
