"""The actions benchmark's round through core alone (no window): where a bulk action's time goes.

For every host of a running lab: the action pipelines it ran (count and seconds until its
last result), then the refresh that ``run_action`` asks for (its start and end), all from
the command log core reports; plus this process's CPU. Comparing ``shown_s`` here with the
window's ``done_and_shown_s`` gives the Qt side.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any, Sequence

from bench.lab_process import LabHostInfo

_REFRESH = "Get-VM | Select-Object"


class _Log:
    """A HostListener keeping each host's log entries with the moment they arrived."""

    def __init__(self) -> None:
        self.entries: list[tuple[float, Any]] = []
        self.changed = asyncio.Event()

    def host_status_changed(self, server_key: str, status: Any) -> None:
        """Unused."""

    def vms_changed(self, server_key: str, diff: Any) -> None:
        """Unused: the refresh's log entry marks when the new states are known."""

    def command_logged(self, entry: Any) -> None:
        self.entries.append((time.monotonic(), entry))
        self.changed.set()


async def _round(hosts: Sequence[LabHostInfo], action_key: str) -> dict[str, Any]:
    from hvmanager.core.inventory import Inventory
    from hvmanager.domain.auth_method import AuthMethod
    from hvmanager.domain.server_config import ServerConfig
    from hvmanager.hyperv.vm_action import VmAction

    log = _Log()
    inventory = Inventory(log, refresh_interval_s=0)
    for host in hosts:
        inventory.add(ServerConfig.from_address(host.url, user_name=host.user, auth=AuthMethod.NTLM),
                      host.password)
    sessions = inventory.sessions
    try:
        await asyncio.gather(*(s.refresh() for s in sessions))
        # Every VM off first (not measured), as the window's round does.
        await asyncio.gather(*(s.run_action(VmAction.TURN_OFF, list(s.vms)) for s in sessions))
        await asyncio.gather(*(s.refresh() for s in sessions))
        log.entries.clear()
        action = VmAction.from_key(action_key)
        began, cpu = time.monotonic(), time.process_time()

        async def on(session: Any) -> dict[str, Any]:
            results = await session.run_action(action, list(session.vms))
            back = time.monotonic()
            while True:  # the refresh run_action asked for, logged after the last result
                refreshes = [(at, e) for at, e in log.entries if e.server_key == session.key
                             and e.powershell.startswith(_REFRESH) and at >= back]
                if refreshes:
                    break
                log.changed.clear()
                await asyncio.wait_for(log.changed.wait(), 30)
            done, refresh = refreshes[0]
            pipelines = [e for _, e in log.entries if e.server_key == session.key
                         and not e.powershell.startswith(_REFRESH)]
            return {"ok": sum(r.ok for r in results), "vms": len(results),
                    "pipelines": len(pipelines), "results_back_s": back - began,
                    "refresh_s": refresh.duration_s, "shown_s": done - began}

        per_host = await asyncio.gather(*(on(s) for s in sessions))
        cpu_s = time.process_time() - cpu
    finally:
        await inventory.shutdown()
    return {"action": action_key, "ok": sum(h["ok"] for h in per_host),
            "vms": sum(h["vms"] for h in per_host),
            "pipelines_per_host": max(h["pipelines"] for h in per_host),
            "results_back_s": round(max(h["results_back_s"] for h in per_host), 3),
            "shown_s": round(max(h["shown_s"] for h in per_host), 3),
            "median_host_results_back_s": round(
                statistics.median(h["results_back_s"] for h in per_host), 3),
            "median_refresh_s": round(statistics.median(h["refresh_s"] for h in per_host), 3),
            "cpu_s": round(cpu_s, 3)}


def core_action_round(hosts: Sequence[LabHostInfo], action_key: str = "start") -> dict[str, Any]:
    """Run the round on a fresh event loop and return its figures."""
    return asyncio.run(_round(hosts, action_key))
