"""A PowerShell pipeline: commands joined by ``|``."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.remoting.command import Command


@dataclass(frozen=True)
class Pipeline:
    """An ordered, immutable list of commands; the output of one feeds the next."""

    commands: tuple[Command, ...]

    @classmethod
    def of(cls, *commands: Command) -> "Pipeline":
        """Build a pipeline from commands."""
        return cls(tuple(commands))

    def pipe(self, command: Command) -> "Pipeline":
        """Return a copy with ``command`` appended."""
        return Pipeline(self.commands + (command,))
