"""Runs one pipeline's ``PipelineRunner`` on its own thread."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any, Callable

from hvmanager.simulator.engine_api import (
    CommandInvocation,
    PipelineRunner,
    SimError,
    TerminatingError,
)

log = logging.getLogger(__name__)


class PipelineStoppedError(Exception):
    """Raised inside ``emit_*`` once the pipeline is stopping, as WriteObject does in PowerShell."""


@dataclass(frozen=True)
class PipelineOutcome:
    """How a runner ended: ``error`` is set for a terminating error (the pipeline ends Failed)."""

    stopped: bool = False
    error: SimError | None = None


class PipelineWorker:
    """Owns the thread, the cancel event and the input of one running pipeline."""

    def __init__(
        self,
        runner: PipelineRunner,
        commands: list[CommandInvocation],
        emit_output: Callable[[Any], None],
        emit_error: Callable[[SimError], None],
        finished: Callable[[PipelineOutcome], None],
        name: str = "pipeline",
    ) -> None:
        self.cancel = threading.Event()
        self.commands = commands
        self.input_objects: list[Any] = []
        self._runner = runner
        self._emit_output = emit_output
        self._emit_error = emit_error
        self._finished = finished
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    @property
    def started(self) -> bool:
        """True once the runner thread was started."""
        return self._thread.ident is not None

    def start(self) -> None:
        """Start the runner thread (once)."""
        if not self.started:
            self._thread.start()

    def join(self, timeout: float) -> bool:
        """Wait for the runner to return; True when it did within ``timeout``."""
        if not self.started:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _output(self, value: Any) -> None:
        if self.cancel.is_set():
            raise PipelineStoppedError
        self._emit_output(value)

    def _error(self, error: SimError) -> None:
        if self.cancel.is_set():
            raise PipelineStoppedError
        self._emit_error(error)

    def _run(self) -> None:
        outcome = PipelineOutcome()
        try:
            self._runner.run(self.commands, list(self.input_objects), self.cancel, self._output, self._error)
        except PipelineStoppedError:
            outcome = PipelineOutcome(stopped=True)
        except TerminatingError as exc:
            outcome = PipelineOutcome(error=exc.error)
        except Exception as exc:  # a runner bug must still end the pipeline, never hang the client
            log.exception("pipeline runner crashed")
            outcome = PipelineOutcome(error=SimError(
                message=f"The simulated host failed to run the pipeline: {exc}",
                fully_qualified_error_id="SimulatorInternalError",
                category="NotSpecified",
            ))
        if self.cancel.is_set():
            outcome = PipelineOutcome(stopped=True)
        self._finished(outcome)
