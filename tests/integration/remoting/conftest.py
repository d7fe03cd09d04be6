"""Simulator labs on loopback for the remoting tests, and helpers to describe their hosts."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
from types import SimpleNamespace
from typing import Callable

import pytest

from hvmanager_testing.lab_fixture import lab_fixture

from hvmanager.remoting.winrm_session import WinRMSession
from hvmanager.remoting.wsman_session import WSManSession


make_lab = lab_fixture(vms_per_host=3)

#: The two WinRM sessions that must behave alike: pypsrp's and ours on psrpcore.
WINRM_SESSIONS = {"pypsrp": WSManSession, "psrpcore": WinRMSession}


@pytest.fixture(params=sorted(WINRM_SESSIONS))
def session_class(request: pytest.FixtureRequest) -> type:
    """Each WinRM session class in turn (every WinRM test runs against both)."""
    return WINRM_SESSIONS[request.param]


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
