"""What ``Select-Object -Property`` takes from one shape of input object, worked out once.

Every VM that ``Get-VM`` writes has the same type names and property names, so which
properties a request matches (wildcards, ``-ExcludeProperty``, renames) and the type names
of the result are the same for all of them. A plan holds that answer, and the selected
objects it makes share one ``PropertyTable``: an object is its type names plus the list of
values picked from one input, and becomes a full PSObject only when it is serialised (the
same note properties, in the same order, an eager build gave).
"""

from __future__ import annotations

import operator
import re
from typing import Any

from psrpcore.types import PSObject

from hvmanager.simulator.cmdlets.ps_value import PSValue, instance_attribute
from hvmanager.simulator.hyperv.lazy_ps_object import LazyPSObject, PropertyTable

_CUSTOM = "System.Management.Automation.PSCustomObject"
_SIMPLE = {str: "System.String", bool: "System.Boolean", int: "System.Int32", float: "System.Double"}


def type_name_of(value: Any) -> str:
    """The first .NET type name of a value, as PowerShell reports it."""
    if isinstance(value, PSObject) and value.PSObject.type_names:
        return value.PSObject.type_names[0]
    return _SIMPLE.get(type(value), "System.Object")


def pending_facts(value: Any) -> tuple[PropertyTable, Any] | None:
    """(table, facts) of a ``LazyPSObject`` not filled yet, else None."""
    if issubclass(type(value), LazyPSObject):
        return value.sim_pending_facts()
    return None


def shape_of(value: Any) -> tuple[Any, ...]:
    """What a plan depends on: the input's type names and property names."""
    if isinstance(value, PSObject):
        # Objects made from one PropertyTable share their property names.
        table = instance_attribute(value, "sim_table")
        names = table if table is not None else tuple(PSValue.property_names(value))
        return (tuple(value.PSObject.type_names), names)
    return (type(value),)


class SelectionPlan:
    """The columns (output name, input property) and result type names for one input shape.

    ``requests`` are (label, source) pairs: a source with wildcards expands to the input's
    matching property names, a label other than the source renames; ``excluded`` patterns
    drop names. A source the input lacks still makes a column (its value is null), as in
    PowerShell.
    """

    def __init__(self, value: Any, requests: list[tuple[str, str]], excluded: list[re.Pattern[str]]) -> None:
        names = PSValue.property_names(value)
        self.columns: list[tuple[str, str]] = []
        for label, source in requests:
            if PSValue.has_wildcard(source):
                pattern = PSValue.wildcard(source)
                sources = [name for name in names if pattern.match(name)]
            else:
                sources = [source]
            for name in sources:
                if any(p.match(name) for p in excluded):
                    continue
                self.columns.append((label if label != source else name, name))
        # PowerShell names the input's .NET base type: a selected object's base is a PSCustomObject.
        base = _CUSTOM if isinstance(value, PSObject) and _CUSTOM in value.PSObject.type_names \
            else type_name_of(value)
        self.type_names = ["Selected." + base, _CUSTOM, "System.Object"]
        self.table = PropertyTable(
            adapted=[], extended=[(out, operator.itemgetter(i)) for i, (out, _) in enumerate(self.columns)])
        # For unfilled lazy inputs (all of this shape share one table): each column's reader.
        self._readers: list[Any] | None = None

    def select(self, value: Any) -> LazyPSObject:
        """The selected object for one input of this plan's shape."""
        lazy = pending_facts(value)
        if lazy is None:
            values = [PSValue.get(value, name, deep=True)[1] for _, name in self.columns]
        else:
            table, facts = lazy
            if self._readers is None:
                self._readers = [table.reader(name, deep=True) for _, name in self.columns]
            values = [None if read is None else read(facts) for read in self._readers]
        return LazyPSObject.create(self.table, values, list(self.type_names), None, None)
