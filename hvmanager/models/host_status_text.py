"""Translated words for host states and the server node tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from hvmanager.core.host_state import HostState
from hvmanager.core.host_status import HostStatus
from hvmanager.models.message_text import MessageText

_CONTEXT = "ServerTree"
_STATE_TEXT: dict[HostState, str] = {
    HostState.DISCONNECTED: QT_TRANSLATE_NOOP("ServerTree", "Disconnected"),
    HostState.CONNECTING: QT_TRANSLATE_NOOP("ServerTree", "Connecting"),
    HostState.CONNECTED: QT_TRANSLATE_NOOP("ServerTree", "Connected"),
    HostState.REFRESHING: QT_TRANSLATE_NOOP("ServerTree", "Refreshing"),
    HostState.ERROR: QT_TRANSLATE_NOOP("ServerTree", "Error"),
    HostState.SERVICE_STOPPED:
        QT_TRANSLATE_NOOP("ServerTree", "Hyper-V Virtual Machine Management service stopped"),
}
_STATE_LINE = QT_TRANSLATE_NOOP("ServerTree", "State: %1")
_LAST_REFRESH = QT_TRANSLATE_NOOP("ServerTree", "Last refresh: %1 (%2 s)")
_NEVER = QT_TRANSLATE_NOOP("ServerTree", "Not refreshed yet")
_VM_COUNT = QT_TRANSLATE_NOOP("ServerTree", "Virtual machines: %1")
_UNVERIFIED_TITLE = QT_TRANSLATE_NOOP("ServerTree", "%1 (certificate not checked)")
_UNVERIFIED_LINE = QT_TRANSLATE_NOOP(
    "ServerTree", "Certificate validation is turned off for this server: another computer "
                  "could pretend to be it.")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def host_state_text(state: HostState) -> str:
    """The state in the current language."""
    return _tr(_STATE_TEXT[state])


def node_title(title: str, unverified_certificate: bool = False) -> str:
    """The server node's text: its title, marked when its HTTPS certificate is not checked
    (the per-server opt-out must stay visible, not only in its settings)."""
    return _tr(_UNVERIFIED_TITLE).replace("%1", title) if unverified_certificate else title


def host_tooltip(title: str, status: HostStatus | None, unverified_certificate: bool = False) -> str:
    """Title, the certificate opt-out, state, the error and its hint, last refresh time and
    VM count, one per line."""
    warning = [_tr(_UNVERIFIED_LINE)] if unverified_certificate else []
    if status is None:
        return "\n".join([title] + warning)
    lines = [title] + warning + [_tr(_STATE_LINE).replace("%1", host_state_text(status.state))]
    if status.message:
        lines.append(MessageText.of(status.text, status.message))
    if status.hint:
        lines.append(MessageText.of(status.hint_text, status.hint))
    if status.last_refresh is not None:
        local = status.last_refresh.astimezone() if status.last_refresh.tzinfo else \
            status.last_refresh
        seconds = f"{status.refresh_duration_s:.2f}" if status.refresh_duration_s else "-"
        lines.append(_tr(_LAST_REFRESH).replace("%1", local.strftime("%H:%M:%S"))
                     .replace("%2", seconds))
    else:
        lines.append(_tr(_NEVER))
    lines.append(_tr(_VM_COUNT).replace("%1", str(status.vm_count)))
    return "\n".join(lines)
