"""A PSObject whose properties are computed only when someone needs them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from psrpcore.types import PSNoteProperty
from psrpcore.types._base import PSObjectMeta

from hvmanager.simulator.hyperv.sim_ps_object import SimPSObject

#: A property's value from the facts of one object.
ValueOf = Callable[[Any], Any]


class LazyMeta(PSObjectMeta):
    """``PSObjectMeta`` whose property lists are filled from a table and facts on first access.

    Type names and ToString are there at once; the first look at ``adapted_properties``
    or ``extended_properties`` (serialisation, formatting, ``PSObject.Properties``) fills
    both lists with note properties, exactly as an eager build would have. The meta does
    not point back at its object (psrpcore's ``_instance`` only matters for classes with a
    ``__str__``): without that cycle, an object nobody serialised is freed by reference
    counting, not left to the garbage collector (a refresh makes 80 of them).
    """

    def __init__(self, type_names: list[str], adapted_properties: Any = None,
                 extended_properties: Any = None, *, rehydrate: bool = True,
                 source: tuple[PropertyTable, Any] | None = None) -> None:
        # PSObjectMeta.__init__'s fields, set directly: a refresh makes 80 of these metas and
        # the base initialiser goes through the property setters above.
        self.type_names = type_names
        self._adapted = adapted_properties or []
        self._extended = extended_properties or []
        self.rehydrate = rehydrate
        self._to_string = None
        self._instance = None
        self._source = source

    @property
    def pending(self) -> bool:
        """True until the properties were filled."""
        return self._source is not None

    def filled(self) -> None:
        """Fill the property lists now (once)."""
        source, self._source = self._source, None
        if source is None:
            return
        table, facts = source
        for properties, members in ((self._adapted, table.adapted), (self._extended, table.extended)):
            for name, value in members:
                prop = PSNoteProperty(name)
                prop.set_value(value(facts), None)  # a note property's value needs no owner
                properties.append(prop)

    @property  # type: ignore[override]
    def adapted_properties(self) -> list:
        self.filled()
        return self._adapted

    @adapted_properties.setter
    def adapted_properties(self, value: list) -> None:
        self._adapted = value

    @property  # type: ignore[override]
    def extended_properties(self) -> list:
        self.filled()
        return self._extended

    @extended_properties.setter
    def extended_properties(self, value: list) -> None:
        self._extended = value


@dataclass(eq=False)  # compared and hashed by identity: objects of one table share a shape
class PropertyTable:
    """The members of one .NET type as value functions of an object's facts (built once)."""

    adapted: list[tuple[str, ValueOf]]
    extended: list[tuple[str, ValueOf]]
    nested: dict[str, ValueOf] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_name: dict[str, tuple[str, ValueOf]] = {}
        # As PSValue.get searches a filled object: extended members first, the first of
        # equal names wins (Select-Object may write two properties of one name).
        for name, value in self.extended + self.adapted:
            self.by_name.setdefault(name.lower(), (name, value))
        names = [name for name, _ in self.extended]
        self.names = names + [name for name, _ in self.adapted if name not in names]

    def reader(self, name: str, deep: bool) -> ValueOf | None:
        """The function that gives property ``name`` (case-insensitive) from an object's facts,
        or None when the type has no such property; ``deep`` gives nested objects whole."""
        entry = self.by_name.get(name.lower())
        if entry is None:
            return None
        real, value = entry
        return self.nested[real] if deep and real in self.nested else value


class LazyPSObject(SimPSObject):
    """A ``SimPSObject`` made of a ``PropertyTable`` and one object's facts, filled on demand.

    ``sim_lookup(name, deep)`` answers one property (case-insensitive, extended members
    first, like ``PSValue.get``) without filling the others; ``sim_property_names`` are the
    names in ``PSObject.Properties`` order. The engine uses both while the object is
    unfilled; everything else (psrpcore's serialiser included) fills it.
    """

    @classmethod
    def create(cls, table: PropertyTable, facts: Any, type_names: list[str], to_string: str | None,
               reference: Any) -> "LazyPSObject":
        """The object of ``table``'s type for ``facts``."""
        obj = object.__new__(cls)  # psrpcore's __new__ would copy a meta only to replace it
        meta = LazyMeta(type_names, source=(table, facts))
        if to_string is not None:
            meta.to_string = to_string
        setattr_ = object.__setattr__
        setattr_(obj, "PSObject", meta)
        setattr_(obj, "sim_table", table)
        setattr_(obj, "sim_facts", facts)
        setattr_(obj, "sim_reference", reference)
        setattr_(obj, "sim_property_names", table.names)
        return obj

    def sim_nested_value(self, name: str) -> tuple[bool, Any]:
        """(True, the nested objects) of property ``name`` when the table has such a
        whole-object form (``PropertyTable.nested``), else (False, None)."""
        nested = object.__getattribute__(self, "sim_table").nested.get(name)
        if nested is None:
            return False, None
        return True, nested(object.__getattribute__(self, "sim_facts"))

    def sim_lookup(self, name: str, deep: bool) -> tuple[bool, Any]:
        """(found, value) of one property, computed alone while the object is unfilled."""
        read = object.__getattribute__(self, "sim_table").reader(name, deep)
        if read is None:
            return False, None
        return True, read(object.__getattribute__(self, "sim_facts"))

    def sim_pending_facts(self) -> tuple[PropertyTable, Any] | None:
        """(table, facts) while unfilled: a caller reading many objects of one table can then
        resolve ``table.reader`` once. None once filled (the filled values are what counts)."""
        if not object.__getattribute__(self, "PSObject").pending:
            return None
        return object.__getattribute__(self, "sim_table"), object.__getattribute__(self, "sim_facts")

    def __getattribute__(self, item: str) -> Any:
        if item == "__dict__":
            object.__getattribute__(self, "PSObject").filled()
        elif item != "PSObject":
            try:
                return object.__getattribute__(self, item)
            except AttributeError:
                object.__getattribute__(self, "PSObject").filled()
        return SimPSObject.__getattribute__(self, item)
