"""Each host's simulated hypervisor and cmdlet engine, for the hosts of one lab."""

from __future__ import annotations

from hvmanager.simulator.host_backend import HostBackend
from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.hyperv.number_cache import NumberCache

#: Distinct numbers a lab keeps (200 hosts' first refreshes use ~400; past it, it starts over).
LAB_NUMBERS = 4096


class EngineBackends:
    """A ``BackendFactory``: ``SimHost.generate`` plus a ``CommandEngine`` per host.

    The engines of one lab share one ``NumberCache``: the numbers are values, the same for
    every host that shows them, and a host's first refresh no longer builds the CPU
    percentages, memory sizes and generations every other host built already (~0.7 ms of a
    first 40-VM refresh's 2 ms).
    """

    def __init__(self, numbers: NumberCache | None = None) -> None:
        self.numbers = numbers or NumberCache(capacity=LAB_NUMBERS)

    def __call__(self, spec: HostSpec, seed: int, time_scale: float) -> HostBackend:
        # Imported here: a lab of toy backends (tests) never loads the engine.
        from hvmanager.simulator.cmdlets.command_engine import CommandEngine
        from hvmanager.simulator.hyperv.sim_host import SimHost

        model = SimHost.generate(spec.name, spec.vm_count, seed, locale=spec.locale, profile=spec.profile,
                                 time_scale=time_scale)
        return HostBackend(model, CommandEngine(model, numbers=self.numbers))
