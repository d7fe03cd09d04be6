"""Runs one pipeline's ``PipelineRunner`` on a thread of its own (a new or a reused one)."""

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
from hvmanager.simulator.psrp.runner_threads import RunnerThreads

log = logging.getLogger(__name__)


class PipelineStoppedError(Exception):
    """Raised inside ``emit_*`` once the pipeline is stopping, as WriteObject does in PowerShell."""


@dataclass(frozen=True)
class PipelineOutcome:
    """How a runner ended: ``error`` is set for a terminating error (the pipeline ends Failed)."""

    stopped: bool = False
    error: SimError | None = None


class _Cancel(threading.Event):
    """The runner's cancel event; ``before_wait`` runs each time the runner waits on it
    (its only way to block), so what it wrote so far is sent before it sleeps."""

    def __init__(self, before_wait: Callable[[], None]) -> None:
        super().__init__()
        self._before_wait = before_wait

    def wait(self, timeout: float | None = None) -> bool:
        self._before_wait()
        return super().wait(timeout)


class PipelineWorker:
    """Owns the cancel event, the input and the run of one pipeline.

    The run goes to ``threads`` (a host's ``RunnerThreads``) or, without one, to a thread
    of its own. ``before_wait`` (optional) runs on the runner's thread whenever the runner
    waits on ``cancel``.
    """

    def __init__(
        self,
        runner: PipelineRunner,
        commands: list[CommandInvocation],
        emit_output: Callable[[Any], None],
        emit_error: Callable[[SimError], None],
        finished: Callable[[PipelineOutcome], None],
        name: str = "pipeline",
        threads: RunnerThreads | None = None,
        before_wait: Callable[[], None] | None = None,
    ) -> None:
        self.cancel: threading.Event = _Cancel(before_wait) if before_wait is not None else threading.Event()
        self.commands = commands
        self.input_objects: list[Any] = []
        self._runner = runner
        self._emit_output = emit_output
        self._emit_error = emit_error
        self._finished = finished
        self._name = name
        self._threads = threads
        self._started = False
        self._done = threading.Event()

    @property
    def started(self) -> bool:
        """True once the run was started."""
        return self._started

    def start(self) -> None:
        """Start the run (once)."""
        if self._started:
            return
        self._started = True
        if self._threads is not None:
            self._threads.run(self._run)
        else:
            threading.Thread(target=self._run, name=self._name, daemon=True).start()

    def join(self, timeout: float) -> bool:
        """Wait for the runner to return; True when it did within ``timeout``."""
        if not self._started:
            return True
        return self._done.wait(timeout)

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
        try:
            self._finished(outcome)
        finally:
            self._done.set()
