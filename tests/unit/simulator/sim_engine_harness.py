"""Runs pipelines straight through a ``CommandEngine`` and reads results as the client would.

``wire`` serialises an output object with psrpcore and deserialises the CLIXML with pypsrp's
client deserialiser: exactly what the app sees over WinRM.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from psrpcore.types import serialize
from pypsrp.serializer import Serializer

from hvmanager.simulator.cmdlets.command_engine import CommandEngine
from hvmanager.simulator.engine_api import CommandInvocation, SimError, TerminatingError
from hvmanager.simulator.hyperv.sim_host import SimHost


@dataclass
class Outcome:
    """Output objects, non-terminating errors and the terminating error of one run."""

    output: list[Any] = field(default_factory=list)
    errors: list[SimError] = field(default_factory=list)
    failure: SimError | None = None

    @property
    def error_ids(self) -> list[str]:
        """The FullyQualifiedErrorIds of the error stream."""
        return [e.fully_qualified_error_id for e in self.errors]


def cmd(name: str, *positional: Any, **named: Any) -> CommandInvocation:
    """A command: positional arguments first, then named ones (``True`` for a switch)."""
    parameters = tuple((None, value) for value in positional)
    parameters += tuple((key, value) for key, value in named.items())
    return CommandInvocation(name, parameters)


def run(host: SimHost, *commands: CommandInvocation, inputs: list[Any] | None = None,
        cancel: threading.Event | None = None) -> Outcome:
    """Run one pipeline on ``host``."""
    outcome = Outcome()
    try:
        CommandEngine(host).run(list(commands), list(inputs or []), cancel or threading.Event(),
                                outcome.output.append, outcome.errors.append)
    except TerminatingError as error:
        outcome.failure = error.error
    return outcome


def wire(value: Any) -> Any:
    """``value`` as pypsrp's client deserialises it after psrpcore serialised it."""
    return Serializer().deserialize(ET.tostring(serialize(value, None)).decode())


def fast_host(vm_count: int = 10, seed: int = 1, **kwargs: Any) -> SimHost:
    """A generated host whose transitions take milliseconds."""
    return SimHost.generate("HV01", vm_count, seed, time_scale=0.01, **kwargs)
