"""Simulator labs on loopback for the remoting tests, and helpers to describe their hosts."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
import urllib.parse
from types import SimpleNamespace
from typing import Any, Callable

import pytest

from hvmanager.remoting.connection_info import CertificatePolicy, ConnectionInfo
from hvmanager.simulator.lab import Lab


@pytest.fixture
def make_lab() -> Callable[..., Lab]:
    """Start labs (small and fast by default); every one is stopped after the test."""
    labs: list[Lab] = []

    def make(**kwargs: Any) -> Lab:
        options = {"hosts": 1, "vms_per_host": 3, "time_scale": 0.01, **kwargs}
        lab = Lab(**options)
        lab.start()
        labs.append(lab)
        return lab

    yield make
    for lab in labs:
        lab.stop()


@pytest.fixture
def simulator_process() -> Callable[..., list[SimpleNamespace]]:
    """Start ``python -m hvmanager.simulator`` in its own process (its CPU never competes with the
    client's event loop for the GIL); returns host descriptions shaped like ``LabHost``."""
    processes: list[subprocess.Popen] = []

    def start(*arguments: str) -> list[SimpleNamespace]:
        process = subprocess.Popen([sys.executable, "-m", "hvmanager.simulator", *arguments],
                                   stdout=subprocess.PIPE, text=True)
        processes.append(process)
        hosts = []
        for line in process.stdout:
            entry = json.loads(line)
            if entry.get("ready"):
                return hosts
            url = urllib.parse.urlsplit(entry["url"])
            hosts.append(SimpleNamespace(address=url.hostname, port=url.port, **entry))
        raise RuntimeError(f"the simulator ended before it was ready (exit code {process.wait(5)})")

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        process.stdout.close()


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
