"""Read objects a host saved with ``Export-Clixml`` (e.g. ``Get-VM | Export-Clixml vms.xml``).

The file holds the same CLIXML the PSRP transports carry, so objects go through the same
psrpcore decoding and ``Record`` conversion: a VM read offline parses exactly like one
read live. Type names are shared across the file (``<TN RefId>`` then ``<TNRef>``), so the
whole ``<Objs>`` document is decoded with one deserializer.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from xml.etree.ElementTree import ParseError

from psrpcore.types import deserialize_clixml

from hvmanager.remoting.psrpcore_conversion import opaque_cipher, to_record
from hvmanager.remoting.record import Record

_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>\s*")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


class ClixmlFileError(ValueError):
    """The file is not readable CLIXML; the message names the file and the reason."""


def read_clixml_file(path: str | Path) -> tuple[Record, ...]:
    """Every top-level object of an ``Export-Clixml`` file as a ``Record``.

    Accepts UTF-16 with BOM (Windows PowerShell's default), UTF-8 with or without BOM,
    an optional XML declaration and the ``#< CLIXML`` header of ``-OutputFormat xml``.
    Raises ``ClixmlFileError`` (or ``OSError`` when unreadable).
    """
    path = Path(path)
    text = decode_clixml_bytes(path.read_bytes(), str(path))
    return read_clixml_text(text, str(path))


def decode_clixml_bytes(data: bytes, name: str = "the file") -> str:
    """The file's text by its BOM (UTF-8 without one)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ClixmlFileError(f"{name} is not valid {encoding} text ({error}).") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ClixmlFileError(f"{name} is neither UTF-8 nor UTF-16 with a byte order mark.") from None


def read_clixml_text(text: str, name: str = "the file") -> tuple[Record, ...]:
    """Every top-level object of a CLIXML document (``<Objs ...>...</Objs>``)."""
    body = text.lstrip("\ufeff")
    if body.startswith("#< CLIXML"):
        body = body[len("#< CLIXML"):]
    body = _DECLARATION.sub("", body).lstrip()
    if not body.startswith("<Objs"):
        raise ClixmlFileError(f"{name} is not a CLIXML file (it does not start with <Objs>).")
    try:
        objects = deserialize_clixml(body, opaque_cipher())
    except (ParseError, KeyError, ValueError, TypeError, AttributeError) as error:
        raise ClixmlFileError(f"{name} is not valid CLIXML ({type(error).__name__}: {error}).") \
            from None
    return tuple(to_record(value) for value in objects)
