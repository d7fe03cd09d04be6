"""A saved server: where and how to connect. Never a password."""

from __future__ import annotations

import dataclasses
import ipaddress
import urllib.parse
from dataclasses import dataclass
from typing import Any

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.domain.transport import Transport


class InvalidServerConfig(ValueError):
    """A combination the client refuses (Basic over HTTP, CA file without a path, ...).

    ``str()`` is the English text; ``text`` the translatable ``Message`` (a plain string
    given to the constructor is shown as it is).
    """

    @property
    def text(self) -> Message:
        """The reason as a translatable ``Message``."""
        reason = self.args[0] if self.args else ""
        return reason if isinstance(reason, Message) else Message.verbatim(str(reason))


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
            raise InvalidServerConfig(QT_TRANSLATE_NOOP("ServerConfig", "A server needs an address."))
        if any(ch.isspace() or ch in "/\\|@[]" for ch in self.address.strip()):
            raise InvalidServerConfig(QT_TRANSLATE_NOOP(
                "ServerConfig", "'{address}' is not a host name or address.").format(address=self.address))
        if ":" in self.address and not _is_ipv6(self.address):
            raise InvalidServerConfig(QT_TRANSLATE_NOOP(
                "ServerConfig", "'{address}' looks like host:port; put the port in the port field.").format(
                address=self.address))
        if self.port is not None and not 0 < self.port < 65536:
            raise InvalidServerConfig(QT_TRANSLATE_NOOP("ServerConfig", "Port {port} is out of range.").format(
                port=self.port))
        if self.auth is AuthMethod.BASIC and self.transport is Transport.HTTP:
            raise InvalidServerConfig(QT_TRANSLATE_NOOP(
                "ServerConfig", "Basic authentication sends the password in clear: use HTTPS."))
        if self.certificate_validation is CertificateValidation.CA_FILE and not self.ca_file:
            raise InvalidServerConfig(QT_TRANSLATE_NOOP("ServerConfig", "Validation with a CA file needs the file's path."))

    @classmethod
    def from_address(cls, text: str, **fields: Any) -> "ServerConfig":
        """Parse what a user or a command line gives: ``hv01``, ``hv01:5986``,
        ``https://hv01:5986/wsman``, ``[fe80::1]:5985``, ``fe80::1`` or ``local``.

        ``fields`` set the other fields (auth, user_name, ...); a scheme in ``text``
        decides the transport, else ``fields["transport"]`` or HTTP.
        """
        text = text.strip()
        if text.lower() == "local":
            return dataclasses.replace(cls.local(), **fields)
        if _is_ipv6(text):
            return cls(address=text, **fields)
        if "://" in text:
            parts = urllib.parse.urlsplit(text)
            try:
                transport = Transport(parts.scheme.lower())
            except ValueError:
                raise InvalidServerConfig(QT_TRANSLATE_NOOP(
                    "ServerConfig", "Unknown scheme '{scheme}' (use http or https).").format(scheme=parts.scheme)) \
                    from None
            fields["transport"] = transport
        else:
            parts = urllib.parse.urlsplit("//" + text)
        if parts.username is not None or parts.password is not None:
            raise InvalidServerConfig(QT_TRANSLATE_NOOP(
                "ServerConfig", "Give the user name in its own field, never in the address."))
        try:
            port = parts.port
        except ValueError:
            raise InvalidServerConfig(QT_TRANSLATE_NOOP("ServerConfig", "'{address}' has an invalid port.").format(
                address=text)) from None
        if port is not None:
            fields["port"] = port
        return cls(address=_typed_host(parts), **fields)

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


def _typed_host(parts: urllib.parse.SplitResult) -> str:
    """The host as typed: ``hostname`` lower-cases it, and titles show what the user wrote
    (the key lower-cases it anyway)."""
    hostname = parts.hostname or ""
    typed = parts.netloc.rpartition("@")[2]
    start = typed.lower().find(hostname)
    return typed[start:start + len(hostname)] if hostname and start >= 0 else hostname


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text.strip().split("%", 1)[0])
    except ValueError:
        return False
    return True
