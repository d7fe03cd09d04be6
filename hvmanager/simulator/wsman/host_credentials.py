"""The one local account a simulated workgroup host accepts."""

from __future__ import annotations

import hmac
from dataclasses import dataclass


@dataclass(frozen=True)
class HostCredentials:
    """``user`` is accepted as ``user``, ``HOST\\user`` or ``.\\user`` (a local account)."""

    host_name: str
    user: str
    password: str

    def domains(self) -> tuple[str, ...]:
        """The NTLM domains a client may send with the user name ("" for a bare name)."""
        return ("", self.host_name, ".")

    def accepts(self, username: str, password: str) -> bool:
        """Check a Basic credential the way a workgroup host checks a local account."""
        domain, _, name = username.rpartition("\\")
        if "@" in name and not domain:
            name, _, domain = name.partition("@")
        known_domain = domain.upper() in (d.upper() for d in self.domains())
        same_user = name.lower() == self.user.lower()
        return known_domain and same_user and hmac.compare_digest(password.encode(), self.password.encode())
