"""An HTTP request's header fields, read without the email package.

``http.server`` parses headers with ``email.parser`` (~90 us for a WinRM request's seven
fields, more than decrypting its body). The handler only looks fields up by name, so a
case-insensitive map of the first value of each field does; limits and errors are those
of ``http.client``: at most 100 fields, lines of at most 64 KiB.
"""

from __future__ import annotations

from typing import BinaryIO

MAX_LINE = 65536
MAX_FIELDS = 100


class HeaderError(ValueError):
    """A header line too long, or too many of them (the server answers 431)."""


class RequestHeaders:
    """Header fields by lower-cased name; the first of repeated fields counts (as ``Message.get``)."""

    def __init__(self, fields: dict[str, str]) -> None:
        self._fields = fields

    @classmethod
    def read(cls, stream: BinaryIO) -> "RequestHeaders":
        """Read lines up to the blank line that ends the header block."""
        fields: dict[str, str] = {}
        last = ""
        for _ in range(MAX_FIELDS + 1):
            line = stream.readline(MAX_LINE + 1)
            if len(line) > MAX_LINE:
                raise HeaderError("Line too long")
            if line in (b"\r\n", b"\n", b""):
                return cls(fields)
            text = line.decode("iso-8859-1").rstrip("\r\n")
            if text[:1] in (" ", "\t") and last:
                fields[last] += " " + text.strip()  # an obsolete folded continuation line
                continue
            name, _, value = text.partition(":")
            last = name.strip().lower()
            fields.setdefault(last, value.strip())
        raise HeaderError(f"got more than {MAX_FIELDS} headers")

    def get(self, name: str, default: str | None = None) -> str | None:
        """The field's value, or ``default``."""
        return self._fields.get(name.lower(), default)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._fields
