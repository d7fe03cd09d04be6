"""Helpers for the cmdlet tests that go through the unmodified pypsrp client."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pypsrp.powershell import PowerShell, RunspacePool


@dataclass
class WireResult:
    """What pypsrp reports for one pipeline."""

    output: list[Any]
    errors: list[Any]
    had_errors: bool
    state: int

    @property
    def error_ids(self) -> list[str]:
        """The FullyQualifiedErrorIds of the error stream."""
        return [e.fq_error for e in self.errors]

    def message(self, index: int = 0) -> str:
        """The exception message of one error record."""
        return self.errors[index].exception.adapted_properties["Message"]


def invoke(pool: RunspacePool, *commands: tuple[str, Any], inputs: list[Any] | None = None) -> WireResult:
    """Run ``("Get-VM", {"Name": "x"})``-style commands; a list value of (None, v) adds arguments."""
    ps = PowerShell(pool)
    for name, parameters in commands:
        ps.add_cmdlet(name)
        if isinstance(parameters, dict):
            for key, value in parameters.items():
                if value is None:
                    ps.add_parameter(key)
                else:
                    ps.add_parameter(key, value)
        else:
            for value in parameters:
                ps.add_argument(value)
    ps.invoke(input=inputs)
    return WireResult(list(ps.output), list(ps.streams.error), ps.had_errors, ps.state)


def props(obj: Any) -> dict[str, Any]:
    """Adapted and extended properties of one deserialised object."""
    return {**obj.adapted_properties, **obj.extended_properties}
