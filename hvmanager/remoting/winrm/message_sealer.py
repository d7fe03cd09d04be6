"""WinRM message encryption over HTTP (MS-WSMV 2.2.9.1): the multipart/encrypted framing.

Every envelope travels sealed by the connection's NTLM/SPNEGO context:

    --Encrypted Boundary
    \tContent-Type: application/HTTP-SPNEGO-session-encrypted
    \tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=<plain length>
    --Encrypted Boundary
    \tContent-Type: application/octet-stream
    <signature length, 4 bytes little-endian><signature><sealed envelope>--Encrypted Boundary--
"""

from __future__ import annotations

import re
import struct
from typing import Any

from hvmanager.remoting.winrm.ntlm_seal import NtlmSeal

PROTOCOL = "application/HTTP-SPNEGO-session-encrypted"
CONTENT_TYPE = f'multipart/encrypted;protocol="{PROTOCOL}";boundary="Encrypted Boundary"'
_BOUNDARY = b"--Encrypted Boundary"
_PREFIX = (_BOUNDARY + b"\r\n\tContent-Type: " + PROTOCOL.encode("ascii")
           + b"\r\n\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=")
_MIDDLE = b"\r\n" + _BOUNDARY + b"\r\n\tContent-Type: application/octet-stream\r\n"
_END = _BOUNDARY + b"--\r\n"
_LENGTH = re.compile(rb"Length=(\d+)")
_SIGNATURE_LENGTH = struct.Struct("<I")


class SealError(ValueError):
    """A sealed answer that cannot be read or does not decrypt to its declared length."""


class MessageSealer:
    """Seals requests and opens answers with one authenticated spnego context.

    The first exchange goes through pyspnego (its handshake may still be finishing: SPNEGO's
    mechListMIC is checked between our first request and its answer); once the first
    answer has been opened, an NTLM context's sealing is taken over by ``NtlmSeal`` (other
    contexts stay on pyspnego).
    """

    def __init__(self, context: Any) -> None:
        self._context = context
        self._opened_one = False  # the first answer went through pyspnego
        self._direct: NtlmSeal | None = None

    @property
    def direct(self) -> bool:
        """True once messages are sealed by ``NtlmSeal`` rather than through pyspnego."""
        return self._direct is not None

    def seal(self, envelope: bytes) -> bytes:
        """The multipart/encrypted body for ``envelope`` (send with ``CONTENT_TYPE``)."""
        direct = self._direct
        if direct is not None:
            signature, sealed = direct.seal(envelope)
            padding = 0
        else:
            signature, sealed, padding = self._context.wrap_winrm(envelope)
        return b"".join((_PREFIX, b"%d" % (len(envelope) + padding), _MIDDLE,
                         _SIGNATURE_LENGTH.pack(len(signature)), signature, sealed, _END))

    def open(self, body: bytes) -> bytes:
        """The envelope inside a multipart/encrypted answer."""
        start = body.find(_MIDDLE)
        end = body.rfind(_END)
        declared = _LENGTH.search(body, 0, start if start >= 0 else 0)
        if start < 0 or end < start or declared is None:
            raise SealError("the encrypted answer is not framed as WinRM frames it")
        start += len(_MIDDLE)
        if end - start < 4:
            raise SealError("the encrypted answer is cut short")
        signature_length = _SIGNATURE_LENGTH.unpack_from(body, start)[0]
        signature_end = start + 4 + signature_length
        if signature_end > end:
            raise SealError("the encrypted answer's signature is cut short")
        try:
            if self._direct is not None:
                plain = self._direct.open(body[start + 4:signature_end], body[signature_end:end])
            else:
                plain = self._context.unwrap_winrm(body[start + 4:signature_end], body[signature_end:end])
                if not self._opened_one:
                    # The handshake is over: asked once, a context it refuses stays on pyspnego.
                    self._opened_one = True
                    self._direct = NtlmSeal.take_over(self._context)
        except Exception as error:  # spnego raises several types for a bad seal
            raise SealError(f"the answer did not decrypt ({type(error).__name__})") from error
        if len(plain) != int(declared.group(1)):
            raise SealError("the decrypted answer does not have its declared length")
        return plain
