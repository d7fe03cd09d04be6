"""Builds the simulated hypervisor and its cmdlet engine for one host."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from hvmanager.simulator.engine_api import PipelineRunner
from hvmanager.simulator.host_spec import HostSpec


@dataclass(frozen=True)
class HostBackend:
    """The model (a ``SimHost``) and the ``PipelineRunner`` that runs cmdlets against it."""

    model: Any
    runner: PipelineRunner


class BackendFactory(Protocol):
    """Makes the backend of one host; tests pass their own."""

    def __call__(self, spec: HostSpec, seed: int, time_scale: float) -> HostBackend: ...


def engine_backend(spec: HostSpec, seed: int, time_scale: float) -> HostBackend:
    """The real engine for one host on its own (a ``Lab`` shares one ``EngineBackends`` by its hosts)."""
    from hvmanager.simulator.engine_backends import EngineBackends

    return EngineBackends()(spec, seed, time_scale)
