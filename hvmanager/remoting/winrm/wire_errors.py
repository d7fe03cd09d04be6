"""What the WinRM channel raises besides the socket, TLS and spnego errors beneath it.

One small hierarchy (like ``remoting/errors.py``): the session's error classifier turns
each into the typed ``RemotingError`` a user reads.
"""

from __future__ import annotations

from hvmanager.remoting.winrm.reply_parser import Fault


class WireError(Exception):
    """Base of the channel's own errors."""


class HttpStatusError(WireError):
    """The host answered an HTTP status that carries no WS-Management answer (400, 404, 500...)."""

    def __init__(self, status: int, text: str = "") -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.text = text


class FaultReceived(WireError):
    """The host's WinRM service answered a WS-Man fault."""

    def __init__(self, fault: Fault, http_status: int) -> None:
        super().__init__(f"WS-Man fault {fault.code}: {fault.reason}")
        self.fault = fault
        self.http_status = http_status
