"""Our WinRM transport's own promises: few round trips on one connection, the pipeline
released after its result was handed back, and no thread left after close."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from hvmanager_testing.remoting_helpers import info_for

from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.winrm_session import WinRMSession

GET_VM = Pipeline.of(Command("Get-VM"))


def _settled(condition, timeout_s: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_refresh_is_command_receive_and_a_release_after_the_result_on_one_connection(make_lab):
    lab = make_lab()
    server = lab.hosts[0].server

    async def scenario():
        session = WinRMSession(info_for(lab.hosts[0]))
        try:
            first = await session.run(GET_VM, timeout=10)
            # Create, the pool's Receive, Command and one Receive (the auth legs carry no
            # envelope of their own); the release may still be on its way.
            answered_first = server.requests
            await asyncio.to_thread(_settled, lambda: server.requests == 5)
            after_first = server.requests
            second = await session.run(GET_VM, timeout=10)
            await asyncio.to_thread(_settled, lambda: server.requests == 8)
            return first, second, answered_first, after_first, server.requests
        finally:
            await session.close()

    first, second, answered_first, after_first, after_second = asyncio.run(scenario())
    assert len(first.records) == len(second.records) == 3
    assert answered_first in (4, 5) and after_first == 5
    assert after_second == 8  # Command, Receive, then the release
    assert server.connections == 1  # kept alive: NTLM and sealing set up once


@pytest.mark.parametrize("auth", ["ntlm", "negotiate"])
def test_requests_after_the_handshake_are_sealed_directly(make_lab, auth):
    lab = make_lab()

    async def scenario():
        session = WinRMSession(info_for(lab.hosts[0], auth=auth))
        try:
            first = await session.run(GET_VM, timeout=10)
            second = await session.run(GET_VM, timeout=10)
            channel = session._channel
            return first, second, channel is not None and channel.seals_directly
        finally:
            await session.close()

    first, second, direct = asyncio.run(scenario())
    # The host's pyspnego checked every signature and sequence number of ours, and ours its.
    assert len(first.records) == len(second.records) == 3
    assert direct


def test_basic_over_https_needs_no_handshake(make_lab):
    lab = make_lab(transport="https")
    server = lab.hosts[0].server

    async def scenario():
        session = WinRMSession(info_for(lab.hosts[0], auth="basic"))
        try:
            result = await session.run(GET_VM, timeout=10)
            await asyncio.to_thread(_settled, lambda: server.requests == 5)  # the release
            return result, session.exchanges, server.requests
        finally:
            await session.close()

    result, exchanges, requests = asyncio.run(scenario())
    assert len(result.records) == 3
    # Create, Receive, Command, Receive, release: every exchange carried an envelope (no
    # 401 first leg), and the host counted each.
    assert exchanges == requests == 5
    assert server.connections == 1


def test_no_thread_is_left_after_close(make_lab):
    lab = make_lab(hosts=3)
    before = {thread.name for thread in threading.enumerate()}

    async def scenario():
        sessions = [WinRMSession(info_for(host)) for host in lab.hosts]
        await asyncio.gather(*(session.run(GET_VM, timeout=10) for session in sessions))
        await asyncio.gather(*(session.close() for session in sessions))

    asyncio.run(scenario())
    # Each session made a network loop of its own (none was given): their threads are gone.
    assert _settled(lambda: not {thread.name for thread in threading.enumerate()
                                 if thread.name.startswith("hvmanager-")} - before)
