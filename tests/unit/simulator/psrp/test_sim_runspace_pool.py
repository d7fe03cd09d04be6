"""SimRunspacePool's string shortcut writes exactly what psrpcore's serializer writes."""

from __future__ import annotations

import uuid
from xml.etree import ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st
from psrpcore import ServerRunspacePool
from psrpcore.types import PSRPMessageType, serialize

from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessageCache
from hvmanager.simulator.psrp.sim_runspace_pool import SimRunspacePool, clixml_string

# Control characters, surrogates, astral characters, markup and psrpcore's own _x escapes.
_TRICKY = st.lists(st.one_of(st.characters(), st.characters(categories=["Cs"]),
                             st.sampled_from(["_x", "_X0041_", "&", "<", ">", "]]>", "\r\n"]))).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TRICKY)
def test_a_string_serialises_as_psrpcore_serialises_it(text: str) -> None:
    assert clixml_string(text) == ElementTree.tostring(serialize(text, None), encoding="utf-8", method="xml")


def _drained(pool: ServerRunspacePool, amount: int) -> list[bytes]:
    payloads = []
    while (payload := pool.data_to_send(amount)) is not None:
        payloads.append(bytes(payload.data))
    return payloads


def test_pipeline_output_messages_are_psrpcore_s_byte_for_byte() -> None:
    pipeline_id = uuid.uuid4()
    outputs = ["", '"Name","State"', '"a&b","Running"', 42, None, "_x0041_ and \x00", "x" * 40_000, "ünï"]
    for amount in (32 * 1024, 1000):
        # As PoolSession drives it: every message is drained before the next is queued.
        payloads = []
        for pool in (ServerRunspacePool(), SimRunspacePool(DecodedMessageCache())):
            payloads.append([payload for value in outputs
                             for payload in (pool.prepare_message(value, PSRPMessageType.PipelineOutput,
                                                                  pipeline_id), _drained(pool, amount))[1]])
        assert payloads[0] == payloads[1]
    joined = b"".join(payloads[1])
    assert b"<S>&quot;a&amp;b&quot;" not in joined and b'<S>"a&amp;b","Running"</S>' in joined


def test_framed_messages_keep_their_place_behind_psrpcore_s() -> None:
    pipeline_id = uuid.uuid4()
    pools = (ServerRunspacePool(), SimRunspacePool(DecodedMessageCache()))
    for pool in pools:
        pool.prepare_message(7, PSRPMessageType.PipelineOutput, pipeline_id)  # psrpcore's buffer
        pool.prepare_message("after", PSRPMessageType.PipelineOutput, pipeline_id)
    assert b"".join(_drained(pools[0], 32 * 1024)) == b"".join(_drained(pools[1], 32 * 1024))


def test_messages_queued_together_are_packed_and_split_as_psrpcore_does() -> None:
    pipeline_id = uuid.uuid4()
    for amount in (300, 32 * 1024):
        pools = (ServerRunspacePool(), SimRunspacePool(DecodedMessageCache()))
        for pool in pools:
            for value in ("a" * 500, "b", 7, "c" * 40):
                pool.prepare_message(value, PSRPMessageType.PipelineOutput, pipeline_id)
        assert _drained(pools[0], amount) == _drained(pools[1], amount)
