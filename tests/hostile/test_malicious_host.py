"""A hostile host (its own process, so the Qt thread's stalls are the client's alone):
endless bodies, entity-laden and deeply nested XML, wrongly typed properties and output
without end. The window keeps ticking, memory stays bounded, the other host is served and
the hostile one shows a protocol error in its node."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hvmanager.core.host_state import HostState
from hvmanager.domain import AuthMethod, ServerConfig
from hvmanager.remoting.network_loop import NetworkLoop
from hvmanager.remoting.winrm_session import WinRMSession
from hvmanager.remoting.wsman_session import WSManSession
from hvmanager_testing.gui_app import TickGap

REPO = Path(__file__).resolve().parents[2]
# The hostile host has its own process, so a stall is the client's own (or the scheduler's
# on a busy two-core machine); a window that parsed or buffered the attack would stall seconds.
UI_STALL_S = 0.5
MIB = 1024 * 1024


@pytest.fixture
def hostile_lab():
    """Two hosts in a child process; HV02 gets the fault named by the test."""
    processes: list[subprocess.Popen] = []

    def start(fault: str) -> list[dict]:
        process = subprocess.Popen(
            [sys.executable, "-m", "hvmanager.simulator", "--hosts", "2", "--vms-per-host", "3",
             "--time-scale", "0.01", "--fault", f"HV02={fault}"],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        processes.append(process)
        hosts = []
        for line in process.stdout:
            entry = json.loads(line)
            if entry.get("ready"):
                return hosts
            hosts.append(entry)
        raise RuntimeError("the simulator ended before it was ready")

    yield start
    for process in processes:
        process.terminate()
        process.wait(10)
        process.stdout.close()


@pytest.fixture(params=["pypsrp", "psrpcore"])
def winrm_session(request: pytest.FixtureRequest) -> type:
    """Each WinRM session class in turn: pypsrp's WSManSession and ours on psrpcore."""
    return {"pypsrp": WSManSession, "psrpcore": WinRMSession}[request.param]


@pytest.fixture
def network():
    """One network loop for both hosts' WinRMSessions, as the window's inventory gives them:
    the hostile host's answers are read on the thread that serves the healthy one too."""
    loop = NetworkLoop("hvmanager-network")
    yield loop
    loop.close(2.0)


def _factory(session_class: type, network: NetworkLoop, cap: int | None):
    def make(info):
        info = replace(info, max_response_bytes=cap) if cap else info
        if session_class is WinRMSession:
            return WinRMSession(info, network=network)
        return session_class(info)
    return make


def _config(entry: dict) -> ServerConfig:
    address, port = entry["url"].split("//")[1].split("/")[0].rsplit(":", 1)
    return ServerConfig(address, port=int(port), auth=AuthMethod.NTLM, user_name=entry["user"],
                        display_name=entry["name"])


# fault, answer cap (None: the app's default of 64 MiB), what the node must say
CASES = [
    ("huge_response", None, "sent more than 64 MiB"),
    ("endless_receive", 4 * MIB, "sent more than 4 MiB"),
    ("entity_xml", None, "document type declaration"),
    ("deep_xml", None, "not valid PowerShell Remoting"),
]


@pytest.mark.parametrize(("fault", "cap", "words"), CASES, ids=[case[0] for case in CASES])
def test_hostile_host_is_refused_without_freezing_or_bloating(hostile_lab, make_app, qtbot,
                                                              fault, cap, words, winrm_session, network):
    good, bad = hostile_lab(fault)
    desktop = make_app(session_factory=_factory(winrm_session, network, cap))
    tracemalloc.start()
    with TickGap() as ui:
        for entry in (good, bad):
            desktop.catalog.connect(_config(entry), entry["password"])
        hostile = desktop.catalog.session(_config(bad).key)
        healthy = desktop.catalog.session(_config(good).key)
        qtbot.waitUntil(lambda: hostile.status.state is HostState.ERROR, timeout=20000)
        qtbot.waitUntil(lambda: healthy.status.vm_count == 3, timeout=10000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert hostile.status.error_kind == "protocol" and words in hostile.status.message
    assert words in desktop.models.tree.index_for(hostile.key).data(Qt.ItemDataRole.ToolTipRole)
    assert healthy.status.state.is_usable
    assert ui.largest < UI_STALL_S, f"the Qt thread stalled {ui.largest:.3f} s"
    # The cap bounds what one command may hold: its bytes, at most joined once more.
    limit = (cap or 64 * MIB) * 2 + 16 * MIB
    assert peak < limit, f"the client held {peak / MIB:.0f} MiB at its peak"
