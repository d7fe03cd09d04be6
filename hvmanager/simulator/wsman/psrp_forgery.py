"""Hand-made PSRP messages for the lab's hostile faults (test-only).

The real pool session serialises objects with psrpcore, which can only produce sound
CLIXML. A hostile host sends what no serialiser would: a document type declaration,
thousands of nested objects, properties of the wrong type. So this module frames raw
CLIXML text as PSRP fragments itself (MS-PSRP 2.2.4 fragment, 2.2.1 message).
"""

from __future__ import annotations

import itertools
import struct
import uuid

PIPELINE_OUTPUT = 0x00041004
PIPELINE_STATE = 0x00041006
_TO_CLIENT = 0x00000001
_BOM = b"\xef\xbb\xbf"
_COMPLETED = 4
# Far above the object ids the real pool uses, so a forged message never joins one of its runs.
_FIRST_OBJECT_ID = 1 << 40


class PsrpForgery:
    """Frames CLIXML text as complete single-fragment PSRP messages for one pipeline."""

    def __init__(self, runspace_pool_id: uuid.UUID, pipeline_id: uuid.UUID) -> None:
        self._rpid = runspace_pool_id
        self._pid = pipeline_id
        self._object_ids = itertools.count(_FIRST_OBJECT_ID)

    def message(self, message_type: int, clixml: str) -> bytes:
        """One message in one fragment (start and end set)."""
        blob = (struct.pack("<II", _TO_CLIENT, message_type) + self._rpid.bytes_le + self._pid.bytes_le
                + _BOM + clixml.encode("utf-8"))
        header = struct.pack(">QQBI", next(self._object_ids), 0, 0x3, len(blob))
        return header + blob

    def output(self, clixml: str) -> bytes:
        """A PIPELINE_OUTPUT message carrying ``clixml`` as the output object."""
        return self.message(PIPELINE_OUTPUT, clixml)

    def completed(self) -> bytes:
        """A PIPELINE_STATE message: the pipeline completed."""
        state = f'<Obj RefId="0"><MS><I32 N="PipelineState">{_COMPLETED}</I32></MS></Obj>'
        return self.message(PIPELINE_STATE, state)
