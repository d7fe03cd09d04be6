"""A HostListener that records every callback, and waits for conditions on the event loop."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Callable

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.host_state import HostState
from hvmanager.core.host_status import HostStatus
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_diff import VmDiff


class RecordingListener:
    """Keeps statuses, diffs and log entries per server, and a VM table rebuilt from diffs only
    (as a Qt model would), so tests check that the diffs alone describe the host."""

    def __init__(self) -> None:
        self.statuses: dict[str, list[HostStatus]] = {}
        self.diffs: dict[str, list[VmDiff]] = {}
        self.log: list[CommandLogEntry] = []
        self.tables: dict[str, dict[uuid.UUID, VirtualMachine]] = {}
        self.thread_ids: set[int] = set()

    def host_status_changed(self, server_key: str, status: HostStatus) -> None:
        self._seen()
        self.statuses.setdefault(server_key, []).append(status)

    def vms_changed(self, server_key: str, diff: VmDiff) -> None:
        self._seen()
        assert not diff.empty, "listeners never get empty diffs"
        self.diffs.setdefault(server_key, []).append(diff)
        table = self.tables.setdefault(server_key, {})
        for vm in diff.removed:
            assert vm.vm_id in table
            del table[vm.vm_id]
        for vm in diff.added:
            assert vm.vm_id not in table
            table[vm.vm_id] = vm
        for change in diff.changed:
            assert table[change.old.vm_id] == change.old
            table[change.new.vm_id] = change.new

    def command_logged(self, entry: CommandLogEntry) -> None:
        self._seen()
        self.log.append(entry)

    def _seen(self) -> None:
        import threading

        self.thread_ids.add(threading.get_ident())

    def states(self, server_key: str) -> list[HostState]:
        """The states reported for one server, in order."""
        return [status.state for status in self.statuses.get(server_key, [])]

    def last(self, server_key: str) -> HostStatus | None:
        """The last status of one server."""
        statuses = self.statuses.get(server_key)
        return statuses[-1] if statuses else None


async def wait_for(condition: Callable[[], bool], timeout_s: float = 10.0, what: str = "") -> float:
    """Poll ``condition`` on the loop until true; returns the seconds waited."""
    began = time.monotonic()
    while not condition():
        if time.monotonic() - began > timeout_s:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what or condition}")
        await asyncio.sleep(0.01)
    return time.monotonic() - began
