"""Build psrpcore objects shaped like serialised .NET objects.

Depth matters: a remote host serialises each output object at depth 1, so a property that
holds another object is written as that object's ToString (a nested collection as a list of
ToStrings). ``DotNetObject`` builds such objects; the engine can still reach the full nested
values (for ``Select-Object``, which writes note properties one level deeper) through
``nested_values``, a plain attribute psrpcore never serialises.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Callable

from psrpcore.types import PSDateTime, PSDuration, PSList, PSNoteProperty, PSObject

from hvmanager.simulator.hyperv.sim_ps_object import SimPSObject

_OBJ = "System.Object"


@dataclass
class DotNetObject:
    """A recipe for one object: type names, adapted and extended properties, ToString."""

    type_names: list[str]
    to_string: str | None = None
    adapted: list[tuple[str, Any]] = field(default_factory=list)
    extended: list[tuple[str, Any]] = field(default_factory=list)
    nested: dict[str, Callable[[], Any]] = field(default_factory=dict)
    #: What the engine needs to find the model object again: ("vm", vm_id) ...
    reference: tuple[Any, ...] | None = None

    def prop(self, name: str, value: Any) -> DotNetObject:
        """Add an adapted (native .NET) property."""
        self.adapted.append((name, value))
        return self

    def alias(self, name: str, value: Any) -> DotNetObject:
        """Add an extended property (types.ps1xml alias, note or script property)."""
        self.extended.append((name, value))
        return self

    def build(self) -> PSObject:
        """The psrpcore object."""
        obj = SimPSObject()
        obj.PSObject.type_names = list(self.type_names)
        for name, value in self.adapted:
            add_property(obj, name, value, extended=False)
        for name, value in self.extended:
            add_property(obj, name, value)
        if self.to_string is not None:
            obj.PSObject.to_string = self.to_string
        obj.sim_nested = self.nested
        obj.sim_reference = self.reference
        return obj


def add_property(obj: PSObject, name: str, value: Any, extended: bool = True) -> None:
    """Append a property holding ``value`` (extended: a note property; else adapted).

    PSNoteProperty(name, value) builds a throw-away PSObject per property; setting the value
    against the owning object avoids that (it was a third of a 500-VM Get-VM).
    """
    prop = PSNoteProperty(name)
    prop.set_value(value, obj)
    meta = obj.PSObject
    (meta.extended_properties if extended else meta.adapted_properties).append(prop)


def collection(type_name: str, items: list[str], generic: bool = True) -> PSList:
    """A collection property at depth 0: its type names and its items' ToStrings."""
    value = PSList(items)
    names = [type_name, _OBJ] if generic else [type_name, "System.Array", _OBJ]
    value.PSObject.type_names = names
    return value


def hv_list(element: str, items: list[str]) -> PSList:
    """A ``List<Microsoft.HyperV.PowerShell.X>`` property at depth 0."""
    return collection(
        "System.Collections.Generic.List`1[[Microsoft.HyperV.PowerShell." + element
        + ", Microsoft.HyperV.PowerShell.Objects, Version=10.0.0.0, Culture=neutral, "
          "PublicKeyToken=31bf3856ad364e35]]", items)


def array(element_type: str, items: list[str]) -> PSList:
    """A ``T[]`` property at depth 0."""
    return collection(element_type + "[]", items, generic=False)


def timespan(seconds: float) -> PSDuration:
    """A TimeSpan with 100 ns resolution (.NET ticks), sent as an ISO-8601 duration.

    Built as ``PSDuration(microseconds=...)`` leaves it (the timedelta, its own copy of the
    type's metadata, ``nanoseconds`` 0) without psrpcore's general constructor, which
    walks the object's properties on each of its attribute writes: 2 us instead of 10,
    for every running VM's Uptime in every refresh.
    """
    micro = int(round(seconds * 1_000_000))
    duration = datetime.timedelta.__new__(PSDuration, microseconds=micro)
    PSDuration.PSObject.set_instance(duration)
    # set_instance points the meta back at its object, to make its ToString from str() when
    # asked; the text set now instead, each Uptime is freed by reference counting rather
    # than left in a cycle to the garbage collector.
    meta = object.__getattribute__(duration, "PSObject")
    meta._instance = None
    meta.to_string = datetime.timedelta.__str__(duration)
    object.__setattr__(duration, "nanoseconds", 0)
    return duration


def date_time(value: datetime.datetime) -> PSDateTime:
    """A DateTime of kind Local (it carries the host's UTC offset)."""
    return PSDateTime(value.year, value.month, value.day, value.hour, value.minute,
                      value.second, value.microsecond, tzinfo=value.tzinfo)
