"""One way to start simulator labs in tests: a ``make_lab`` fixture factory."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest

from hvmanager.simulator.lab import Lab


def lab_fixture(vms_per_host: int) -> Callable[..., Any]:
    """A ``make_lab`` fixture: ``make_lab(*specs, **lab_options)`` starts a small, fast lab
    (one host with ``vms_per_host`` VMs, time_scale 0.01: transitions take milliseconds),
    and every lab it started is stopped (bounded) after the test."""

    @pytest.fixture
    def make_lab() -> Iterator[Callable[..., Lab]]:
        labs: list[Lab] = []

        def make(*specs: Any, **kwargs: Any) -> Lab:
            options = {"hosts": 1, "vms_per_host": vms_per_host, "time_scale": 0.01, **kwargs}
            lab = Lab(list(specs), **options) if specs else Lab(**options)
            lab.start()
            labs.append(lab)
            return lab

        yield make
        for lab in labs:
            lab.stop(timeout=3.0)

    return make_lab
