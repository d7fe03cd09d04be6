"""Core reports to one listener; the app has several (the models' bridge, the window)."""

from __future__ import annotations

import sys

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.host_status import HostStatus
from hvmanager.domain.vm_diff import VmDiff


class ListenerFanout:
    """A ``HostListener`` that calls each of ``listeners`` in order (models first, so the
    window reacts to updated models). One failing listener does not starve the others:
    its exception goes to ``sys.excepthook`` (the error report), not into core."""

    def __init__(self, *listeners: object) -> None:
        self.listeners: list[object] = list(listeners)

    def _each(self, name: str, *args: object) -> None:
        for listener in self.listeners:
            try:
                getattr(listener, name)(*args)
            except Exception:
                sys.excepthook(*sys.exc_info())

    def host_status_changed(self, server_key: str, status: HostStatus) -> None:
        """Forward a host's new status."""
        self._each("host_status_changed", server_key, status)

    def vms_changed(self, server_key: str, diff: VmDiff) -> None:
        """Forward a refresh's diff."""
        self._each("vms_changed", server_key, diff)

    def command_logged(self, entry: CommandLogEntry) -> None:
        """Forward a log entry."""
        self._each("command_logged", entry)
