"""NTLM message confidentiality (MS-NLMP 3.4.3, 3.4.4.2) computed directly, for a settled context.

pyspnego's ``wrap_winrm``/``unwrap_winrm`` walk its generic layers for every message (flag
enums, sequence-number properties, Python HMAC objects): about 20 us of the network
thread's CPU per message, on three exchanges per refresh. With extended session security
(every NTLMv2 context) a sealed message is

    sealed    = RC4(seal handle, message)
    checksum  = HMAC_MD5(sign key, seq number + message)[:8], RC4'd when keys were exchanged
    signature = version 1 + checksum + seq number (16 bytes)

in that order on one RC4 stream per direction. This computes it with the standard library's
HMAC and the RC4 streams pyspnego's context set up: the sign keys, seal streams and
sequence numbers are taken over from the context once its handshake is over (SPNEGO's
mechListMIC resets the RC4 streams and consumes sequence numbers during the handshake, so
they are taken where pyspnego left them, not derived again). From then on pyspnego never
touches them. Anything else (Kerberos, NTLM without extended session security) stays on
pyspnego: ``take_over`` answers None.
"""

from __future__ import annotations

import hmac
import struct
from typing import Any, Callable

_SIGN = 0x00000010
_SEAL = 0x00000020
_EXTENDED_SESSION_SECURITY = 0x00080000
_KEY_EXCHANGE = 0x40000000
_VERSION = b"\x01\x00\x00\x00"
_SEQUENCE = struct.Struct("<I")


class NtlmSealFailed(ValueError):
    """An answer's signature did not verify (tampered, replayed or out of order)."""


class NtlmSeal:
    """Seals requests and opens answers of one settled NTLM context (one connection)."""

    def __init__(self, sign_out: bytes, sign_in: bytes, rc4_out: Callable[[bytes], bytes],
                 rc4_in: Callable[[bytes], bytes], sequence_out: int, sequence_in: int, key_exchange: bool) -> None:
        self._sign_out = sign_out
        self._sign_in = sign_in
        self._rc4_out = rc4_out
        self._rc4_in = rc4_in
        self._sequence_out = sequence_out
        self._sequence_in = sequence_in
        self._key_exchange = key_exchange

    @classmethod
    def take_over(cls, context: Any) -> "NtlmSeal | None":
        """The seal state of ``context`` (an NTLM or SPNEGO-over-NTLM pyspnego context whose
        handshake is over and that pyspnego will not wrap with again), or None when it is
        not an NTLM context with extended session security."""
        if getattr(context, "negotiated_protocol", None) != "ntlm" or not context.complete:
            return None
        ntlm = context if hasattr(context, "_handle_out") else getattr(context, "_context", None)
        try:
            flags = int(ntlm._context_attr)
            sign_out, sign_in = ntlm._sign_key_out, ntlm._sign_key_in
            rc4_out, rc4_in = ntlm._handle_out.update, ntlm._handle_in.update
            sequence_out = ntlm._NTLMProxy__seq_num_out
            sequence_in = ntlm._NTLMProxy__seq_num_in
        except AttributeError:  # another pyspnego than the one this was written against
            return None
        needed = _SIGN | _SEAL | _EXTENDED_SESSION_SECURITY
        if flags & needed != needed or not isinstance(sign_out, bytes) or not isinstance(sign_in, bytes):
            return None
        return cls(sign_out, sign_in, rc4_out, rc4_in, sequence_out, sequence_in,
                   key_exchange=bool(flags & _KEY_EXCHANGE))

    def seal(self, message: bytes) -> tuple[bytes, bytes]:
        """``(signature, sealed message)`` for the next request."""
        sealed = self._rc4_out(message)
        signature = self._signature(self._sign_out, self._rc4_out, self._sequence_out, message)
        self._sequence_out += 1
        return signature, sealed

    def open(self, signature: bytes, sealed: bytes) -> bytes:
        """The next answer's message; raises ``NtlmSealFailed`` unless its signature verifies."""
        message = self._rc4_in(sealed)
        expected = self._signature(self._sign_in, self._rc4_in, self._sequence_in, message)
        self._sequence_in += 1
        if not hmac.compare_digest(expected, signature):
            raise NtlmSealFailed("the answer's signature does not verify")
        return message

    def _signature(self, sign_key: bytes, rc4: Callable[[bytes], bytes], sequence: int, message: bytes) -> bytes:
        packed = _SEQUENCE.pack(sequence)
        checksum = hmac.digest(sign_key, packed + message, "md5")[:8]
        if self._key_exchange:
            checksum = rc4(checksum)
        return _VERSION + checksum + packed
