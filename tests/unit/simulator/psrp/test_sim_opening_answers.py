"""A pool's opening answers are psrpcore's bytes, also when they come from the host's cache."""

from __future__ import annotations

import threading
from typing import Any, Callable

import pytest
from psrpcore import ClientRunspacePool, PSRPPayload, ServerRunspacePool, StreamType
from psrpcore.types import PSVersion, SessionCapability

from hvmanager.simulator.engine_api import CommandInvocation, SimError
from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessageCache
from hvmanager.simulator.psrp.opening_answers import OpeningAnswers
from hvmanager.simulator.psrp.pool_session import PoolSession
from hvmanager.simulator.psrp.sim_runspace_pool import SimRunspacePool, _version_text


class _Idle:
    def run(self, commands: list[CommandInvocation], input_objects: list[Any], cancel: threading.Event,
            emit_output: Callable[[Any], None], emit_error: Callable[[SimError], None]) -> None:
        """Runs nothing (no pipeline is started here)."""


def _opening() -> bytes:
    client = ClientRunspacePool()
    client.open()
    return client.data_to_send().data


def _psrpcore_answer(opening: bytes, private_data: dict) -> bytes:
    server = ServerRunspacePool(application_private_data=private_data)
    server.receive_data(PSRPPayload(opening, StreamType.default, None))
    while server.next_event() is not None:
        pass
    answer = b""
    while (payload := server.data_to_send(32 * 1024)) is not None:
        answer += payload.data
    return answer


def _session_answer(opening: bytes, answers: OpeningAnswers) -> bytes:
    session = PoolSession(_Idle(), answers=answers)
    session.feed(opening)
    return b"".join(data for _, data in session.take_any())


def test_every_pool_of_a_host_answers_its_opening_as_psrpcore_does() -> None:
    answers = OpeningAnswers.windows()
    for _ in range(3):  # the first serialises, the others reuse the bytes
        opening = _opening()
        assert _session_answer(opening, answers) == _psrpcore_answer(opening, answers.private_data)
    assert answers.hits == 6  # capability, private data and state, for the second and third pool


def test_a_pool_with_other_private_data_does_not_take_the_host_s_bytes() -> None:
    answers = OpeningAnswers.windows()
    _session_answer(_opening(), answers)  # the host's bytes are known now
    other = {"PSVersionTable": {"PSEdition": "Core"}}
    opening = _opening()
    pool = SimRunspacePool(DecodedMessageCache(), answers, application_private_data=other)
    pool.receive_data(PSRPPayload(opening, StreamType.default, None))
    while pool.next_event() is not None:
        pass
    answer = b""
    while (payload := pool.data_to_send(32 * 1024)) is not None:
        answer += payload.data
    assert answer == _psrpcore_answer(opening, other)
    assert b"Core" in answer


def _opening_of(protocol: str) -> bytes:
    client = ClientRunspacePool()
    client.our_capability = SessionCapability(PSVersion=PSVersion("2.0"), protocolversion=PSVersion(protocol),
                                              SerializationVersion=PSVersion("1.1.0.1"))
    client.open()
    return client.data_to_send().data


def test_each_pool_s_answers_are_keyed_by_its_own_client_s_versions() -> None:
    answers = OpeningAnswers.windows()
    for protocol, hits in (("2.3", 0), ("2.2", 0), ("2.2", 3), ("2.3", 6)):
        opening = _opening_of(protocol)
        assert _session_answer(opening, answers) == _psrpcore_answer(opening, answers.private_data)
        assert answers.hits == hits


@pytest.mark.parametrize("text", ["2.0", "2.3", "1.1.0.1", "5.1.20348.2849", "10.0.20348"])
def test_a_version_s_text_is_psrpcore_s(text: str) -> None:
    version = PSVersion(text)
    assert _version_text(version) == str(version) == text
    assert _version_text(PSVersion(major=1, minor=2)) == "1.2" and _version_text("2.3") == "2.3"
