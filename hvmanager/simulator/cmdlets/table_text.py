"""Out-String's text: the default table (or list) view of objects, roughly as 5.1 prints it."""

from __future__ import annotations

import enum
from typing import Any

from psrpcore.types import PSList, PSObject

from hvmanager.simulator.cmdlets.ps_value import PSValue

_MB = 1024 * 1024
#: Default table views (from the formatting data of the Hyper-V module and 5.1).
_VIEWS: dict[str, list[tuple[str, str]]] = {
    "Microsoft.HyperV.PowerShell.VirtualMachine": [
        ("Name", "Name"), ("State", "State"), ("CPUUsage(%)", "CPUUsage"),
        ("MemoryAssigned(M)", "MemoryAssigned"), ("Uptime", "Uptime"), ("Status", "Status"),
        ("Version", "Version")],
    "System.ServiceProcess.ServiceController": [
        ("Status", "Status"), ("Name", "Name"), ("DisplayName", "DisplayName")],
    "Microsoft.HyperV.PowerShell.VMIntegrationComponent": [
        ("VMName", "VMName"), ("Name", "Name"), ("Enabled", "Enabled"),
        ("PrimaryStatusDescription", "PrimaryStatusDescription"),
        ("SecondaryStatusDescription", "SecondaryStatusDescription")],
}


class TableText:
    """Formats a batch of objects the way the default formatter would."""

    def __init__(self, values: PSValue, width: int = 120) -> None:
        self._values = values
        self._width = width

    def format(self, items: list[Any]) -> str:
        """The text Out-String returns for ``items``."""
        blocks, group = [], []
        for item in items:
            if group and _kind(item) != _kind(group[0]):
                blocks.append(self._block(group))
                group = []
            group.append(item)
        if group:
            blocks.append(self._block(group))
        return "".join(blocks)

    def _block(self, items: list[Any]) -> str:
        first = items[0]
        if not isinstance(first, PSObject) or isinstance(first, enum.Enum):
            return "".join(self._values.text(i) + "\r\n" for i in items)
        view = _VIEWS.get(first.PSObject.type_names[0] if first.PSObject.type_names else "")
        if view is not None:
            return self._table(items, view, align_numbers=False)  # format data: all left
        names = PSValue.property_names(first)
        if len(names) > 4:
            return self._list(items, names)
        return self._table(items, [(n, n) for n in names], align_numbers=True)

    def _cell(self, item: Any, prop: str, header: str) -> str:
        value = PSValue.get(item, prop)[1]
        if header.endswith("(M)") and isinstance(value, int):
            return str(value // _MB)
        if isinstance(value, (list, PSList)):
            # The formatter shows a collection as {a, b, c}.
            return "{" + ", ".join(self._values.text(v) for v in value) + "}"
        text = self._values.text(value)
        return text.replace("\r", " ").replace("\n", " ")

    def _table(self, items: list[Any], view: list[tuple[str, str]], align_numbers: bool) -> str:
        rows = [[self._cell(i, prop, header) for header, prop in view] for i in items]
        widths = [max([len(h)] + [len(r[c]) for r in rows]) for c, (h, _) in enumerate(view)]
        # Automatic tables right-align numeric columns; views from format data do not here.
        numeric = [align_numbers and all(r[c].replace(".", "").isdigit() for r in rows if r[c])
                   and any(r[c] for r in rows) for c in range(len(view))]

        def line(cells: list[str]) -> str:
            parts = [cell.rjust(w) if num else cell.ljust(w)
                     for cell, w, num in zip(cells, widths, numeric)]
            return " ".join(parts).rstrip()[: self._width]

        out = ["", line([h for h, _ in view]), line(["-" * len(h) for h, _ in view])]
        out += [line(r) for r in rows]
        return "\r\n".join(out) + "\r\n\r\n\r\n"

    def _list(self, items: list[Any], names: list[str]) -> str:
        width = max(len(n) for n in names)
        out = [""]
        for item in items:
            out.append("")
            out += [f"{n.ljust(width)} : {self._cell(item, n, n)}" for n in names]
        return "\r\n".join(out) + "\r\n\r\n\r\n"


def _kind(item: Any) -> str:
    if isinstance(item, PSObject) and item.PSObject.type_names:
        return item.PSObject.type_names[0]
    return type(item).__name__
