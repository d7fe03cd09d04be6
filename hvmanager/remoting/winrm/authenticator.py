"""The HTTP authentication of one connection: Negotiate/NTLM through pyspnego, or Basic.

Negotiate and NTLM take two legs: the client's first token (answered 401 with the host's
challenge), then the client's last token, which rides on the first real request (its body
already sealed with the new context), so authenticating costs one extra round trip per
TCP connection. Basic sends the credentials on every request, over HTTPS only.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
from typing import Any

import spnego
from spnego._ntlm_raw.crypto import ntowfv1
from spnego.channel_bindings import GssChannelBindings

log = logging.getLogger(__name__)
# pyspnego logs every NTLM/SPNEGO token at DEBUG, and an NTLM AUTHENTICATE token can be
# cracked offline for the password: whatever level the app logs at, those never get out.
logging.getLogger("spnego").setLevel(logging.INFO)

_PROTOCOLS = {"negotiate": "negotiate", "ntlm": "ntlm", "kerberos": "kerberos"}


class AuthRejected(Exception):
    """The host refused our credentials or our token (HTTP 401 after the last leg)."""


class Authenticator:
    """Tokens and headers for one connection at a time (``reset`` for a new connection)."""

    def __init__(self, auth: str, user: str | None, password: str | None, host: str) -> None:
        self._auth = auth
        self._password = password
        self._host = host
        self._context: Any = None
        self._basic = b""
        self._credentials: Any = user
        if user and password is not None and auth in ("negotiate", "ntlm") and os.name != "nt":
            # pyspnego derives the NTLMv1 LM hash (pure-Python DES, ~1 ms) for every new
            # context from a password; NTLMv2 needs only the NT hash, derived once here.
            # The password stays first choice for Kerberos inside Negotiate.
            nt_hash = spnego.NTLMHash(user, nt_hash=ntowfv1(password).hex())
            self._credentials = [nt_hash, spnego.Password(user, password)]
            self._password = None
        if auth == "basic":
            credentials = f"{user or ''}:{password or ''}".encode("utf-8")
            self._basic = b"Authorization: Basic " + base64.b64encode(credentials) + b"\r\n"

    @property
    def is_basic(self) -> bool:
        """True when every request carries the credentials (no handshake, no sealing)."""
        return self._auth == "basic"

    @property
    def basic_header(self) -> bytes:
        """The Authorization header line for Basic."""
        return self._basic

    @property
    def context(self) -> Any:
        """The spnego context of the current connection (for sealing), once authenticated."""
        return self._context

    def first_leg(self, peer_certificate: bytes | None) -> bytes:
        """A new context for a new connection; its first token as an Authorization header."""
        bindings = None
        if peer_certificate is not None:
            bindings = GssChannelBindings(application_data=b"tls-server-end-point:"
                                          + _certificate_hash(peer_certificate))
        self._context = spnego.client(
            self._credentials, self._password, hostname=self._host, service="HTTP",
            channel_bindings=bindings, protocol=_PROTOCOLS.get(self._auth, "negotiate"),
            options=spnego.NegotiateOptions.wrapping_winrm)
        return _header(self._context.step())

    def last_leg(self, www_authenticate: str) -> bytes:
        """The answer to the host's challenge, as an Authorization header."""
        token = _token(www_authenticate)
        if token is None:
            raise AuthRejected("the host sent no challenge")
        answer = self._context.step(token)
        if not answer:
            raise AuthRejected("the context produced no answer to the challenge")
        return _header(answer)

    def confirm(self, www_authenticate: str) -> None:
        """Process the host's final token (SPNEGO's mechListMIC) that came with the 200."""
        token = _token(www_authenticate)
        if token is not None and not self._context.complete:
            self._context.step(token)

    def reset(self) -> None:
        """Forget the context (its connection is gone)."""
        self._context = None


def _header(token: bytes) -> bytes:
    return b"Authorization: Negotiate " + base64.b64encode(token) + b"\r\n"


def _token(www_authenticate: str) -> bytes | None:
    for offer in www_authenticate.split(","):
        scheme, _, value = offer.strip().partition(" ")
        if scheme.lower() in ("negotiate", "ntlm", "kerberos") and value.strip():
            return base64.b64decode(value.strip())
    return None


def _certificate_hash(der: bytes) -> bytes:
    """RFC 5929 tls-server-end-point: the certificate's own signature hash, SHA-256 for
    MD5/SHA-1 or an unknown one."""
    from cryptography import x509  # only for HTTPS with Negotiate/NTLM

    name = ""
    try:
        algorithm = x509.load_der_x509_certificate(der).signature_hash_algorithm
        name = algorithm.name if algorithm is not None else ""
    except Exception:  # an exotic or unreadable algorithm: fall back as RFC 5929 says
        name = ""
    if name not in ("sha384", "sha512"):
        name = "sha256"
    return hashlib.new(name, der).digest()
