"""ConvertTo-Json, ConvertTo-Csv, Out-String."""

from __future__ import annotations

import re
from typing import Any, Iterable

from psrpcore.types import PSList, PSObject

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.json_text import JsonText
from hvmanager.simulator.cmdlets.selection_plan import pending_facts, type_name_of
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.cmdlets.table_text import TableText

_UTILITY = "Microsoft.PowerShell.Commands."
_INPUT = P("InputObject", "object", position=0, pipeline="value", many=False)


class CollectingCmdlet(Cmdlet):
    """A cmdlet that gathers its whole input before writing anything."""

    def begin(self) -> Iterable[Any]:
        self.items: list[Any] = []
        return super().begin()

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if "InputObject" in bound:
            value = bound.get("InputObject")
            # -InputObject @(a, b) given by name is one array; from the pipeline, one item each.
            self.items.append(value)
        return []


class ConvertToJson(CollectingCmdlet):
    """ConvertTo-Json [-Depth n] [-Compress]: one string for all input (an array if several)."""

    spec = CmdletSpec("ConvertTo-Json", _UTILITY + "ConvertToJsonCommand", (
        _INPUT, P("Depth", "int", many=False), P("Compress", "switch")))

    def end(self) -> Iterable[Any]:
        if not self.items:
            return []
        text = JsonText(self.context.values, int(self.bound.get("Depth", 2)), self.bound.switch("Compress"))
        value = self.items[0] if len(self.items) == 1 else PSList(self.items)
        return [text.convert(value)]


class ConvertToCsv(Cmdlet):
    """ConvertTo-Csv [-NoTypeInformation] [-Delimiter c] [-UseCulture]: one string per line."""

    spec = CmdletSpec("ConvertTo-Csv", _UTILITY + "ConvertToCsvCommand", (
        _INPUT, P("NoTypeInformation", "switch", aliases=("NTI",)),
        P("Delimiter", many=False, position=1), P("UseCulture", "switch")))

    def begin(self) -> Iterable[Any]:
        self._header: list[str] | None = None
        # The header's readers per PropertyTable, for unfilled lazy objects (Select-Object's).
        self._readers: dict[Any, list[Any]] = {}
        # A cell's text conversion per Python type of its value, chosen once.
        self._converters: dict[type, Any] = {}
        separator = self._delimiter()
        self._between = '"' + separator + '"'
        return super().begin()

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if "InputObject" not in bound:
            return []
        value = bound.get("InputObject")
        out = []
        if self._header is None:
            self._header = PSValue.property_names(value) if isinstance(value, PSObject) else ["Length"]
            if not self.bound.switch("NoTypeInformation"):
                out.append("#TYPE " + type_name_of(value))
            out.append(self._line(self._header))
        lazy = pending_facts(value)
        if lazy is None:
            cells = [self._cell(value, name) for name in self._header]
        else:
            table, facts = lazy
            readers = self._readers.get(table)
            if readers is None:
                readers = self._readers[table] = [table.reader(name, deep=False) for name in self._header]
            text = self._text
            cells = [text(None if read is None else read(facts)) for read in readers]
        out.append(self._line(cells))
        return out

    def _delimiter(self) -> str:
        if "Delimiter" in self.bound:
            return str(self.bound.get("Delimiter"))[:1]
        if self.bound.switch("UseCulture"):
            return ";" if self.context.values.german else ","
        return ","

    def _line(self, cells: list[str]) -> str:
        if not cells:
            return ""
        return '"' + self._between.join([c.replace('"', '""') for c in cells]) + '"'

    def _cell(self, value: Any, name: str) -> str:
        if not isinstance(value, PSObject):
            return str(len(value)) if isinstance(value, str) and name == "Length" else ""
        return self._text(PSValue.get(value, name)[1])

    def _text(self, prop: Any) -> str:
        kind = type(prop)
        convert = self._converters.get(kind)
        if convert is None:
            convert = self._converters[kind] = self._converter(kind)
        return convert(prop)

    def _converter(self, kind: type) -> Any:
        values = self.context.values
        # issubclass of the type: isinstance() on psrpcore's numbers walks their properties.
        if not issubclass(kind, PSList):
            return values.converter(kind)

        def collection(prop: Any) -> str:
            if prop.PSObject.type_names:
                return _collection_to_string(prop.PSObject.type_names[0])
            return values.text(prop)
        return collection


def _collection_to_string(type_name: str) -> str:
    """A .NET collection's ToString: its type name, generic arguments without assemblies."""
    return re.sub(r"\[\[([^,\]]+)[^\]]*\]\]", r"[\1]", type_name)


class OutString(CollectingCmdlet):
    """Out-String [-Width n] [-Stream]: the formatted text of all input as one string."""

    spec = CmdletSpec("Out-String", _UTILITY + "OutStringCommand", (
        P("InputObject", "object", pipeline="value", many=False), P("Width", "int", many=False),
        P("Stream", "switch")))

    def end(self) -> Iterable[Any]:
        text = TableText(self.context.values, int(self.bound.get("Width", 120))).format(self.items)
        if self.bound.switch("Stream"):
            return text.split("\r\n")
        return [text]


CMDLETS = [ConvertToJson, ConvertToCsv, OutString]
