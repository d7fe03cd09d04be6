"""The contract between the simulator's protocol side and its Hyper-V engine.

The protocol side (WinRM endpoint, stdio mode) decodes PSRP and calls a
``PipelineRunner`` on a worker thread; the engine side runs cmdlets against the
simulated host and emits psrpcore objects and ``SimError``s. Neither side imports
the other's modules beyond this file.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol


@dataclass(frozen=True)
class CommandInvocation:
    """One command of an incoming pipeline, as psrpcore decoded it.

    ``parameters`` keeps the wire order; a ``None`` name is a positional argument.
    ``is_script`` is True for ``AddScript`` pipelines (the engine refuses them).
    """

    name: str
    parameters: tuple[tuple[str | None, Any], ...] = ()
    is_script: bool = False


@dataclass(frozen=True)
class SimError:
    """An error record as a real host would write it.

    ``category`` is a psrpcore ``ErrorCategory`` member name (``InvalidOperation``,
    ``ObjectNotFound``, ...); ``exception_types`` is the .NET exception type-name chain,
    most derived first; ``target_object`` is any serialisable value.
    """

    message: str
    fully_qualified_error_id: str
    category: str = "NotSpecified"
    reason: str = ""
    target_name: str = ""
    target_object: Any = None
    exception_types: tuple[str, ...] = field(
        default=("System.Management.Automation.RuntimeException", "System.SystemException",
                 "System.Exception", "System.Object"))
    command_name: str = ""


class TerminatingError(Exception):
    """Raised by a runner when the whole pipeline fails (the pipeline ends Failed)."""

    def __init__(self, error: SimError) -> None:
        super().__init__(error.message)
        self.error = error


class PipelineRunner(Protocol):
    """Runs one pipeline for one host; called on a worker thread, may block."""

    def run(
        self,
        commands: list[CommandInvocation],
        input_objects: list[Any],
        cancel: threading.Event,
        emit_output: Callable[[Any], None],
        emit_error: Callable[[SimError], None],
    ) -> None:
        """Run ``commands`` as one pipeline. Check ``cancel`` often (ctrl_c / Terminate)."""
