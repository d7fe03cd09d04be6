"""Build the real desktop app against simulator labs for GUI tests, and take it down."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QTimer

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.server_config import ServerConfig
from hvmanager.models import roles


def lab_server(host: Any) -> tuple[ServerConfig, str]:
    """The config (NTLM over the lab host's HTTP port) and password of a lab host."""
    config = ServerConfig(host.address, port=host.port, auth=AuthMethod.NTLM,
                          user_name=host.user, display_name=host.name)
    return config, host.password


def connect_lab(desktop: Any, lab: Any) -> list[str]:
    """Add every host of ``lab`` to the app (session only); returns their server keys."""
    keys = []
    for host in lab.hosts:
        config, password = lab_server(host)
        desktop.catalog.connect(config, password)
        keys.append(config.key)
    return keys


def tree_node(tree_model: Any, server_key: str) -> QModelIndex:
    """The server tree's node of ``server_key`` (invalid when absent)."""
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(tree_model.rowCount(parent)):
            index = tree_model.index(row, 0, parent)
            if index.data(roles.ServerKeyRole) == server_key:
                return index
            pending.append(index)
    return QModelIndex()


def shown_rows(proxy: Any) -> list[tuple[str, Any]]:
    """``(server_key, vm)`` of every row the VM table shows, top to bottom."""
    return [(proxy.index(row, 0).data(roles.ServerKeyRole), proxy.index(row, 0).data(roles.VmRole))
            for row in range(proxy.rowCount())]


class TickGap:
    """The largest gap between the ticks of a 5 ms QTimer: how long the Qt thread was busy."""

    def __init__(self, period_ms: int = 5) -> None:
        self.period_s = period_ms / 1000
        self.largest = 0.0
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setInterval(period_ms)
        self._timer.timeout.connect(self._tick)

    def __enter__(self) -> "TickGap":
        self._last = time.monotonic()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        # Deleted here, on the Qt thread: left to the garbage collector, a QTimer may be
        # freed by whichever thread happens to collect (a transport's worker), leaving a
        # dangling timer in this thread's dispatcher that crashes a later test.
        self._timer.stop()
        self._timer.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _tick(self) -> None:
        now = time.monotonic()
        self.largest = max(self.largest, now - self._last - self.period_s)
        self._last = now


def shut_down(desktop: Any, qtbot: Any, timeout_s: float = 8.0) -> None:
    """Close the window and every session through the running qasync loop (no nested run)."""
    if getattr(desktop, "_test_disposed", False):
        return  # already shut down by the test itself
    desktop._test_disposed = True
    task = asyncio.ensure_future(desktop.shutdown(3.0))
    qtbot.waitUntil(task.done, timeout=int(timeout_s * 1000))
    task.result()
    # Delete the window (its views, timers and dialogs) now, before the models it shows
    # are garbage-collected: later tests must not process events of a half-dead window.
    # The models and the bridge (which owns a timer) go the same way, on this thread, for
    # the reason TickGap gives.
    if shiboken6.isValid(desktop.window):  # a test may have deleted it already
        desktop.window.deleteLater()
    for qobject in (desktop.bridge, desktop.catalog, desktop.models.proxy, desktop.models.table,
                    desktop.models.tree, desktop.models.log, desktop.models.checkpoints):
        qobject.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
