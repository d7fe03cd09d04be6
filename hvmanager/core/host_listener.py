"""How core reports to whoever shows it (the Qt models adapt this; the CLI may ignore it)."""

from __future__ import annotations

from typing import Protocol

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.host_status import HostStatus
from hvmanager.domain.vm_diff import VmDiff


class HostListener(Protocol):
    """Callbacks from host sessions, always called on the event loop's thread."""

    def host_status_changed(self, server_key: str, status: HostStatus) -> None:
        """A session changed state (connecting, connected, error...)."""

    def vms_changed(self, server_key: str, diff: VmDiff) -> None:
        """A refresh found VMs added, removed or changed (never called with an empty diff)."""

    def command_logged(self, entry: CommandLogEntry) -> None:
        """A pipeline finished (refreshes, actions, queries alike)."""
