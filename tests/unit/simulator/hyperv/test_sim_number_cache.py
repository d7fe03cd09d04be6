"""Shared psrpcore numbers: one object per type and value, serialised as a fresh one would be."""

from __future__ import annotations

from xml.etree import ElementTree

from psrpcore.types import PSInt, PSInt64, serialize

from hvmanager.simulator.hyperv.number_cache import NumberCache
from hvmanager.simulator.hyperv.sim_host import SimHost
from hvmanager.simulator.hyperv.vm_object_builder import VmObjectBuilder


def _xml(value: object) -> bytes:
    return ElementTree.tostring(serialize(value, None))


def test_one_object_per_type_and_value() -> None:
    numbers = NumberCache()
    assert numbers(PSInt, 2) is numbers(PSInt, 2)
    assert numbers(PSInt64, 2) is not numbers(PSInt, 2)
    assert type(numbers(PSInt64, 2)) is PSInt64 and numbers(PSInt64, 2) == 2
    assert _xml(numbers(PSInt64, 4 << 30)) == _xml(PSInt64(4 << 30)) == b"<I64>4294967296</I64>"


def test_starts_over_past_its_capacity() -> None:
    numbers = NumberCache(capacity=2)
    first = numbers(PSInt, 1)
    numbers(PSInt, 2)
    numbers(PSInt, 3)  # the third value empties the cache
    assert numbers(PSInt, 1) is not first and numbers(PSInt, 1) == first


def test_vm_objects_share_numbers_and_serialise_as_built_alone() -> None:
    host = SimHost.generate("HV01", 3, 1)
    shared = VmObjectBuilder(host, NumberCache())
    with host.lock:
        now = host.now()
        twice = [shared.build(host.vms[0], now), shared.build(host.vms[0], now)]
        alone = VmObjectBuilder(host, NumberCache()).build(host.vms[0], now)
    assert twice[0].Generation is twice[1].Generation and twice[0].MemoryStartup is twice[1].MemoryStartup
    assert _xml(twice[0]) == _xml(twice[1]) == _xml(alone)


def test_a_number_is_what_psrpcore_s_constructor_builds() -> None:
    from psrpcore.types import PSByte, PSUInt, PSUInt64

    for kind, value in ((PSInt, 7), (PSInt, -3), (PSInt64, 4 << 30), (PSUInt, 134_217_728),
                        (PSUInt64, 536_870_912), (PSByte, 255)):
        built, psrpcore = NumberCache()(kind, value), kind(value)
        assert type(built) is kind and int(built) == value and str(built) == str(psrpcore)
        assert _xml(built) == _xml(psrpcore)
        assert built.PSObject.type_names == psrpcore.PSObject.type_names
        assert built.PSObject.to_string == psrpcore.PSObject.to_string
        assert built.PSObject.adapted_properties == [] and built.PSObject.extended_properties == []
        assert object.__getattribute__(built, "PSObject") is not kind.PSObject  # its own copy
