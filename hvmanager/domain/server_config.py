"""A saved server: where and how to connect. Never a password."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.transport import Transport


class InvalidServerConfig(ValueError):
    """A combination the client refuses (Basic over HTTP, CA file without a path, ...)."""


@dataclass(frozen=True)
class ServerConfig:
    """One server as the user added it.

    ``port`` None means the transport's default. ``user_name`` empty means "use my
    Windows credentials" (Negotiate/SSPI) or the local session. The password lives only
    in the keyring (``settings.CredentialStore``), keyed by :attr:`key` and ``user_name``.
    Construction validates, so an invalid config cannot exist.
    """

    address: str
    transport: Transport = Transport.HTTP
    port: int | None = None
    auth: AuthMethod = AuthMethod.NEGOTIATE
    user_name: str = ""
    certificate_validation: CertificateValidation = CertificateValidation.SYSTEM_STORE
    ca_file: str = ""
    display_name: str = ""

    def __post_init__(self) -> None:
        if not self.address.strip() and self.transport is not Transport.LOCAL:
            raise InvalidServerConfig("A server needs an address.")
        if any(ch.isspace() or ch in "/\\|" for ch in self.address.strip()):
            raise InvalidServerConfig(f"'{self.address}' is not a host name or address.")
        if self.port is not None and not 0 < self.port < 65536:
            raise InvalidServerConfig(f"Port {self.port} is out of range.")
        if self.auth is AuthMethod.BASIC and self.transport is Transport.HTTP:
            raise InvalidServerConfig("Basic authentication sends the password in clear: use HTTPS.")
        if self.certificate_validation is CertificateValidation.CA_FILE and not self.ca_file:
            raise InvalidServerConfig("Validation with a CA file needs the file's path.")

    @classmethod
    def local(cls, display_name: str = "") -> "ServerConfig":
        """The local computer, through a local PowerShell process."""
        return cls(address="localhost", transport=Transport.LOCAL, display_name=display_name)

    @property
    def effective_port(self) -> int | None:
        """The port to connect to: explicit, else the transport's default."""
        return self.port if self.port is not None else self.transport.default_port

    @property
    def key(self) -> str:
        """Stable identity: ``https://hv01.corp:5986`` or ``local://localhost``.

        The address is lower-cased (host names are case-insensitive) and the port made
        explicit, so the same server typed twice has one key.
        """
        address = self.address.strip().lower() or "localhost"
        if self.transport is Transport.LOCAL:
            return f"local://{address}"
        host = f"[{address}]" if ":" in address else address
        return f"{self.transport.value}://{host}:{self.effective_port}"

    @property
    def title(self) -> str:
        """What the server tree shows."""
        return self.display_name or self.address

    @property
    def verifies_certificate(self) -> bool:
        """False only for the explicit opt-out on HTTPS."""
        return self.certificate_validation is not CertificateValidation.SKIP
