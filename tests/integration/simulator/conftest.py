"""Fixtures for the simulator's protocol tests: labs on loopback and pypsrp clients."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pypsrp.powershell import RunspacePool
from pypsrp.wsman import WSMan

from hvmanager.simulator.lab import Lab
from hvmanager.simulator.lab_host import LabHost

from integration.simulator.toy_backend import toy_backend


def client_for(host: LabHost, *, auth: str | None = None, user: str | None = None, password: str | None = None,
               operation_timeout: int = 5, read_timeout: int = 15, **kwargs: object) -> WSMan:
    """An unmodified pypsrp WSMan connection to ``host``."""
    https = host.transport == "https"
    return WSMan(
        host.address,
        port=host.port,
        username=user or host.user,
        password=password if password is not None else host.password,
        ssl=https,
        auth=auth or ("basic" if https else "ntlm"),
        cert_validation=host.ca_file if https else False,
        operation_timeout=operation_timeout,
        read_timeout=read_timeout,
        connection_timeout=5,
        **kwargs,
    )


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
