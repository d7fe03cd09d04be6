"""``--demo --screenshot FILE``: wait for every host's first refresh, save the window, exit."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QTimer

from hvmanager.core.host_state import HostState
from hvmanager.models.roles import ServerKeyRole, VmRole

#: After the data is in: let the Details and Checkpoints queries land and paint.
SETTLE_S = 1.5


class ScreenshotJob:
    """Polls (100 ms) until every session has refreshed once and the table holds their
    VMs, selects a VM of the last host with checkpoints so the lower panes show
    something, waits briefly,
    grabs the window as PNG and calls ``finish(0)``; after ``timeout_s`` it says why on
    stderr and calls ``finish(2)``."""

    def __init__(self, desktop, path: Path, timeout_s: float,
                 finish: Callable[[int], None]) -> None:
        self._desktop = desktop
        self._path = path
        self._deadline = time.monotonic() + timeout_s
        self._finish = finish
        self._timer = QTimer()
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self._settle_until: float | None = None
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        """Begin polling."""
        self._timer.start()

    def _ready(self) -> bool:
        sessions = self._desktop.inventory.sessions
        if not sessions or any(s.status.last_refresh is None for s in sessions):
            return False
        expected = sum(len(s.vms) for s in sessions)
        return self._desktop.models.table.rowCount() >= expected

    def _poll(self) -> None:
        now = time.monotonic()
        if self._settle_until is None:
            if self._ready() and self._task is None:
                self._select_example()
            elif now > self._deadline:
                self._fail()
            return
        if now >= self._settle_until:
            self._timer.stop()
            self._save()

    def _select_example(self) -> None:
        # The legacy host: Generation 1 and 2 side by side, checkpoints below.
        self._desktop.window.server_tree.select_server(self._desktop.inventory.sessions[-1].key)
        self._task = asyncio.ensure_future(self._select_vm_with_checkpoints())

    async def _select_vm_with_checkpoints(self) -> None:
        # The legacy demo host (last) has checkpoints on some VMs: show one of those, so
        # the screenshot has every pane filled.
        session = self._desktop.inventory.sessions[-1]
        chosen = next(iter(session.vms), None)
        for vm_id in list(session.vms)[:8]:
            try:
                tree = await session.checkpoints(vm_id)
            except Exception:
                break
            if tree.checkpoints:
                chosen = vm_id
                break
        proxy = self._desktop.models.proxy
        window = self._desktop.window
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            if index.data(ServerKeyRole) == session.key and index.data(VmRole).vm_id == chosen:
                window.vm_pane.select_rows([row])
                window.vm_table.scrollTo(index)
                break
        window.vm_table.resizeColumnsToContents()
        self._settle_until = time.monotonic() + SETTLE_S

    def _save(self) -> None:
        window = self._desktop.window
        selected = window.vm_table.selectionModel().selectedRows()
        if selected:
            window.vm_table.scrollTo(selected[0])
        self._path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(self._path), "PNG"):
            print(f"hvmanager: could not write {self._path}", file=sys.stderr)
            self._finish(1)
            return
        print(f"hvmanager: saved {self._path}", file=sys.stderr)
        self._finish(0)

    def _fail(self) -> None:
        self._timer.stop()
        waiting = [f"{s.title} ({s.status.state.value}"
                   f"{': ' + s.status.message if s.status.message else ''})"
                   for s in self._desktop.inventory.sessions
                   if s.status.last_refresh is None or s.status.state is HostState.ERROR]
        print("hvmanager: screenshot timed out waiting for: " + (", ".join(waiting) or "the table"),
              file=sys.stderr)
        self._finish(2)
