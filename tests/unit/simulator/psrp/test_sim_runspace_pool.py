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


def test_pipeline_output_messages_are_psrpcore_s_byte_for_byte() -> None:
    pipeline_id = uuid.uuid4()
    outputs = ["", '"Name","State"', '"a&b","Running"', 42, None, "_x0041_ and \x00"]
    queued = []
    for pool in (ServerRunspacePool(), SimRunspacePool(DecodedMessageCache())):
        for value in outputs:
            pool.prepare_message(value, PSRPMessageType.PipelineOutput, pipeline_id)
        queued.append([bytes(pool.data_to_send().data)])
    assert queued[0] == queued[1]
    assert b"<S>&quot;a&amp;b&quot;" not in queued[1][0] and b'<S>"a&amp;b","Running"</S>' in queued[1][0]
