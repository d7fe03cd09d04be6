"""Dialog tests that need a host: simulator labs on loopback and real HostSessions to them."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hvmanager.core.host_session import HostSession
from hvmanager.domain import AuthMethod, ServerConfig
from hvmanager.simulator.lab import Lab
from hvmanager_testing.lab_fixture import lab_fixture


class RecordingListener:
    """A HostListener that keeps what it was told."""

    def __init__(self) -> None:
        self.statuses: list[Any] = []
        self.diffs: list[Any] = []
        self.commands: list[Any] = []

    def host_status_changed(self, server_key, status) -> None:
        self.statuses.append(status)

    def vms_changed(self, server_key, diff) -> None:
        self.diffs.append(diff)

    def command_logged(self, entry) -> None:
        self.commands.append(entry)


make_lab = lab_fixture(vms_per_host=3)


@pytest.fixture
def make_session(event_loop, qtbot):
    """Real HostSessions (NTLM over HTTP) to lab hosts, refreshed once; closed after the test."""
    sessions: list[HostSession] = []

    def make(lab: Lab, name: str | None = None, call_timeout_s: float = 10.0) -> HostSession:
        host = lab.hosts[0] if name is None else lab.host(name)
        config = ServerConfig(host.address, port=host.port, auth=AuthMethod.NTLM,
                              user_name=host.user, display_name=host.name)
        session = HostSession(config, RecordingListener(), password=host.password,
                              refresh_interval_s=0, call_timeout_s=call_timeout_s)
        sessions.append(session)
        task = asyncio.ensure_future(session.refresh())
        qtbot.waitUntil(task.done, timeout=15000)
        assert session.status.state.is_usable, session.status
        return session

    yield make
    closing = [asyncio.ensure_future(session.close(timeout_s=3.0)) for session in sessions]
    qtbot.waitUntil(lambda: all(task.done() for task in closing), timeout=10000)
