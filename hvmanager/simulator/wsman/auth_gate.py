"""Per-connection authentication: Negotiate/NTLM (spnego acceptor) and Basic over HTTPS."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

import spnego
from spnego.exceptions import SpnegoError

from hvmanager.simulator.wsman.host_credentials import HostCredentials
from hvmanager.simulator.wsman.ntlm_user_file import NtlmUserFile


@dataclass(frozen=True)
class AuthOutcome:
    """``allowed`` False means: answer 401 with ``headers``; otherwise handle the request."""

    allowed: bool
    headers: tuple[tuple[str, str], ...] = field(default=())
    user: str = ""


class AuthGate:
    """The authentication state of one keep-alive connection (NTLM contexts are per connection)."""

    def __init__(self, credentials: HostCredentials, user_file: NtlmUserFile, tls: bool) -> None:
        self._credentials = credentials
        self._user_file = user_file
        self._tls = tls
        self._context: Any = None
        self._user = ""

    @property
    def context(self) -> Any:
        """The completed spnego context (for message encryption), or None."""
        return self._context if self._context is not None and self._context.complete else None

    def challenge(self) -> tuple[tuple[str, str], ...]:
        """The WWW-Authenticate offers of a WinRM listener; Basic only on HTTPS."""
        offers = [("WWW-Authenticate", "Negotiate")]
        if self._tls:
            offers.append(("WWW-Authenticate", 'Basic realm="WSMAN"'))
        return tuple(offers)

    def authorize(self, header: str | None) -> AuthOutcome:
        """Check one request's Authorization header."""
        if not header:
            if self.context is not None or self._user:
                return AuthOutcome(True, user=self._user)
            return AuthOutcome(False, self.challenge())
        scheme, _, value = header.strip().partition(" ")
        scheme_l = scheme.lower()
        if scheme_l == "basic":
            return self._basic(value.strip())
        if scheme_l in ("negotiate", "ntlm"):
            return self._negotiate(scheme, value.strip())
        return AuthOutcome(False, self.challenge())

    def _basic(self, value: str) -> AuthOutcome:
        if not self._tls:
            return AuthOutcome(False, self.challenge())  # WinRM refuses Basic on an HTTP listener
        try:
            username, _, password = base64.b64decode(value).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return AuthOutcome(False, self.challenge())
        if not self._credentials.accepts(username, password):
            return AuthOutcome(False, self.challenge())
        self._user = username
        return AuthOutcome(True, user=username)

    def _negotiate(self, scheme: str, value: str) -> AuthOutcome:
        try:
            token = base64.b64decode(value)
        except binascii.Error:
            return AuthOutcome(False, self.challenge())
        if self._context is None or self._context.complete:
            self._context = None
            self._user = ""
        try:
            with self._user_file.active():
                if self._context is None:
                    self._context = spnego.server(
                        hostname=self._credentials.host_name,
                        service="HTTP",
                        protocol="negotiate",
                        # The Python provider, never the OS's: on Windows SSPI would check
                        # the lab's users against real Windows accounts.
                        options=(spnego.NegotiateOptions.wrapping_winrm
                                 | spnego.NegotiateOptions.use_negotiate),
                    )
                out_token = self._context.step(token)
        except SpnegoError:
            self._context = None
            return AuthOutcome(False, self.challenge())
        reply: tuple[tuple[str, str], ...] = ()
        if out_token:
            reply = (("WWW-Authenticate", f"{scheme} {base64.b64encode(out_token).decode()}"),)
        if not self._context.complete:
            return AuthOutcome(False, reply)
        self._user = str(getattr(self._context, "client_principal", "") or self._credentials.user)
        # The final SPNEGO token (mechListMIC) must reach the client on the 200.
        return AuthOutcome(True, reply, user=self._user)
