"""Core's listener callbacks as Qt signals, feeding the models once per event-loop turn."""

from __future__ import annotations

import time

from PySide6.QtCore import SIGNAL, QObject, QTimer, Signal

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.host_listener import HostListener
from hvmanager.core.host_status import HostStatus
from hvmanager.domain.vm_diff import VmDiff
from hvmanager.models.command_log_model import CommandLogModel
from hvmanager.models.diff_batch import DiffBatch
from hvmanager.models.server_tree_model import ServerTreeModel
from hvmanager.models.vm_table_model import VmTableModel


class _Listener:
    """The ``HostListener`` protocol, forwarding to the bridge (a Qt signal cannot share
    its name with a method, and the protocol's names are the signals' names)."""

    def __init__(self, bridge: "InventoryBridge") -> None:
        self._bridge = bridge

    def host_status_changed(self, server_key: str, status: HostStatus) -> None:
        self._bridge.receive_status(server_key, status)

    def vms_changed(self, server_key: str, diff: VmDiff) -> None:
        self._bridge.receive_diff(server_key, diff)

    def command_logged(self, entry: CommandLogEntry) -> None:
        self._bridge.receive_log_entry(entry)


#: How long diffs and log entries gather before the table applies them in one pass: not
#: the next turn but a few frames later, so hundreds of hosts answering over a few seconds
#: cost a few dozen table passes (each re-maps rows and relays out the view), not hundreds;
#: 50 ms is below what the eye notices...
FLUSH_DELAY_MS = 50
#: ...and at most one pass per this many milliseconds. Each pass that touches what is on
#: screen repaints the table and the log (a few thousand data() calls): hundreds of hosts
#: refreshing every few seconds would otherwise repaint them 20 times a second.
FLUSH_INTERVAL_MS = 250

# The signals' signatures, to ask whether anything is connected before emitting.
_STATUS_SIGNAL = SIGNAL("host_status_changed(QString,PyObject)")
_DIFF_SIGNAL = SIGNAL("vms_changed(QString,PyObject)")
_LOG_SIGNAL = SIGNAL("command_logged(PyObject)")
_APPLIED_SIGNAL = SIGNAL("vms_applied()")


class InventoryBridge(QObject):
    """Adapts core to Qt: pass :attr:`listener` to ``Inventory``; connect to the signals.

    Statuses go to the server tree at once (one node repaint). VM diffs and log entries
    are held for ``FLUSH_DELAY_MS`` (and ``FLUSH_INTERVAL_MS`` from the last pass), then
    each host's diffs are merged and the table applies all hosts in one pass: 200 hosts
    finishing a refresh together cost one insert batch, not 200. ``vms_changed`` is
    emitted per host with the merged diff after the table is updated, then
    ``vms_applied`` once.
    """

    host_status_changed = Signal(str, object)
    vms_changed = Signal(str, object)
    command_logged = Signal(object)
    vms_applied = Signal()

    def __init__(self, table: VmTableModel | None = None, servers: ServerTreeModel | None = None,
                 log: CommandLogModel | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table, self._servers, self._log = table, servers, log
        self._listener = _Listener(self)
        self._diffs = DiffBatch()
        self._entries: list[CommandLogEntry] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)  # ``_schedule`` starts it with the delay due
        self._timer.timeout.connect(self.flush)
        self._flushed_at = float("-inf")  # time.monotonic() of the last pass

    @property
    def listener(self) -> HostListener:
        """What core calls: ``Inventory(bridge.listener)``."""
        return self._listener

    def add_server(self, key: str, title: str, unverified_certificate: bool = False) -> None:
        """Show a server in the tree (marked when its certificate is not checked) and name
        it in the table's Host column."""
        if self._servers is not None:
            self._servers.add_server(key, title, unverified_certificate)
        if self._table is not None:
            self._table.set_host_title(key, title)

    def remove_server(self, key: str) -> None:
        """Forget a server: its node, its pending diffs and its rows."""
        self.flush()
        if self._servers is not None:
            self._servers.remove_server(key)
        if self._table is not None:
            self._table.remove_host(key)

    def receive_status(self, server_key: str, status: HostStatus) -> None:
        """A host's state changed: repaint its node now and re-emit."""
        if self._servers is not None:
            self._servers.set_status(server_key, status)
        # An emit without receivers still crosses into Qt (and hands the GIL over to the
        # transport threads and back): 200 hosts report twice per refresh.
        if self.receivers(_STATUS_SIGNAL):
            self.host_status_changed.emit(server_key, status)

    def receive_diff(self, server_key: str, diff: VmDiff) -> None:
        """Queue a diff for this turn's batch."""
        self._diffs.add(server_key, diff)
        self._schedule()

    def receive_log_entry(self, entry: CommandLogEntry) -> None:
        """Queue a log entry for this turn's batch."""
        self._entries.append(entry)
        self._schedule()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            since_ms = (time.monotonic() - self._flushed_at) * 1000.0
            self._timer.start(int(max(FLUSH_DELAY_MS, FLUSH_INTERVAL_MS - since_ms)))

    def flush(self) -> None:
        """Apply everything queued now (also run by the timer)."""
        self._timer.stop()
        self._flushed_at = time.monotonic()
        entries, self._entries = self._entries, []
        if entries:
            if self._log is not None:
                self._log.extend(entries)
            if self.receivers(_LOG_SIGNAL):
                for entry in entries:
                    self.command_logged.emit(entry)
        if not self._diffs:
            return
        merged = self._diffs.take()
        if self._table is not None and merged:
            self._table.apply_diffs(merged)
        if self.receivers(_DIFF_SIGNAL):
            for server_key, diff in merged:
                self.vms_changed.emit(server_key, diff)
        if merged and self.receivers(_APPLIED_SIGNAL):
            self.vms_applied.emit()
