"""Whatever a host sends, parsing yields a VM or None — never an exception."""

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from hvmanager.hyperv.vm_parser import parse_vm
from hvmanager.hyperv.vm_property import ALL
from hvmanager.remoting.record import Record

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
                    st.uuids(), st.timedeltas(), st.datetimes(), st.binary(max_size=4))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text(max_size=6), inner, max_size=3),
        st.builds(lambda to_string, value: Record(to_string=to_string, value=value),
                  st.one_of(st.none(), st.text(max_size=12)), inner)),
    max_leaves=6)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([p.powershell_name for p in ALL] + ["VMName", "VMId"]),
                       values, max_size=12))
def test_any_property_values_parse_without_raising(properties):
    vm = parse_vm(Record(properties=properties), "hv", ALL)
    if vm is not None:
        assert isinstance(vm.vm_id, uuid.UUID) and isinstance(vm.name, str)
        assert vm.memory_assigned is None or isinstance(vm.memory_assigned, int)
        assert vm.uptime is None or hasattr(vm.uptime, "total_seconds")
