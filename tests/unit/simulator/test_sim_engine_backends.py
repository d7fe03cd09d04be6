"""The hosts of one lab share their psrpcore numbers; a host made alone has its own."""

from __future__ import annotations

import threading
from typing import Any

from hvmanager.simulator.engine_api import CommandInvocation, PipelineRunner
from hvmanager.simulator.engine_backends import EngineBackends
from hvmanager.simulator.host_backend import engine_backend
from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.lab import Lab

_SELECT = [CommandInvocation("Get-VM"), CommandInvocation("Select-Object", (("Property", ["Generation"]),))]


def _generations(runner: PipelineRunner) -> list[Any]:
    """Each VM's Generation as the engine wrote it (psrpcore PSInt objects)."""
    output: list[Any] = []
    runner.run(_SELECT, [], threading.Event(), output.append, output.append)
    return [item.Generation for item in output]


def test_the_hosts_of_one_factory_hand_out_the_same_number_objects() -> None:
    factory = EngineBackends()
    first = _generations(factory(HostSpec("HV01", vm_count=4), 1, 0.01).runner)
    second = _generations(factory(HostSpec("HV02", vm_count=4), 2, 0.01).runner)
    by_value = {int(n): n for n in first}
    shared = [n for n in second if int(n) in by_value]
    assert shared and all(n is by_value[int(n)] for n in shared)
    alone = _generations(engine_backend(HostSpec("HV01", vm_count=4), 1, 0.01).runner)  # the same VMs
    assert alone == first and not any(n is m for n, m in zip(alone, first))  # equal values, own objects


def test_a_lab_s_hosts_share_one_factory() -> None:
    with Lab(hosts=2, vms_per_host=3, seed=4) as lab:
        engines = [host.server.shells._runner for host in lab.hosts]
        first, second = (_generations(engine) for engine in engines)
    by_value = {int(n): n for n in first}
    assert any(int(n) in by_value for n in second)
    assert all(n is by_value[int(n)] for n in second if int(n) in by_value)
