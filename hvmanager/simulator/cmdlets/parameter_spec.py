"""Declarations of a cmdlet's parameters, as its .NET attributes would state them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

#: Parameters every cmdlet has ([CmdletBinding] common parameters).
COMMON_PARAMETERS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("Verbose", ("vb",), True), ("Debug", ("db",), True),
    ("ErrorAction", ("ea",), False), ("WarningAction", ("wa",), False),
    ("InformationAction", ("infa",), False), ("ErrorVariable", ("ev",), False),
    ("WarningVariable", ("wv",), False), ("InformationVariable", ("iv",), False),
    ("OutVariable", ("ov",), False), ("OutBuffer", ("ob",), False),
    ("PipelineVariable", ("pv",), False),
)
SHOULD_PROCESS_PARAMETERS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("WhatIf", ("wi",), True), ("Confirm", ("cf",), True),
)


@dataclass(frozen=True)
class ParameterSpec:
    """One parameter.

    ``kind`` says what the parameter holds, for pipeline binding: ``string`` (anything
    converts to it), ``vm``, ``ic``, ``service``, ``snapshot`` (model objects), ``object``
    (any value), ``switch``, ``int``, ``guid``. ``pipeline`` is ``value``, ``property``,
    ``both`` or None. ``sets`` lists the parameter sets it belongs to (empty: all).
    """

    name: str
    kind: str = "string"
    aliases: tuple[str, ...] = ()
    position: int | None = None
    pipeline: str | None = None
    sets: frozenset[str] = frozenset()
    many: bool = True

    @property
    def is_switch(self) -> bool:
        """A switch takes no argument."""
        return self.kind == "switch"

    def names(self) -> tuple[str, ...]:
        """Its name and aliases."""
        return (self.name,) + self.aliases


@dataclass(frozen=True)
class CmdletSpec:
    """A cmdlet's name, the .NET class its error ids name, and its parameters."""

    name: str
    class_name: str
    parameters: tuple[ParameterSpec, ...] = ()
    should_process: bool = False
    #: At least one of these must be bound (by name, position or pipeline).
    required_one_of: tuple[str, ...] = ()
    default_set: str = ""
    #: Always mandatory (never taken from the pipeline), e.g. Rename-VM -NewName.
    mandatory: tuple[str, ...] = ()
    extra_common: tuple[ParameterSpec, ...] = field(default=(), repr=False)

    def all_parameters(self) -> tuple[ParameterSpec, ...]:
        """Its own parameters plus the common ones."""
        return self._all_parameters

    @cached_property
    def _all_parameters(self) -> tuple[ParameterSpec, ...]:
        # Worked out once per spec (specs are immutable): every pipeline binds with them.
        common = COMMON_PARAMETERS + (SHOULD_PROCESS_PARAMETERS if self.should_process else ())
        extra = tuple(ParameterSpec(n, "switch" if s else "object", a) for n, a, s in common)
        return self.parameters + extra

    def parameter(self, name: str) -> ParameterSpec | None:
        """The parameter with this exact canonical name."""
        return next((p for p in self.all_parameters() if p.name == name), None)
