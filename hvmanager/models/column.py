"""One VM table column, as data (Picard's column registry is the model)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Hashable, Union

from PySide6.QtCore import QCoreApplication, Qt

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.hyperv.vm_property import VmProperty

#: What a sort key may be: primitives that compare in Python and as QVariants in C++.
SortValue = Union[int, float, str, None]

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """A VM column: what it shows, how it sorts, and which Hyper-V property it needs.

    ``title`` is the English source text, translated in ``context`` at display time
    (:meth:`display_title`); the registry marks titles with ``QT_TRANSLATE_NOOP`` so
    lupdate extracts them. ``vm_property`` is what the refresh must select (None for
    columns that need no property, such as Host). ``text`` formats a VM for display;
    ``sort_key`` returns a primitive (bytes, seconds, numbers, a state rank, casefolded
    text) or None, which sorts last in both directions. ``shows_host`` marks the Host
    column, whose text is the server's title, which only the table model knows.
    ``text_key`` (optional) returns what the text depends on, so texts of equal values
    are formatted once when many rows are formatted together (state, memory, version).
    """

    key: str
    title: str
    vm_property: VmProperty | None
    text: Callable[[VirtualMachine], str]
    sort_key: Callable[[VirtualMachine], SortValue]
    alignment: Qt.AlignmentFlag = LEFT
    visible_by_default: bool = False
    default_width: int = 100
    context: str = "Columns"
    shows_host: bool = False
    text_key: Callable[[VirtualMachine], Hashable] | None = None

    def display_title(self) -> str:
        """The title in the current language."""
        return QCoreApplication.translate(self.context, self.title)

    def header_tooltip(self) -> str:
        """The translated title plus the PowerShell property behind it (it teaches Get-VM)."""
        if self.vm_property is None:
            return self.display_title()
        return f"{self.display_title()} ({self.vm_property.powershell_name})"
