"""A simulator lab started in this process for the CLI tests (runner in ``cli_runner``)."""

from __future__ import annotations

from typing import Iterator

import pytest

from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.lab import Lab


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    """Two English hosts with hostile names (9 VMs each) and a third to break; one password."""
    specs = [HostSpec("HV01", vm_count=9), HostSpec("HV02", vm_count=9), HostSpec("HV03", vm_count=2)]
    with Lab(specs, seed=3, time_scale=0.01, password="lab-secret-1") as started:
        yield started
