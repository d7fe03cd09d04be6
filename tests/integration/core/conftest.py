"""Simulator labs on loopback for the core tests, and server configs that reach their hosts."""

from __future__ import annotations

import asyncio
from typing import Any, Callable, Coroutine, Iterator

import pytest

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport
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


def config_for(host: Any, **overrides: Any) -> ServerConfig:
    """NTLM to a lab host over its transport; HTTPS validated with the lab's CA file."""
    fields: dict[str, Any] = {"address": host.address, "port": host.port, "auth": AuthMethod.NTLM,
                              "user_name": host.user, "display_name": host.name}
    if host.transport == "https":
        fields.update(transport=Transport.HTTPS, certificate_validation=CertificateValidation.CA_FILE,
                      ca_file=host.ca_file)
    fields.update(overrides)
    return ServerConfig(**fields)


def run(coroutine: Coroutine[Any, Any, Any], timeout_s: float = 30.0) -> Any:
    """Run one test scenario on a fresh event loop, bounded."""
    async def bounded() -> Any:
        return await asyncio.wait_for(coroutine, timeout_s)

    return asyncio.run(bounded())
