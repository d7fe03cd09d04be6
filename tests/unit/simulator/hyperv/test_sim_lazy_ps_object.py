"""Lazy Get-VM objects (freed as soon as they are dropped, filled when something looks) and their timespans."""

from __future__ import annotations

import gc
import weakref
from xml.etree import ElementTree

from psrpcore.types import PSDuration, serialize

from hvmanager.simulator.hyperv.dotnet_object import timespan
from hvmanager.simulator.hyperv.sim_host import SimHost
from hvmanager.simulator.hyperv.vm_object_builder import VmObjectBuilder


def _vm_object(host: SimHost) -> object:
    with host.lock:
        return VmObjectBuilder(host).build(host.vms[0], host.now())


def test_a_dropped_object_is_freed_without_the_garbage_collector() -> None:
    # No reference cycle (object -> meta -> object): a refresh's 80 objects go at once.
    host = SimHost.generate("HV01", 2, 1)
    gc.disable()
    try:
        unfilled = _vm_object(host)
        filled = _vm_object(host)
        assert filled.PSObject.adapted_properties  # fills it
        refs = [weakref.ref(unfilled), weakref.ref(filled)]
        del unfilled, filled
        assert [ref() for ref in refs] == [None, None]
    finally:
        gc.enable()


def test_filling_gives_every_property_once_in_table_order() -> None:
    host = SimHost.generate("HV01", 2, 1)
    obj = _vm_object(host)
    assert obj.PSObject.pending
    names = [p.name for p in obj.PSObject.extended_properties] + [p.name for p in obj.PSObject.adapted_properties]
    assert not obj.PSObject.pending
    assert names[:4] == ["VMName", "VMId", "ParentCheckpointId", "ParentCheckpointName"]
    assert names[4:6] == ["ConfigurationLocation", "SmartPagingFileInUse"] and len(names) == len(set(names))
    assert obj.Name == host.vms[0].name and obj.PSObject.to_string.startswith("VirtualMachine (Name = ")


def test_a_timespan_is_freed_by_reference_counting() -> None:
    gc.disable()
    try:
        built = timespan(12.5)
        freed = weakref.ref(built)
        del built
        assert freed() is None
    finally:
        gc.enable()


def test_timespans_are_what_psrpcore_builds() -> None:
    for seconds in (0.0, 0.0000004, 1.5, 3723.5, 1_987_654.3216, 86_400 * 400 + 0.001):
        built, reference = timespan(seconds), PSDuration(microseconds=int(round(seconds * 1_000_000)))
        assert type(built) is PSDuration and built == reference and built.nanoseconds == 0
        assert object.__getattribute__(built, "__dict__").keys() == object.__getattribute__(reference, "__dict__").keys()
        meta = object.__getattribute__(built, "PSObject")
        # Its meta does not point back at it (psrpcore's does): no cycle, the same ToString.
        assert meta._instance is None and meta.type_names == reference.PSObject.type_names
        assert (str(built), repr(built), meta.to_string) == (str(reference), repr(reference), reference.PSObject.to_string)
        assert ElementTree.tostring(serialize(built, None)) == ElementTree.tostring(serialize(reference, None))
