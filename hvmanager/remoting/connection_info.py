"""How to reach one host: the transport, the credentials and the limits, in memory only."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

TRANSPORTS = ("http", "https", "local")
AUTHS = ("negotiate", "ntlm", "kerberos", "basic", "credssp")
DEFAULT_PORTS = {"http": 5985, "https": 5986}
#: Generous for hundreds of VMs with every column, small enough that a hostile host cannot
#: exhaust memory: the most one command's answers may add up to.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024


class CertificatePolicy(enum.Enum):
    """How an HTTPS certificate is checked."""

    SYSTEM_STORE = "system"  # validate against the operating system's trusted roots
    CA_FILE = "ca_file"  # validate against the CA bundle in ``ConnectionInfo.ca_file``
    NO_VALIDATION = "none"  # explicit, visible opt-out for self-signed lab hosts


@dataclass(frozen=True)
class ConnectionInfo:
    """Everything a session needs to reach one host.

    The password lives only here, in memory, and never appears in ``repr``. ``user`` may be
    ``HOST\\user``, ``.\\user`` or ``user@DOMAIN``; with no user and no password Negotiate uses
    the current Windows logon (SSPI) or a Kerberos ticket. ``connect_timeout_s`` bounds TCP and
    TLS set-up, ``operation_timeout_s`` bounds one HTTP exchange and is the default timeout of
    ``run``. ``max_response_bytes`` caps what one command's answers may add up to (a
    hostile host that streams without end gets a ``ProtocolError``).
    """

    address: str
    transport: str = "http"
    port: int | None = None
    auth: str = "negotiate"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    certificate_policy: CertificatePolicy = CertificatePolicy.SYSTEM_STORE
    ca_file: str | None = None
    connect_timeout_s: float = 10.0
    operation_timeout_s: float = 60.0
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    def __post_init__(self) -> None:
        if self.transport not in TRANSPORTS:
            raise ValueError(f"Unknown transport {self.transport!r}: use one of {', '.join(TRANSPORTS)}.")
        if self.auth not in AUTHS:
            raise ValueError(f"Unknown authentication {self.auth!r}: use one of {', '.join(AUTHS)}.")
        if self.certificate_policy is CertificatePolicy.CA_FILE and not self.ca_file:
            raise ValueError("The certificate policy 'CA file' needs a CA file.")
        if self.connect_timeout_s <= 0 or self.operation_timeout_s <= 0:
            raise ValueError("Timeouts must be positive.")
        if self.max_response_bytes < 1:
            raise ValueError("The response limit must be positive.")

    @property
    def effective_port(self) -> int | None:
        """The port to connect to: the explicit one, else the WinRM default of the transport."""
        return self.port if self.port is not None else DEFAULT_PORTS.get(self.transport)

    @property
    def display_name(self) -> str:
        """How the host is named in messages."""
        return "the local computer" if self.transport == "local" else self.address
