"""Binds an invocation's arguments and pipeline objects to a cmdlet's parameters.

Follows PowerShell's rules where they show on the wire: names are case-insensitive and may
be shortened to an unambiguous prefix (aliases count), switches take no value, positional
arguments go to the lowest free position whose type fits, parameter sets must agree, and
pipeline objects bind by value first, then by property name, first without and then with
type conversion (so a non-VM object coerces to a string ``-Name``, as in PowerShell).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from psrpcore.types import PSList, PSObject

from hvmanager.simulator.cmdlets.error_factory import ErrorFactory
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec, ParameterSpec
from hvmanager.simulator.cmdlets.ps_value import PSValue, instance_attribute
from hvmanager.simulator.engine_api import CommandInvocation, SimError, TerminatingError

_TYPE_NAMES = {"string": "System.String[]", "vm": "Microsoft.HyperV.PowerShell.VirtualMachine[]",
               "int": "System.Int32", "guid": "System.Guid", "object": "System.Object"}


@dataclass
class BoundParameters:
    """The values bound so far, by canonical parameter name, and the chosen parameter set."""

    values: dict[str, Any] = field(default_factory=dict)
    parameter_set: str = ""

    def get(self, name: str, default: Any = None) -> Any:
        """The bound value, or ``default``."""
        return self.values.get(name, default)

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def switch(self, name: str) -> bool:
        """True when the switch is present (and not ``-Switch:$false``)."""
        return bool(self.values.get(name, False))


def reference(value: Any) -> tuple[Any, ...] | None:
    """The model reference a simulator-built object carries (``("vm", id)``...)."""
    if isinstance(value, PSObject):
        return instance_attribute(value, "sim_reference")
    return None


def accepts(param: ParameterSpec, value: Any, coerce: bool) -> bool:
    """Whether ``value`` fits ``param``'s type (with PowerShell's conversions if ``coerce``)."""
    ref = reference(value)
    kind = param.kind
    if kind in ("vm", "ic", "service", "snapshot"):
        return ref is not None and ref[0] == kind
    if kind == "object":
        return True
    if kind == "string":
        return isinstance(value, str) or coerce
    if kind == "guid":
        return isinstance(value, uuid.UUID) or (coerce and _is_guid_text(value))
    if kind == "int":
        return isinstance(value, int) or coerce
    return coerce


class ParameterBinder:
    """Binds for one cmdlet spec; errors come from the cmdlet's ``ErrorFactory``."""

    def __init__(self, spec: CmdletSpec, errors: ErrorFactory) -> None:
        self._spec = spec
        self._errors = errors
        self._params = spec.all_parameters()
        # The pipeline parameters left free by one command line (a stage binds every object
        # of its input on top of the same one): (that BoundParameters, its free parameters).
        self._free: tuple[BoundParameters | None, list[ParameterSpec], ParameterSpec | None] = (None, [], None)

    def resolve_name(self, name: str) -> ParameterSpec:
        """The parameter a (possibly shortened) name means, or a terminating error."""
        lowered = name.lower()
        for param in self._params:
            if any(n.lower() == lowered for n in param.names()):
                return param
        matches = [p for p in self._params if any(n.lower().startswith(lowered) for n in p.names())]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise TerminatingError(self._errors.named_parameter_not_found(name))
        raise TerminatingError(self._errors.ambiguous_parameter(name, [m.name for m in matches]))

    def bind(self, invocation: CommandInvocation) -> BoundParameters:
        """Bind the command-line arguments (terminating errors, as PowerShell's binder)."""
        bound = BoundParameters()
        positional: list[Any] = []
        for name, value in invocation.parameters:
            if name is None:
                positional.append(value)
                continue
            param = self.resolve_name(name.lstrip("-"))
            if param.is_switch:
                bound.values[param.name] = True if value is None else bool(value)
            elif value is None and param.kind not in ("object",):
                raise TerminatingError(self._validation_null(param))
            else:
                bound.values[param.name] = _normalise(param, self._convert(param, value))
        last_position = -1
        for value in positional:
            param = self._positional_for(value, bound, last_position)
            last_position = param.position if param.position is not None else last_position
            bound.values[param.name] = _normalise(param, self._convert(param, value))
        bound.parameter_set = self._parameter_set(bound)
        return bound

    def _convert(self, param: ParameterSpec, value: Any) -> Any:
        """Convert an argument to an Int32 or Guid parameter's type, or fail as the binder does."""
        if param.kind not in ("int", "guid"):
            return value
        values = list(value) if isinstance(value, (PSList, list, tuple)) else [value]
        converted = []
        for item in values:
            try:
                if param.kind == "int":
                    converted.append(item if isinstance(item, int) else int(str(item)))
                else:
                    converted.append(item if isinstance(item, uuid.UUID) else uuid.UUID(str(item)))
            except ValueError:
                detail = ("Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."
                          if param.kind == "guid" else "Input string was not in a correct format.")
                raise TerminatingError(self._errors.bad_argument(
                    param.name, PSValue().text(item), "System.Guid" if param.kind == "guid"
                    else "System.Int32", detail)) from None
        return converted if isinstance(value, (PSList, list, tuple)) else converted[0]

    def _validation_null(self, param: ParameterSpec) -> SimError:
        errors = self._errors
        return SimError(
            message=(f"Cannot validate argument on parameter '{param.name}'. The argument is null "
                     "or empty. Provide an argument that is not null or empty, and then try the "
                     "command again."),
            fully_qualified_error_id=f"ParameterArgumentValidationError,{errors.class_name}",
            category="InvalidData",
            exception_types=("System.Management.Automation.ParameterBindingValidationException",
                             "System.Management.Automation.ParameterBindingException",
                             "System.Management.Automation.RuntimeException",
                             "System.SystemException", "System.Exception", "System.Object"),
            command_name=errors.command_name)

    def _positional_for(self, value: Any, bound: BoundParameters, after: int) -> ParameterSpec:
        # Positions only move forward: -Name and -VM share position 0 in different sets.
        sets = self._bound_sets(bound)
        free = sorted((p for p in self._params if p.position is not None and p.position > after
                       and p.name not in bound and not (sets and p.sets and not sets & p.sets)),
                      key=lambda p: p.position or 0)
        if not free:
            raise TerminatingError(self._errors.positional_not_found(PSValue().text(value)))
        lowest = free[0].position
        candidates = [p for p in free if p.position == lowest]
        for coerce in (False, True):
            for param in candidates:
                if accepts(param, value, coerce):
                    return param
        raise TerminatingError(self._errors.positional_not_found(PSValue().text(value)))

    def _bound_sets(self, bound: BoundParameters) -> set[str] | None:
        sets: set[str] | None = None
        for name in bound.values:
            param = self._spec.parameter(name)
            if param is not None and param.sets:
                sets = set(param.sets) if sets is None else sets & param.sets
        return sets

    def _parameter_set(self, bound: BoundParameters) -> str:
        sets = self._bound_sets(bound)
        if sets is None:
            return self._spec.default_set
        if not sets:
            raise TerminatingError(self._errors.ambiguous_set())
        return self._spec.default_set if self._spec.default_set in sets else sorted(sets)[0]

    def bind_pipeline(self, value: Any, bound: BoundParameters) -> BoundParameters | None:
        """Bind one pipeline object on top of the command line; None when nothing takes it."""
        cached, pipeline_params, by_any_value = self._free
        if cached is not bound:
            pipeline_params = [p for p in self._spec.parameters if p.pipeline and p.name not in bound]
            # The first parameter that takes the object by value, when it takes any object
            # (InputObject): it gets every object, as the loop below would find.
            by_value = [p for p in pipeline_params if p.pipeline in ("value", "both")]
            by_any_value = by_value[0] if by_value and by_value[0].kind == "object" else None
            self._free = (bound, pipeline_params, by_any_value)
        if by_any_value is not None:
            return self._with(bound, by_any_value, value)
        for coerce in (False, True):
            for param in pipeline_params:
                if param.pipeline in ("value", "both") and accepts(param, value, coerce):
                    return self._with(bound, param, value)
            by_name: dict[str, Any] = {}
            for param in pipeline_params:
                if param.pipeline not in ("property", "both"):
                    continue
                for name in param.names():
                    found, prop = PSValue.get(value, name)
                    if found and prop is not None and accepts(param, prop, coerce):
                        by_name[param.name] = prop
                        break
            if by_name:
                result = BoundParameters(dict(bound.values), bound.parameter_set)
                for name, prop in by_name.items():
                    result.values[name] = _normalise(self._spec.parameter(name), prop)
                return result
        return None

    def _with(self, bound: BoundParameters, param: ParameterSpec, value: Any) -> BoundParameters:
        result = BoundParameters(dict(bound.values), bound.parameter_set)
        result.values[param.name] = _normalise(param, value)
        if param.sets:
            result.parameter_set = sorted(param.sets)[0] if bound.parameter_set not in param.sets \
                else bound.parameter_set
        return result


def _is_guid_text(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _normalise(param: ParameterSpec | None, value: Any) -> Any:
    if param is None or not param.many or param.kind in ("object", "switch"):
        return value
    if isinstance(value, (PSList, list, tuple)):
        return list(value)
    return [value]
