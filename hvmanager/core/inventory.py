"""All host sessions of the app: added, removed, refreshed and shut down together."""

from __future__ import annotations

import asyncio
import functools
import time
from typing import Iterable

from hvmanager.core.host_commands import SessionFactory
from hvmanager.core.host_listener import HostListener
from hvmanager.core.host_session import HostSession
from hvmanager.domain.server_config import ServerConfig
from hvmanager.hyperv.vm_property import VmProperty
from hvmanager.remoting.network_loop import NetworkLoop
from hvmanager.remoting.session_factory import create_session


class Inventory:
    """Owns one ``HostSession`` per server (in add order).

    Sessions connect in parallel, at most ``connect_limit`` at once across all hosts, so
    hundreds of servers neither open hundreds of sockets at once nor wait for each other
    one by one; a dead host holds one slot for at most the call timeout. 64 by default:
    a connect is mostly waiting (TCP, the NTLM legs, the pool's opening), and on the one
    network thread a wider window costs no threads (200 hosts at 50 ms latency: all rows
    3.1 -> 2.6 s from 32 to 64; 128 gained nothing). Call from the event loop's thread.

    With the default session factory every WinRM host's I/O runs on one ``NetworkLoop``
    the inventory owns (its thread starts with the first WinRM call and stops at
    ``shutdown``): one network thread for all hosts instead of one per host.
    """

    def __init__(self, listener: HostListener, *, session_factory: SessionFactory | None = None,
                 connect_limit: int = 64, refresh_interval_s: float = 5.0,
                 call_timeout_s: float = 30.0, action_concurrency: int = 4,
                 retry_initial_s: float = 2.0, retry_max_s: float = 60.0) -> None:
        if connect_limit < 1:
            raise ValueError("connect_limit must be at least 1")
        self._listener = listener
        self._network: NetworkLoop | None = None
        if session_factory is None:
            self._network = NetworkLoop()
            session_factory = functools.partial(create_session, network=self._network)
        self._factory = session_factory
        self._limiter = asyncio.Semaphore(connect_limit)
        self._refresh_interval_s = refresh_interval_s
        self._call_timeout_s = call_timeout_s
        self._action_concurrency = action_concurrency
        self._retry = (retry_initial_s, retry_max_s)
        self._properties: tuple[VmProperty | str, ...] = ()
        self._sessions: dict[str, HostSession] = {}
        self._shut_down = False

    def add(self, config: ServerConfig, password: str | None = None) -> HostSession:
        """Create and start the session of ``config`` (ValueError if its key is present)."""
        if self._shut_down:
            raise RuntimeError("the inventory is shut down")
        if config.key in self._sessions:
            raise ValueError(f"{config.title} ({config.key}) is already in the inventory")
        session = HostSession(
            config, self._listener, password=password, session_factory=self._factory,
            refresh_interval_s=self._refresh_interval_s, call_timeout_s=self._call_timeout_s,
            action_concurrency=self._action_concurrency, connect_limiter=self._limiter,
            properties=self._properties, retry_initial_s=self._retry[0], retry_max_s=self._retry[1])
        session.start()  # first: without a running loop it raises and nothing is kept
        self._sessions[config.key] = session
        return session

    async def remove(self, key: str, timeout_s: float = 5.0) -> None:
        """Close one session (bounded) without touching the others; unknown keys are ignored."""
        session = self._sessions.pop(key, None)
        if session is not None:
            await session.close(timeout_s)

    def session(self, key: str) -> HostSession:
        """The session of a server key (KeyError if none)."""
        return self._sessions[key]

    def __contains__(self, key: object) -> bool:
        return key in self._sessions

    def __len__(self) -> int:
        return len(self._sessions)

    @property
    def sessions(self) -> tuple[HostSession, ...]:
        """Every session, in add order."""
        return tuple(self._sessions.values())

    def set_properties(self, properties: Iterable[VmProperty | str]) -> None:
        """What every refresh selects from now on (the visible columns' needs)."""
        self._properties = tuple(properties)
        for session in self._sessions.values():
            session.set_properties(self._properties)

    def set_refresh_interval(self, seconds: float) -> None:
        """The period of every session (and of sessions added later)."""
        self._refresh_interval_s = seconds
        for session in self._sessions.values():
            session.set_refresh_interval(seconds)

    def refresh_all(self) -> None:
        """Ask every session for a refresh (coalesced per host)."""
        for session in self._sessions.values():
            session.refresh_soon()

    async def shutdown(self, timeout_s: float = 5.0) -> None:
        """Close every session at once, then the network thread, all within ``timeout_s``:
        the sessions' loops and tasks are cancelled, transports closed, the network loop
        stopped and any worker threads (local, Kerberos, CredSSP sessions) joined (a thread
        stuck on a dead host is a daemon and is left behind rather than waited for)."""
        self._shut_down = True
        sessions = list(self._sessions.values())
        self._sessions.clear()
        deadline = time.monotonic() + timeout_s
        if sessions:
            # Each session gets slightly less than the whole bound so its own cleanup finishes in it.
            per_session = max(0.1, timeout_s * 0.9)
            tasks = [asyncio.get_running_loop().create_task(s.close(per_session)) for s in sessions]
            _done, pending = await asyncio.wait(tasks, timeout=max(0.0, deadline - time.monotonic()))
            for task in pending:
                task.cancel()
        if self._network is not None:
            await self._network.aclose(max(0.0, deadline - time.monotonic()))
