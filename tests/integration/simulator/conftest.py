"""Fixtures for the simulator's protocol tests: labs on loopback and pypsrp clients."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pypsrp.powershell import RunspacePool

from hvmanager.simulator.lab import Lab

from integration.simulator.toy_backend import toy_backend
from integration.simulator.wsman_client import client_for


@pytest.fixture
def toy_lab() -> Iterator[Lab]:
    """One HTTP host backed by the toy runner."""
    with Lab(hosts=1, backend=toy_backend, password="Pa55w.rd") as lab:
        yield lab


@pytest.fixture
def toy_https_lab() -> Iterator[Lab]:
    """One HTTPS host backed by the toy runner."""
    with Lab(hosts=1, transport="https", backend=toy_backend, password="Pa55w.rd") as lab:
        yield lab


@pytest.fixture
def pool(toy_lab: Lab) -> Iterator[RunspacePool]:
    """An open runspace pool on the toy HTTP host (NTLM with message encryption)."""
    with RunspacePool(client_for(toy_lab.hosts[0])) as opened:
        yield opened
