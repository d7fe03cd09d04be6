"""How the client reaches a host."""

from __future__ import annotations

import enum


class Transport(enum.Enum):
    """WinRM over HTTP or HTTPS, or a local PowerShell child process."""

    HTTP = "http"
    HTTPS = "https"
    LOCAL = "local"

    @property
    def default_port(self) -> int | None:
        """5985 for HTTP, 5986 for HTTPS, None for the local process."""
        return {Transport.HTTP: 5985, Transport.HTTPS: 5986}.get(self)
