"""Runs one structured pipeline against a ``SimHost``: the ``PipelineRunner`` of the simulator."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet, CmdletContext, PipelineStopped
from hvmanager.simulator.cmdlets.cmdlet_registry import CmdletRegistry
from hvmanager.simulator.cmdlets.error_factory import ErrorFactory
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters, ParameterBinder
from hvmanager.simulator.engine_api import CommandInvocation, SimError, TerminatingError
from hvmanager.simulator.hyperv.number_cache import NumberCache
from hvmanager.simulator.hyperv.sim_host import SimHost

_PARSE_EXCEPTION = ("System.Management.Automation.ParseException",
                    "System.Management.Automation.RuntimeException", "System.SystemException",
                    "System.Exception", "System.Object")
_NOT_FOUND = ("System.Management.Automation.CommandNotFoundException",
              "System.Management.Automation.RuntimeException", "System.SystemException",
              "System.Exception", "System.Object")


@dataclass
class _Stage:
    cmdlet: Cmdlet
    binder: ParameterBinder
    bound: BoundParameters


class CommandEngine:
    """Implements ``PipelineRunner`` for one host; one instance serves many pipelines."""

    def __init__(self, host: SimHost, registry: CmdletRegistry | None = None,
                 numbers: NumberCache | None = None) -> None:
        self.host = host
        self._registry = registry or CmdletRegistry.default()
        # The psrpcore numbers this engine hands out (a lab's hosts share one cache).
        self._numbers = numbers or NumberCache()

    def run(
        self,
        commands: list[CommandInvocation],
        input_objects: list[Any],
        cancel: threading.Event,
        emit_output: Callable[[Any], None],
        emit_error: Callable[[SimError], None],
    ) -> None:
        """Run ``commands`` as one pipeline; per-object errors go to ``emit_error``."""
        if any(command.is_script for command in commands):
            raise TerminatingError(_scripts_refused())
        context = CmdletContext(self.host, cancel, emit_error, self._numbers)
        stages = [self._prepare(command, context) for command in commands]
        self._check_mandatory(stages[0], has_input=bool(input_objects))
        try:
            self._drive(stages, input_objects, emit_output)
        except PipelineStopped:
            return

    def _prepare(self, command: CommandInvocation, context: CmdletContext) -> _Stage:
        cmdlet_class = self._registry.find(command.name)
        if cmdlet_class is None:
            raise TerminatingError(_command_not_found(command.name))
        spec = cmdlet_class.spec
        binder = ParameterBinder(spec, ErrorFactory(spec.name, spec.class_name))
        bound = binder.bind(command)
        missing = [name for name in spec.mandatory if name not in bound]
        if missing:
            raise TerminatingError(ErrorFactory(spec.name, spec.class_name).missing_mandatory(missing))
        return _Stage(cmdlet_class(context, bound), binder, bound)

    @staticmethod
    def _check_mandatory(stage: _Stage, has_input: bool) -> None:
        required = stage.cmdlet.spec.required_one_of
        if required and not has_input and not any(name in stage.bound for name in required):
            raise TerminatingError(stage.cmdlet.errors.missing_mandatory([required[0]]))

    def _drive(self, stages: list[_Stage], input_objects: list[Any],
               emit_output: Callable[[Any], None]) -> None:
        flow = _Flow(stages, emit_output)
        push = flow.push
        for index, stage in enumerate(stages):
            for out in stage.cmdlet.begin():
                push(index + 1, out)
        if input_objects:
            for value in input_objects:
                push(0, value)
        else:
            for out in stages[0].cmdlet.process(stages[0].bound):
                push(1, out)
        for index, stage in enumerate(stages):
            for out in stage.cmdlet.end():
                push(index + 1, out)


class _Flow:
    """Passes each object on to the next stage. A method, not a closure that calls itself:
    that was a cycle holding every stage, cmdlet and builder of the pipeline, which only the
    garbage collector freed."""

    __slots__ = ("_stages", "_emit_output", "_check_cancel", "_last")

    def __init__(self, stages: list[_Stage], emit_output: Callable[[Any], None]) -> None:
        # Every object of a refresh passes here once per stage: look-ups made once.
        self._stages = stages
        self._emit_output = emit_output
        self._check_cancel = stages[0].cmdlet.context.check_cancel
        self._last = len(stages)

    def push(self, index: int, value: Any) -> None:
        """Give ``value`` to stage ``index`` (or to the output after the last)."""
        self._check_cancel()
        if index == self._last:
            self._emit_output(value)
            return
        stage = self._stages[index]
        bound = stage.binder.bind_pipeline(value, stage.bound)
        required = stage.cmdlet.spec.required_one_of
        if bound is None or (required and not any(n in bound for n in required)):
            stage.cmdlet.write_error(stage.cmdlet.errors.input_not_bound(value))
            return
        for out in stage.cmdlet.process(bound):
            self.push(index + 1, out)


def _scripts_refused() -> SimError:
    """What a no-language endpoint answers to AddScript."""
    return SimError(
        message=("The syntax is not supported by this runspace. This can occur if the runspace "
                 "is in no-language mode."),
        fully_qualified_error_id="ScriptsNotAllowed", category="ParserError",
        exception_types=_PARSE_EXCEPTION)


def _command_not_found(name: str) -> SimError:
    """PowerShell's CommandNotFoundException for an unknown command name."""
    return SimError(
        message=(f"The term '{name}' is not recognized as the name of a cmdlet, function, script "
                 "file, or operable program. Check the spelling of the name, or if a path was "
                 "included, verify that the path is correct and try again."),
        fully_qualified_error_id="CommandNotFoundException", category="ObjectNotFound",
        target_name=name, target_object=name, exception_types=_NOT_FOUND)
