"""Takes plain-string output (and a plain final state) out of the PSRP fragments a host
sends, before psrpcore sees them.

The refresh's answer is one output message per CSV line. psrpcore spends tens of
microseconds on each (fragment and message unpacking with two UUIDs, a DTD-capable XML
parse, its generic deserialiser, an event); for ``<S>text</S>`` the text is all there is.
This reads the fragment headers (MS-PSRP 2.2.4) and message headers (2.2.1) itself: a
message that fits in one fragment, is PipelineOutput and is a plain string (no markup,
character references or carriage returns, which an XML parser would change; ``_xHHHH_``
escapes only in ASCII text) becomes its text here, unescaped as psrpcore unescapes it. A PipelineState that says Completed, without a reason, is
read here too (all psrpcore would do with it is set the pipeline's state). Every other
fragment goes on to psrpcore unchanged and whole, in order.
"""

from __future__ import annotations

import re
import struct
from types import MappingProxyType

from hvmanager.remoting.record import Record

_FRAGMENT = struct.Struct(">16xBI")  # (object id, fragment id,) start/end flags, blob length
_FRAGMENT_HEADER = _FRAGMENT.size  # 21
_START_AND_END = 0x3
_PIPELINE_OUTPUT = struct.pack("<I", 0x00041004)
_PIPELINE_STATE = struct.pack("<I", 0x00041006)
#: A PipelineState of Completed (4) with nothing else, as PowerShell and psrpcore write it.
COMPLETED = b'<Obj RefId="0"><MS><I32 N="PipelineState">4</I32></MS></Obj>'
_MESSAGE_HEADER = 40  # destination, type, runspace pool id, pipeline id
_BOM = b"\xef\xbb\xbf"
_OPEN, _CLOSE = b"<S>", b"</S>"
# MS-PSRP 2.2.5.3.2: a UTF-16 code unit the XML cannot carry, or a literal "_x", as _xHHHH_.
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# A byte for which a text needs a closer look (one search, not four).
_CAREFUL = re.compile(rb"[<&\r_]").search
#: What psrpcore's deserialiser and ``psrpcore_conversion.to_record`` make of a string.
STRING_TYPES = ("System.String", "System.Object")
# Read-only and empty: every string record can share it.
_NO_PROPERTIES: MappingProxyType = MappingProxyType({})
_new_record = object.__new__


def string_record(text: str) -> Record:
    """The ``Record`` of a string output object (built without the frozen dataclass's
    per-field ``__init__``: one per output line)."""
    record = _new_record(Record)
    fields = record.__dict__
    fields["type_names"] = STRING_TYPES
    fields["properties"] = _NO_PROPERTIES
    fields["to_string"] = text
    fields["value"] = text
    return record


def _plain_text(body: bytes) -> str | None:
    """The text of ``<S>body</S>`` when the XML parser would read ``body`` as it stands,
    apart from _xHHHH_ escapes in ASCII text; else None (psrpcore reads it)."""
    careful = _CAREFUL(body) is not None
    # Markup, character references and carriage returns (which an XML parser turns into
    # line feeds) need the real parser.
    if careful and (b"<" in body or b"&" in body or b"\r" in body):
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None  # psrpcore reports it
    if careful and "_x" in text:
        # psrpcore replaces the escapes in the text's UTF-16 bytes; with ASCII text and no
        # NUL that is a replacement per code unit, and surrogate pairs join afterwards.
        if not text.isascii() or "\x00" in text:
            return None
        text = _ESCAPE.sub(_code_unit, text)
        if not text.isascii():
            text = text.encode("utf-16-be", "surrogatepass").decode("utf-16-be", "surrogatepass")
    return text


def _code_unit(match: re.Match) -> str:
    return chr(int(match.group(1), 16))


class FragmentDemux:
    """Splits a host's PSRP data, in order, into runs of plain-string outputs (as records),
    plain completions and runs of fragments for psrpcore.

    Keeps an incomplete trailing fragment until the rest of it arrives, so psrpcore only
    ever receives whole fragments.
    """

    def __init__(self) -> None:
        self._pending = b""

    def split(self, data: bytes) -> list[tuple[bytes, list[Record] | None] | bytes]:
        """The pieces of ``data`` in wire order: ``(pipeline id in its wire bytes, records)``
        for a run of plain-string outputs of one pipeline, ``(pipeline id, None)`` for "the
        pipeline completed", and ``bytes`` for whole fragments psrpcore must process."""
        buffer = self._pending + data if self._pending else data
        pieces: list[tuple[bytes, list[Record] | None] | bytes] = []
        for_psrpcore = -1  # where the current run of psrpcore's fragments began
        records: list[Record] | None = None  # the current run of plain strings, of ``run_id``
        run_id = b""
        position = 0
        size = len(buffer)
        header = _FRAGMENT.unpack_from
        starts = buffer.startswith
        while size - position >= _FRAGMENT_HEADER:
            flags, length = header(buffer, position)
            blob_start = position + _FRAGMENT_HEADER
            end = blob_start + length
            if end > size:
                break
            text: str | None = None
            completed = False
            if flags & _START_AND_END == _START_AND_END and length > _MESSAGE_HEADER:
                clixml = blob_start + _MESSAGE_HEADER
                if starts(_BOM, clixml):
                    clixml += 3
                if starts(_PIPELINE_OUTPUT, blob_start + 4):
                    if starts(_OPEN, clixml) and buffer.endswith(_CLOSE, clixml + 3, end):
                        text = _plain_text(buffer[clixml + 3:end - 4])
                elif starts(_PIPELINE_STATE, blob_start + 4) and buffer[clixml:end] == COMPLETED:
                    completed = True
            if text is None and not completed:
                if for_psrpcore < 0:
                    for_psrpcore = position
                    records = None
            else:  # a plain string, or completed
                if for_psrpcore >= 0:
                    pieces.append(buffer[for_psrpcore:position])
                    for_psrpcore = -1
                if text is None:
                    pieces.append((buffer[blob_start + 24:blob_start + 40], None))
                    records = None
                else:
                    if records is None or not starts(run_id, blob_start + 24):
                        run_id = buffer[blob_start + 24:blob_start + 40]
                        records = []
                        pieces.append((run_id, records))
                    records.append(string_record(text))
            position = end
        if for_psrpcore >= 0:
            pieces.append(buffer[for_psrpcore:position])
        self._pending = buffer[position:]
        return pieces
