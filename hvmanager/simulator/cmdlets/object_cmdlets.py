"""Select-Object, Where-Object (simple form), Sort-Object, Measure-Object."""

from __future__ import annotations

import re
from typing import Any, Iterable

from psrpcore.types import PSDouble, PSInt, PSList, PSObject

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.cmdlets.selection_plan import SelectionPlan, shape_of
from hvmanager.simulator.engine_api import SimError, TerminatingError
from hvmanager.simulator.hyperv.dotnet_object import add_property
from hvmanager.simulator.hyperv.sim_ps_object import SimPSObject

_UTILITY = "Microsoft.PowerShell.Commands."
_INPUT = P("InputObject", "object", pipeline="value", many=False)


def _property_requests(values: list[Any]) -> list[tuple[str, str]]:
    """(output name, source name) pairs; a hashtable with a string Expression renames."""
    requests = []
    for value in values:
        if isinstance(value, dict):
            lowered = {str(k).lower(): v for k, v in value.items()}
            label = lowered.get("name", lowered.get("n", lowered.get("label", lowered.get("l"))))
            source = lowered.get("expression", lowered.get("e"))
            requests.append((str(label if label is not None else source), str(source)))
        else:
            requests.append((str(value), str(value)))
    return requests


class SelectObject(Cmdlet):
    """Select-Object [-Property] <object[]> [-ExpandProperty <string>] [-First n] [-Last n] ..."""

    spec = CmdletSpec("Select-Object", _UTILITY + "SelectObjectCommand", (
        P("Property", "object", position=0), P("ExcludeProperty"), P("ExpandProperty", many=False),
        P("First", "int", many=False), P("Last", "int", many=False), P("Skip", "int", many=False),
        P("Unique", "switch"), _INPUT))

    def begin(self) -> Iterable[Any]:
        self._seen = 0
        self._kept: list[Any] = []
        raw = self.bound.get("Property")
        self._requests = _property_requests(raw if isinstance(raw, (list, PSList)) else
                                            ([] if raw is None else [raw]))
        self._excluded = [PSValue.wildcard(str(p)) for p in self.bound.get("ExcludeProperty", [])]
        # One plan per input shape: Get-VM's objects all share one.
        self._plans: dict[tuple[Any, ...], SelectionPlan] = {}
        # The command line's switches, read once (process runs per input object).
        self._skip = int(self.bound.get("Skip", 0))
        self._keep_all = "Last" in self.bound or self.bound.switch("Unique")
        self._first = int(self.bound.get("First")) if "First" in self.bound else None
        self._expand = self.bound.get("ExpandProperty")
        return super().begin()

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if "InputObject" not in bound:
            return []
        value = bound.get("InputObject")
        self._seen += 1
        if self._seen <= self._skip:
            return []
        selected = self._select(value)
        if self._keep_all:
            self._kept.extend(selected)
            return []
        if self._first is not None:
            room = self._first - (self._seen - self._skip - 1)
            return selected if room > 0 else []
        return selected

    def end(self) -> Iterable[Any]:
        kept = self._kept
        if self.bound.switch("Unique"):
            values = PSValue(self.host.locale)
            unique, keys = [], set()
            for item in kept:
                key = values.text(item).lower()
                if key not in keys:
                    keys.add(key)
                    unique.append(item)
            kept = unique
        if "Last" in self.bound:
            kept = kept[-int(self.bound.get("Last")):] if int(self.bound.get("Last")) else []
        if "First" in self.bound and (self.bound.switch("Unique") or "Last" in self.bound):
            kept = kept[:int(self.bound.get("First"))]
        return kept

    def _select(self, value: Any) -> list[Any]:
        expand = self._expand
        if expand is not None:
            found, inner = PSValue.get(value, str(expand), deep=True)
            if not found:
                self.write_error(_missing_property(str(expand), value))
                return []
            if isinstance(inner, (list, PSList)):
                return list(inner)
            return [] if inner is None else [inner]
        if not self._requests:
            return [value]
        return [self._selected_object(value)]

    def _selected_object(self, value: Any) -> PSObject:
        shape = shape_of(value)
        plan = self._plans.get(shape)
        if plan is None:
            plan = self._plans[shape] = SelectionPlan(value, self._requests, self._excluded)
        return plan.select(value)


def _missing_property(name: str, value: Any) -> SimError:
    return SimError(
        message=(f'Property "{name}" cannot be found.'),
        fully_qualified_error_id="ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand",
        category="InvalidArgument", target_object=value,
        exception_types=("System.Management.Automation.PSArgumentException", "System.ArgumentException",
                         "System.SystemException", "System.Exception", "System.Object"),
        command_name="Select-Object")


_OPERATORS = ("EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch",
              "Contains", "NotContains", "In", "NotIn", "CEQ", "CNE", "CLike", "CMatch")


