"""A neutral view of one PowerShell error record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ErrorInfo:
    """One record of the error stream (or the reason a pipeline failed).

    ``fully_qualified_error_id`` is what errors are classified by, e.g.
    ``InvalidState,Microsoft.HyperV.PowerShell.Commands.StartVM``. ``target_object`` is the
    record's TargetObject as a neutral value (a ``Record`` for objects such as the
    VirtualMachine a Hyper-V cmdlet failed on, a primitive, or None): it tells which input
    of a pipeline the error belongs to. It takes no part in equality or hashing.
    """

    message: str
    fully_qualified_error_id: str = ""
    category: str = ""
    reason: str = ""
    target_name: str = ""
    exception_type: str = ""
    target_object: Any = field(default=None, compare=False, repr=False)

    @property
    def error_kind(self) -> str:
        """The part of the id before the first comma (``InvalidState``)."""
        return self.fully_qualified_error_id.split(",", 1)[0]
