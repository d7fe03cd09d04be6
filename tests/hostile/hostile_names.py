"""VM names and notes anyone could have typed, and a lab backend that records the wire."""

from __future__ import annotations

from typing import Any, Callable

from hvmanager.simulator.host_backend import HostBackend, engine_backend

HOSTILE_NAMES = (
    "it's a \"quoted\" name",
    "semi;colon; Remove-VM -Force",
    "pipe | Stop-Computer",
    "$(Stop-Computer -Force)",
    "`whoami` and ${env:USERNAME} @(1)",
    "two\nlines\r\nthree",
    "\u05e9\u05dc\u05d5\u05dd RTL \u202eevil\u202c end",
    "e\u0301\u0301\u0327 combining \u200b zero width",
    "\u2018typographic\u2019 \u201cquotes\u201d \u201a\u201b",
    "tab\there & ampersand <xml/>",
    "L" * 1000,
    "dup",
    "dup",
)
HOSTILE_NOTES = "'; Remove-VM * -Force; '\n$(calc) `n | Out-Null \u202e\u0301"


class RecordingRunner:
    """Wraps the engine's runner and keeps every pipeline exactly as the host received it."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.pipelines: list[tuple[Any, ...]] = []

    def run(self, commands, input_objects, cancel, emit_output, emit_error) -> None:
        self.pipelines.append(tuple(commands))
        self._inner.run(commands, input_objects, cancel, emit_output, emit_error)


def recording_backend(runners: list[RecordingRunner]) -> Callable[..., HostBackend]:
    """A ``Lab(backend=...)`` whose hosts record what arrives on the wire into ``runners``."""
    def make(spec: Any, seed: int, time_scale: float) -> HostBackend:
        backend = engine_backend(spec, seed, time_scale)
        runner = RecordingRunner(backend.runner)
        runners.append(runner)
        return HostBackend(backend.model, runner)
    return make
