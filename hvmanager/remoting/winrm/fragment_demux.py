"""Takes plain-string output (and a plain final state) out of the PSRP fragments a host
sends, before psrpcore sees them.

The refresh's answer is one output message per CSV line. psrpcore spends tens of
microseconds on each (fragment and message unpacking with two UUIDs, a DTD-capable XML
parse, its generic deserialiser, an event); for ``<S>text</S>`` the text is all there is.
This reads the fragment headers (MS-PSRP 2.2.4) and message headers (2.2.1) itself: a
message that fits in one fragment, is PipelineOutput and is a plain string (no markup,
character references, ``_xHHHH_`` escapes or carriage returns, which an XML parser would
change) becomes its text here. A PipelineState that says Completed, without a reason, is
read here too (all psrpcore would do with it is set the pipeline's state). Every other
fragment goes on to psrpcore unchanged and whole, in order.
"""

from __future__ import annotations

import struct
from types import MappingProxyType

from hvmanager.remoting.record import Record

_FRAGMENT = struct.Struct(">QQBI")  # object id, fragment id, start/end flags, blob length
_FRAGMENT_HEADER = _FRAGMENT.size  # 21
_START_AND_END = 0x3
_PIPELINE_OUTPUT = struct.pack("<I", 0x00041004)
_PIPELINE_STATE = struct.pack("<I", 0x00041006)
#: A PipelineState of Completed (4) with nothing else, as PowerShell and psrpcore write it.
COMPLETED = b'<Obj RefId="0"><MS><I32 N="PipelineState">4</I32></MS></Obj>'
_MESSAGE_HEADER = 40  # destination, type, runspace pool id, pipeline id
_BOM = b"\xef\xbb\xbf"
_OPEN, _CLOSE = b"<S>", b"</S>"
#: What psrpcore's deserialiser and ``psrpcore_conversion.to_record`` make of a string.
STRING_TYPES = ("System.String", "System.Object")
# Read-only and empty: every string record can share it.
_NO_PROPERTIES: MappingProxyType = MappingProxyType({})


def string_record(text: str) -> Record:
    """The ``Record`` of a string output object."""
    return Record(type_names=STRING_TYPES, properties=_NO_PROPERTIES, to_string=text, value=text)


def _plain_text(clixml: bytes) -> str | None:
    """The text of ``<S>text</S>`` when the bytes are the text, else None (psrpcore reads it)."""
    if clixml.startswith(_BOM):
        clixml = clixml[3:]
    if not (clixml.startswith(_OPEN) and clixml.endswith(_CLOSE)):
        return None
    body = clixml[3:-4]
    # Markup, character references, _xHHHH_ escapes and carriage returns (which an XML
    # parser turns into line feeds) all need the real parser.
    if b"<" in body or b"&" in body or b"_x" in body or b"\r" in body:
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None  # psrpcore reports it


class FragmentDemux:
    """Splits a host's PSRP data, in order, into plain-string outputs, plain completions and
    runs of fragments for psrpcore.

    Keeps an incomplete trailing fragment until the rest of it arrives, so psrpcore only
    ever receives whole fragments.
    """

    def __init__(self) -> None:
        self._pending = b""

    def split(self, data: bytes) -> list[tuple[bytes, str | None] | bytes]:
        """The pieces of ``data`` in wire order: ``(pipeline id in its wire bytes, text)``
        for a plain-string output, ``(pipeline id, None)`` for "the pipeline completed", and
        ``bytes`` for whole fragments psrpcore must process."""
        buffer = self._pending + data if self._pending else data
        pieces: list[tuple[bytes, str | None] | bytes] = []
        for_psrpcore = -1  # where the current run of psrpcore's fragments began
        position = 0
        size = len(buffer)
        while size - position >= _FRAGMENT_HEADER:
            _object_id, _fragment_id, flags, length = _FRAGMENT.unpack_from(buffer, position)
            end = position + _FRAGMENT_HEADER + length
            if end > size:
                break
            blob_start = position + _FRAGMENT_HEADER
            taken: tuple[bytes, str | None] | None = None
            if flags & _START_AND_END == _START_AND_END and length > _MESSAGE_HEADER:
                kind = buffer[blob_start + 4:blob_start + 8]
                clixml = buffer[blob_start + _MESSAGE_HEADER:end]
                text = _plain_text(clixml) if kind == _PIPELINE_OUTPUT else None
                if text is not None or (kind == _PIPELINE_STATE and clixml.removeprefix(_BOM) == COMPLETED):
                    taken = (buffer[blob_start + 24:blob_start + 40], text)
            if taken is None:
                if for_psrpcore < 0:
                    for_psrpcore = position
            else:
                if for_psrpcore >= 0:
                    pieces.append(buffer[for_psrpcore:position])
                    for_psrpcore = -1
                pieces.append(taken)
            position = end
        if for_psrpcore >= 0:
            pieces.append(buffer[for_psrpcore:position])
        self._pending = buffer[position:]
        return pieces
