"""Server configs that reach lab hosts, and a bounded way to run a scenario."""

from __future__ import annotations

import asyncio
from typing import Any, Coroutine

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport

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
