"""How the client authenticates to WinRM."""

from __future__ import annotations

import enum


class AuthMethod(enum.Enum):
    """WinRM authentication; Basic is only allowed over HTTPS."""

    NEGOTIATE = "negotiate"
    NTLM = "ntlm"
    KERBEROS = "kerberos"
    BASIC = "basic"
    CREDSSP = "credssp"

    @property
    def encrypts_over_http(self) -> bool:
        """Whether WinRM message encryption protects HTTP with this method."""
        return self in (AuthMethod.NEGOTIATE, AuthMethod.NTLM, AuthMethod.KERBEROS,
                        AuthMethod.CREDSSP)
