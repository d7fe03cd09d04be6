"""Helpers for the remoting integration tests: lab hosts as connection descriptions, loop gaps.

Kept out of conftest.py so test modules can import them (conftest modules of different
folders share the module name ``conftest``).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from hvmanager.remoting.connection_info import CertificatePolicy, ConnectionInfo


def info_for(host: Any, **overrides: Any) -> ConnectionInfo:
    """A connection description of a lab host (NTLM over its transport, validated by its CA)."""
    options: dict[str, Any] = {
        "address": host.address,
        "transport": host.transport,
        "port": host.port,
        "auth": "ntlm",
        "user": host.user,
        "password": host.password,
        "connect_timeout_s": 3.0,
        "operation_timeout_s": 10.0,
    }
    if host.transport == "https":
        options.update(certificate_policy=CertificatePolicy.CA_FILE, ca_file=host.ca_file)
    options.update(overrides)
    return ConnectionInfo(**options)


async def largest_tick_gap(until: asyncio.Future, period_s: float = 0.005) -> float:
    """The largest gap between 5 ms ticks of the event loop while ``until`` is pending."""
    largest = 0.0
    last = time.monotonic()
    while not until.done():
        await asyncio.sleep(period_s)
        now = time.monotonic()
        largest = max(largest, now - last - period_s)
        last = now
    return largest
