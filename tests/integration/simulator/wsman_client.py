"""A pypsrp connection to a lab host, as the tests open it."""

from __future__ import annotations

from pypsrp.wsman import WSMan

from hvmanager.simulator.lab_host import LabHost


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
