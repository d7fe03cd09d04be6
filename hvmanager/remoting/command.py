"""One command of a pipeline: a cmdlet name and its parameters, never script text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Command:
    """A cmdlet invocation as structured data.

    ``parameters`` keeps order: ``(("Id", uuid), ("TurnOff", True))``. A value of ``True``
    for a switch parameter means the switch is present. Values are plain Python values
    (str, int, bool, float, uuid.UUID, datetime, lists of those); they go on the wire as
    typed PSRP values, so nothing is ever interpolated into PowerShell text.
    """

    name: str
    parameters: tuple[tuple[str, Any], ...] = ()

    def with_parameter(self, name: str, value: Any = True) -> "Command":
        """Return a copy with one more parameter."""
        return Command(self.name, self.parameters + ((name, value),))

    def parameter(self, name: str, default: Any = None) -> Any:
        """Return the value of the named parameter (case-insensitive)."""
        for key, value in self.parameters:
            if key.lower() == name.lower():
                return value
        return default
