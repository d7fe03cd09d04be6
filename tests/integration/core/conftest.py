"""Simulator labs on loopback for the core tests (helpers live in ``lab_helpers``)."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest

from hvmanager.simulator.lab import Lab


@pytest.fixture
def make_lab() -> Iterator[Callable[..., Lab]]:
    """Start labs (small and fast by default); every one is stopped after the test."""
    labs: list[Lab] = []

    def make(*specs: Any, **kwargs: Any) -> Lab:
        options = {"hosts": 1, "vms_per_host": 4, "time_scale": 0.01, **kwargs}
        lab = Lab(list(specs) if specs else None, **options)
        lab.start()
        labs.append(lab)
        return lab

    yield make
    for lab in labs:
        lab.stop()
