"""Plain-string output taken from PSRP fragments gives exactly what psrpcore's own path gives."""

from __future__ import annotations

import uuid

import pytest
from psrpcore import ClientRunspacePool, PipelineOutputEvent, PSRPPayload, StreamType
from psrpcore._payload import create_fragment, create_message
from psrpcore.types import PSRPMessageType

from hvmanager.remoting import psrpcore_conversion
from hvmanager.remoting.winrm.fragment_demux import FragmentDemux, string_record

POOL = uuid.UUID("11111111-2222-3333-4444-555555555555")
PIPELINE = uuid.UUID("66666666-7777-8888-9999-000000000000")


def _output(object_id: int, clixml: bytes, pipeline: uuid.UUID = PIPELINE) -> bytes:
    message = create_message(False, PSRPMessageType.PipelineOutput, clixml, POOL, pipeline)
    return create_fragment(object_id, 0, message, True)


def _psrpcore_records(data: bytes) -> list:
    pool = ClientRunspacePool(runspace_pool_id=POOL)
    pool.receive_data(PSRPPayload(data, StreamType.default, None))
    records = []
    while (event := pool.next_event()) is not None:
        assert isinstance(event, PipelineOutputEvent)
        records.append(psrpcore_conversion.to_record(event.data))
    return records


@pytest.mark.parametrize("text", ['"Name","State"', '"vm ""one""","Running"', "", "x > y", "naïve ✓ 名前",
                                  "under_score", "a\nb", "  padded  "])
def test_plain_strings_become_the_record_psrpcore_would_make(text):
    data = _output(1, f"<S>{text}</S>".encode("utf-8"))
    outputs, rest = FragmentDemux().split(data)
    assert rest == b""
    [(pipeline, taken)] = outputs
    assert pipeline == PIPELINE.bytes_le
    [expected] = _psrpcore_records(data)
    assert string_record(taken) == expected


@pytest.mark.parametrize("clixml", [b"<S>a &amp; b</S>", b"<S>line_x000D__x000A_</S>", b"<S>cr\r</S>",
                                    b'<I32>7</I32>', b'<Obj RefId="0"><MS><S N="Name">x</S></MS></Obj>',
                                    b'<?xml version="1.0"?><S>declared</S>'])
def test_everything_else_goes_on_to_psrpcore_unchanged(clixml):
    data = _output(3, clixml)
    outputs, rest = FragmentDemux().split(data)
    assert outputs == [] and rest == data
    assert len(_psrpcore_records(rest)) == 1


def test_a_mixed_run_keeps_psrpcore_fragments_whole_and_in_order():
    plain, typed = _output(1, b"<S>one</S>"), _output(2, b"<I32>2</I32>")
    message = create_message(False, PSRPMessageType.PipelineOutput, b"<S>two parts</S>", POOL, PIPELINE)
    split_first = create_fragment(3, 0, message[:30], False)
    split_last = create_fragment(3, 1, message[30:], True)
    stream = plain + typed + split_first + split_last
    demux = FragmentDemux()
    # Delivered in awkward pieces: a fragment header cut in two, a blob cut in two.
    pieces = [stream[:10], stream[10:len(plain) + 5], stream[len(plain) + 5:-7], stream[-7:]]
    outputs, rests = [], []
    for piece in pieces:
        taken, rest = demux.split(piece)
        outputs += [text for _, text in taken]
        rests.append(rest)
    assert outputs == ["one"]
    assert b"".join(rests) == typed + split_first + split_last
    assert [record.value for record in _psrpcore_records(b"".join(rests))] == [2, "two parts"]
