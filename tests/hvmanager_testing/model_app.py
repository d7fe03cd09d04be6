"""The app's core and models without the window: Inventory -> InventoryBridge -> models.

For fault and LAN tests: what the server tree shows (state, tooltip), what the VM table
lists, and when each host last finished a refresh, driven through the running qasync loop.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import replace
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.exceptions import TimeoutError as WaitTimeout

from hvmanager.app.desktop_app import build_models
from hvmanager.core.host_session import HostSession
from hvmanager.core.host_status import HostStatus
from hvmanager.core.inventory import Inventory
from hvmanager.domain.server_config import ServerConfig
from hvmanager.models import roles
from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.network_loop import NetworkLoop
from hvmanager.remoting.session_factory import create_session

#: Per-host worker threads (local, Kerberos and CredSSP sessions) and network loops.
WORKER_PREFIX = ("hvmanager-session-", "hvmanager-network")


def capped_factory(max_response_bytes: int, network: NetworkLoop | None = None) -> Callable[[ConnectionInfo], Any]:
    """The real session factory with a smaller answer cap (a hostile host hits it sooner); the
    WinRM sessions on ``network`` (shared, as the inventory's own factory does) if given."""
    return lambda info: create_session(replace(info, max_response_bytes=max_response_bytes), network=network)


class ModelApp:
    """Core plus the window's models; ``refreshed_at[key]`` lists when each refresh ended."""

    def __init__(self, qtbot: Any, **inventory_options: Any) -> None:
        self.qtbot = qtbot
        self.models, self.bridge = build_models(ColumnRegistry.standard())
        self.inventory = Inventory(self.bridge.listener, **inventory_options)
        self.refreshed_at: dict[str, list[float]] = {}
        self.bridge.host_status_changed.connect(self._status_changed)

    def _status_changed(self, key: str, status: HostStatus) -> None:
        times = self.refreshed_at.setdefault(key, [])
        if status.last_refresh is not None and status.state.is_usable and not status.error_kind:
            stamp = status.last_refresh.timestamp()
            if not times or times[-1][1] != stamp:
                times.append((time.monotonic(), stamp))

    # --- servers ---------------------------------------------------------------------

    def add(self, config: ServerConfig, password: str | None) -> HostSession:
        """Add a server to the tree and core (as the app's catalog does)."""
        self.bridge.add_server(config.key, config.title)
        return self.inventory.add(config, password)

    def remove(self, key: str, timeout_s: float = 5.0) -> None:
        """Remove a server from core and the tree (bounded)."""
        self.bridge.remove_server(key)
        self.run(self.inventory.remove(key, timeout_s), timeout_s + 2)

    def reconnect(self, config: ServerConfig, password: str | None) -> HostSession:
        """What Connect to Server does for a present server with new settings: replace it."""
        self.run(self.inventory.remove(config.key))
        self.bridge.add_server(config.key, config.title)
        return self.inventory.add(config, password)

    def shutdown(self) -> None:
        """Close every session (bounded), then delete the bridge (it owns a timer) and the
        models here, on the Qt thread, not wherever a garbage collection happens to run."""
        self.run(self.inventory.shutdown(3.0), 6)
        models = self.models
        for qobject in (self.bridge, models.proxy, models.table, models.tree, models.log,
                        models.checkpoints):
            qobject.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # --- what the user sees ------------------------------------------------------------

    def status(self, key: str) -> HostStatus | None:
        """The status the server tree shows for ``key``."""
        return self.models.tree.status(key)

    def tooltip(self, key: str) -> str:
        """The server node's tooltip."""
        return self.models.tree.index_for(key).data(Qt.ItemDataRole.ToolTipRole) or ""

    def node_text(self, key: str) -> str:
        """The server node's text."""
        return self.models.tree.index_for(key).data(Qt.ItemDataRole.DisplayRole) or ""

    def rows(self, key: str | None = None) -> list[Any]:
        """The VMs the table lists (of one server, or all)."""
        table = self.models.table
        found = []
        for row in range(table.rowCount()):
            if key is None or table.server_key_at(row) == key:
                found.append(table.vm_at(row))
        return found

    # --- waiting ----------------------------------------------------------------------

    def wait(self, condition: Callable[[], bool], timeout_s: float, what: str = "") -> float:
        """Spin Qt and asyncio until ``condition``; returns the seconds it took."""
        began = time.monotonic()
        try:
            self.qtbot.waitUntil(condition, timeout=int(timeout_s * 1000))
        except (AssertionError, TimeoutError, WaitTimeout):
            raise AssertionError(f"not within {timeout_s} s: {what}") from None
        return time.monotonic() - began

    def run(self, coroutine: Any, timeout_s: float = 10.0) -> Any:
        """Run a coroutine on the running loop (qtbot spins it) and return its result."""
        task = asyncio.ensure_future(coroutine)
        self.qtbot.waitUntil(task.done, timeout=int(timeout_s * 1000))
        return task.result()

    def refreshed_since(self, key: str, moment: float) -> bool:
        """True once ``key`` finished a refresh after ``moment`` (monotonic)."""
        return any(at > moment for at, _ in self.refreshed_at.get(key, []))

    def worst_gap(self, key: str, start: float, end: float) -> float:
        """The longest time without a finished refresh of ``key`` within [start, end]."""
        moments = [start] + [at for at, _ in self.refreshed_at.get(key, []) if start < at < end] + [end]
        return max(b - a for a, b in zip(moments, moments[1:]))


def worker_threads() -> list[threading.Thread]:
    """The client's transport threads alive now (worker threads and network loops)."""
    return [t for t in threading.enumerate() if t.name.startswith(WORKER_PREFIX) and t.is_alive()]


def open_tasks() -> list[asyncio.Task]:
    """Unfinished asyncio tasks of the running loop."""
    return [task for task in asyncio.all_tasks() if not task.done()]
