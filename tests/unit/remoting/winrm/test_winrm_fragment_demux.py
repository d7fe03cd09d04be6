"""Plain-string output taken from PSRP fragments gives exactly what psrpcore's own path gives."""

from __future__ import annotations

import uuid
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st
from psrpcore import ClientRunspacePool, PipelineOutputEvent, PSRPPayload, StreamType
from psrpcore._payload import create_fragment, create_message
from psrpcore.types import PSRPMessageType
from psrpcore.types import serialize as psrpcore_serialize_element

from hvmanager.remoting import psrpcore_conversion
from hvmanager.remoting.winrm.fragment_demux import COMPLETED, FragmentDemux, string_record

POOL = uuid.UUID("11111111-2222-3333-4444-555555555555")
PIPELINE = uuid.UUID("66666666-7777-8888-9999-000000000000")


def psrpcore_serialize(text: str) -> bytes:
    """``text`` as psrpcore's serializer writes a string object."""
    return ElementTree.tostring(psrpcore_serialize_element(text, None), encoding="utf-8", xml_declaration=False)


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
    [(pipeline, [record])] = FragmentDemux().split(data)
    assert pipeline == PIPELINE.bytes_le
    [expected] = _psrpcore_records(data)
    assert record == expected == string_record(text)


@pytest.mark.parametrize("text", ["line_x000D__x000A_", "two_x000A_lines", "db_x005F_x64", "_x005f_x_x0041_",
                                  "party _xD83C__xDF89_", "lone _xD800_ half", "_xdc00__xD800_", "tab_x0009_",
                                  "_x00e9_", "not_x12_an_xescape_x004_", "__x0041__"])
def test_escaped_ascii_strings_are_unescaped_as_psrpcore_does(text):
    data = _output(1, f"<S>{text}</S>".encode("ascii"))
    [(_, records)] = FragmentDemux().split(data)
    assert records == _psrpcore_records(data)


@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
       | st.text(alphabet="_xX0123456789abcdefABCDEF\n\t \"", max_size=40))
def test_any_serialized_string_gives_what_psrpcore_gives(text):
    clixml = psrpcore_serialize(text)
    data = _output(1, clixml)
    pieces = FragmentDemux().split(data)
    expected = _psrpcore_records(data)
    if pieces == [data]:
        return  # psrpcore read it (markup, references or raw escapes the fast path leaves alone)
    [(_, records)] = pieces
    assert records == expected


@given(text=st.text(alphabet="_xX0123456789abcdefABCDEF\n\t \"", max_size=40))
def test_any_raw_escape_text_gives_what_psrpcore_gives(text):
    data = _output(1, b"<S>" + text.encode("ascii") + b"</S>")
    [(_, records)] = FragmentDemux().split(data)
    assert records == _psrpcore_records(data)


@pytest.mark.parametrize("clixml", [b"<S>a &amp; b</S>", b"<S>na\xc3\xafve_x000A_</S>", b"<S>cr\r</S>",
                                    b'<I32>7</I32>', b'<Obj RefId="0"><MS><S N="Name">x</S></MS></Obj>',
                                    b'<?xml version="1.0"?><S>declared</S>'])
def test_everything_else_goes_on_to_psrpcore_unchanged(clixml):
    data = _output(3, clixml)
    assert FragmentDemux().split(data) == [data]
    assert len(_psrpcore_records(data)) == 1


def _state(object_id: int, clixml: bytes) -> bytes:
    message = create_message(False, PSRPMessageType.PipelineState, clixml, POOL, PIPELINE)
    return create_fragment(object_id, 0, message, True)


def test_a_mixed_run_keeps_the_wire_order_and_psrpcore_fragments_whole():
    plain, typed = _output(1, b"<S>one</S>"), _output(2, b"<I32>2</I32>")
    message = create_message(False, PSRPMessageType.PipelineOutput, b"<S>two parts</S>", POOL, PIPELINE)
    split_first = create_fragment(3, 0, message[:30], False)
    split_last = create_fragment(3, 1, message[30:], True)
    last_plain = _output(4, b"<S>three</S>")
    completed = _state(5, COMPLETED)
    stream = plain + typed + split_first + split_last + last_plain + completed
    demux = FragmentDemux()
    # Delivered in awkward pieces: a fragment header cut in two, a blob cut in two.
    cuts = [0, 10, len(plain) + 5, len(stream) - len(completed) - 7, len(stream)]
    pieces = [piece for start, end in zip(cuts, cuts[1:]) for piece in demux.split(stream[start:end])]
    texts = [piece if isinstance(piece, bytes) else piece[1] and [record.value for record in piece[1]]
             for piece in pieces]
    assert texts[0] == ["one"] and texts[-2:] == [["three"], None]
    assert b"".join(texts[1:-2]) == typed + split_first + split_last  # whole fragments, in order
    assert [record.value for record in _psrpcore_records(b"".join(texts[1:-2]))] == [2, "two parts"]


def test_runs_of_one_pipeline_come_as_one_piece_in_wire_order():
    other = uuid.UUID("12345678-1234-1234-1234-123456789012")
    stream = (_output(1, b"<S>a</S>") + _output(2, b"<S>b</S>") + _output(3, b"<S>x</S>", other)
              + _output(4, b"<S>c</S>") + _output(5, b"<I32>7</I32>") + _output(6, b"<S>d</S>") + _state(7, COMPLETED)
              + _output(8, b"<S>late</S>"))
    pieces = FragmentDemux().split(stream)
    shape = [piece if isinstance(piece, bytes) else (piece[0], piece[1] and [r.value for r in piece[1]])
             for piece in pieces]
    assert shape == [(PIPELINE.bytes_le, ["a", "b"]), (other.bytes_le, ["x"]), (PIPELINE.bytes_le, ["c"]),
                     _output(5, b"<I32>7</I32>"), (PIPELINE.bytes_le, ["d"]), (PIPELINE.bytes_le, None),
                     (PIPELINE.bytes_le, ["late"])]


def test_only_a_plain_completion_is_read_here():
    failed = (b'<Obj RefId="0"><MS><I32 N="PipelineState">3</I32><Obj N="ExceptionAsErrorRecord" RefId="1">'
              b"<MS /></Obj></MS></Obj>")
    assert FragmentDemux().split(_state(1, COMPLETED)) == [(PIPELINE.bytes_le, None)]
    assert FragmentDemux().split(_state(2, failed)) == [_state(2, failed)]