class WhereObject(Cmdlet):
    """Where-Object [-Property] <string> [[-Value] <object>] -EQ|-NE|-Like|-Match|... (simple form)."""

    spec = CmdletSpec("Where-Object", _UTILITY + "WhereObjectCommand", (
        P("Property", position=0, many=False), P("Value", "object", position=1),
        P("FilterScript", "object")) + tuple(P(op, "switch") for op in _OPERATORS) + (_INPUT,))

    def begin(self) -> Iterable[Any]:
        if "FilterScript" in self.bound:
            raise TerminatingError(SimError(
                message="Script blocks are not supported by this runspace; use Where-Object "
                        "-Property <name> -EQ -Value <value>.",
                fully_qualified_error_id="ScriptsNotAllowed", category="ParserError",
                command_name="Where-Object"))
        ops = [op for op in _OPERATORS if self.bound.switch(op)]
        self._op = ops[0] if ops else ""
        self._values = PSValue(self.host.locale)
        return super().begin()

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if "InputObject" not in bound:
            return []
        value = bound.get("InputObject")
        found, left = PSValue.get(value, str(self.bound.get("Property", "")))
        if not found and isinstance(value, PSObject):
            left = None
        return [value] if self._matches(left) else []

    def _matches(self, left: Any) -> bool:
        op, right, v = self._op.lower(), self.bound.get("Value"), self._values
        if not op:
            return bool(left) and left != 0
        if op in ("eq", "ceq"):
            return v.equals(left, right) if op == "eq" else v.text(left) == v.text(right)
        if op in ("ne", "cne"):
            return not v.equals(left, right)
        if op in ("like", "notlike", "clike"):
            hit = bool(PSValue.wildcard(v.text(right)).match(v.text(left)))
            return hit != (op == "notlike")
        if op in ("match", "notmatch", "cmatch"):
            flags = 0 if op == "cmatch" else re.IGNORECASE
            hit = re.search(v.text(right), v.text(left), flags) is not None
            return hit != (op == "notmatch")
        if op in ("contains", "notcontains"):
            items = left if isinstance(left, (list, PSList)) else [left]
            return any(v.equals(i, right) for i in items) != (op == "notcontains")
        if op in ("in", "notin"):
            items = right if isinstance(right, (list, PSList)) else [right]
            return any(v.equals(left, i) for i in items) != (op == "notin")
        order = (v.sort_key(left), v.sort_key(v.coerce(left, right)))
        return {"gt": order[0] > order[1], "ge": order[0] >= order[1],
                "lt": order[0] < order[1], "le": order[0] <= order[1]}[op]


class SortObject(Cmdlet):
    """Sort-Object [[-Property] <object[]>] [-Descending] [-Unique] (stable)."""

    spec = CmdletSpec("Sort-Object", _UTILITY + "SortObjectCommand", (
        P("Property", "object", position=0), P("Descending", "switch"), P("Unique", "switch"),
        P("CaseSensitive", "switch"), _INPUT))

    def begin(self) -> Iterable[Any]:
        self._items: list[Any] = []
        return super().begin()

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if "InputObject" in bound:
            self._items.append(bound.get("InputObject"))
        return []

    def end(self) -> Iterable[Any]:
        values = PSValue(self.host.locale)
        raw = self.bound.get("Property")
        names = [str(n) for n in (raw if isinstance(raw, (list, PSList)) else ([] if raw is None else [raw]))]

        def key(item: Any) -> tuple[Any, ...]:
            if not names:
                return (values.sort_key(item),)
            return tuple(values.sort_key(PSValue.get(item, n)[1]) for n in names)

        items = sorted(self._items, key=key, reverse=self.bound.switch("Descending"))
        if self.bound.switch("Unique"):
            unique, keys = [], set()
            for item in items:
                if key(item) not in keys:
                    keys.add(key(item))
                    unique.append(item)
            items = unique
        return items


class MeasureObject(Cmdlet):
    """Measure-Object [[-Property] <string[]>] [-Sum] [-Average] [-Maximum] [-Minimum]."""

    spec = CmdletSpec("Measure-Object", _UTILITY + "MeasureObjectCommand", (
        P("Property", position=0), P("Sum", "switch"), P("Average", "switch"),
        P("Maximum", "switch"), P("Minimum", "switch"), _INPUT))

    def begin(self) -> Iterable[Any]:
        self._items: list[Any] = []
        return super().begin()

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if "InputObject" in bound:
            self._items.append(bound.get("InputObject"))
        return []

    def end(self) -> Iterable[Any]:
        names = [str(n) for n in self.bound.get("Property", [])]
        if not names:
            return [self._measure(None, list(self._items))]
        results = []
        for name in names:
            values = [PSValue.get(i, name) for i in self._items]
            present = [v for found, v in values if found and v is not None]
            if not present and self._items:
                self.write_error(SimError(
                    message=f'The property "{name}" cannot be found in the input for any objects.',
                    fully_qualified_error_id="GenericMeasurePropertyNotFound,"
                                             "Microsoft.PowerShell.Commands.MeasureObjectCommand",
                    category="InvalidArgument", target_name=name,
                    exception_types=("System.Management.Automation.PSArgumentException",
                                     "System.ArgumentException", "System.SystemException",
                                     "System.Exception", "System.Object"),
                    command_name="Measure-Object"))
                continue
            results.append(self._measure(name, present))
        return results

    def _measure(self, name: str | None, values: list[Any]) -> PSObject:
        numbers = [float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        want = self.bound.switch
        total = sum(numbers)
        obj = SimPSObject()
        obj.PSObject.type_names = ["Microsoft.PowerShell.Commands.GenericMeasureInfo",
                                   "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object"]
        obj.PSObject.to_string = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
        average = PSDouble(total / len(numbers)) if want("Average") and numbers else None
        maximum = PSDouble(max(numbers)) if want("Maximum") and numbers else None
        minimum = PSDouble(min(numbers)) if want("Minimum") and numbers else None
        for key, value in (("Count", PSInt(len(values))), ("Average", average),
                           ("Sum", PSDouble(total) if want("Sum") else None),
                           ("Maximum", maximum), ("Minimum", minimum), ("Property", name)):
            add_property(obj, key, value, extended=False)
        return obj


CMDLETS = [SelectObject, WhereObject, SortObject, MeasureObject]
