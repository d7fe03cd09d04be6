"""WinRM message encryption (MS-WSMV 2.2.9.1): multipart/encrypted bodies sealed by the auth context."""

from __future__ import annotations

import re
import struct
from typing import Any

BOUNDARY = b"--Encrypted Boundary"
SPNEGO_PROTOCOL = "application/HTTP-SPNEGO-session-encrypted"
_LENGTH = re.compile(rb"Length=(\d+)")
_OCTET_STREAM = b"\tContent-Type: application/octet-stream\r\n"


class EncryptionError(ValueError):
    """The encrypted body could not be read or did not decrypt to its declared length."""


def is_encrypted(content_type: str) -> bool:
    """True for the content types pypsrp and Windows use for sealed messages."""
    value = content_type.lower()
    return value.startswith("multipart/encrypted") or value.startswith("multipart/x-multi-encrypted")


def unwrap(body: bytes, context: Any) -> bytes:
    """Decrypt one multipart/encrypted body with the connection's spnego context."""
    if context is None:
        raise EncryptionError("encrypted message on a connection that has not authenticated")
    end = body.rfind(BOUNDARY + b"--")
    if end < 0:
        raise EncryptionError("no closing boundary")
    split = body.find(_OCTET_STREAM)
    length = _LENGTH.search(body, 0, split if split >= 0 else len(body))
    if split < 0 or length is None:
        raise EncryptionError("missing MIME parts")
    sealed = body[split + len(_OCTET_STREAM):end]
    header_length = struct.unpack("<i", sealed[:4])[0]
    header = sealed[4:4 + header_length]
    try:
        plain = context.unwrap_winrm(header, sealed[4 + header_length:])
    except Exception as exc:  # spnego raises several types for a bad seal
        raise EncryptionError(str(exc)) from exc
    if len(plain) != int(length.group(1)):
        raise EncryptionError("decrypted length does not match the declared length")
    return plain


def wrap(message: bytes, context: Any) -> tuple[str, bytes]:
    """Seal a response; returns the Content-Type header and the body."""
    header, sealed, padding = context.wrap_winrm(message)
    parts = b"\r\n".join([
        BOUNDARY,
        b"\tContent-Type: " + SPNEGO_PROTOCOL.encode(),
        b"\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=" + str(len(message) + padding).encode(),
        BOUNDARY,
        _OCTET_STREAM.rstrip(b"\r\n"),
        b"",
    ])
    body = parts + struct.pack("<i", len(header)) + header + sealed + BOUNDARY + b"--\r\n"
    content_type = f'multipart/encrypted;protocol="{SPNEGO_PROTOCOL}";boundary="Encrypted Boundary"'
    return content_type, body
