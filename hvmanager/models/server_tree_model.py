"""The server tree: "Hyper-V Manager" > "All servers" and one node per server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel

from hvmanager.core.host_state import HostState
from hvmanager.core.host_status import HostStatus
from hvmanager.models import roles
from hvmanager.models.host_status_text import host_tooltip, node_title
from hvmanager.models.node_kind import NodeKind

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
_ROOT_TITLE = QT_TRANSLATE_NOOP("ServerTree", "Hyper-V Manager")
_ALL_TITLE = QT_TRANSLATE_NOOP("ServerTree", "All servers")
_ALL_TOOLTIP = QT_TRANSLATE_NOOP("ServerTree", "Virtual machines of every server")
_ICON_FILES = {
    None: "server-disconnected.svg",
    HostState.DISCONNECTED: "server-disconnected.svg",
    HostState.CONNECTING: "server-connecting.svg",
    # Refreshing is routine: keep the connected icon so the tree does not flicker.
    HostState.CONNECTED: "server-connected.svg",
    HostState.REFRESHING: "server-connected.svg",
    HostState.ERROR: "server-error.svg",
    HostState.SERVICE_STOPPED: "server-stopped.svg",
}


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_STATUS = roles.HostStatusRole
_READ_ON_DEMAND = [_TOOLTIP, _STATUS]


class _ServerItem(QStandardItem):
    """A server node that answers its text, icon, tooltip and ``HostStatusRole`` from its
    own fields; the tooltip is made when asked (it is read on hover, and hundreds of hosts
    change their last refresh time every few seconds)."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._icon: QIcon | None = None
        self._title = ""
        self._status: HostStatus | None = None
        self._unverified = False
        self._tooltip: str | None = None

    def show(self, text: str, icon: QIcon, title: str, status: HostStatus | None,
             unverified: bool) -> list[int]:
        """Take the node's facts; the roles whose answers changed, where a change of the
        refresh time and duration alone does not count (nothing shows them until asked)."""
        before = self._status
        changed = []
        if text != self._text:
            changed.append(_DISPLAY)
        if icon is not self._icon:
            changed.append(_DECORATION)
        if (title != self._title or unverified != self._unverified
                or (before is None) != (status is None)
                or (before is not None and status is not None and (
                    before.state is not status.state or before.error_kind != status.error_kind
                    or before.message != status.message or before.hint != status.hint
                    or before.text != status.text or before.hint_text != status.hint_text
                    or before.vm_count != status.vm_count))):
            changed += _READ_ON_DEMAND
        self._text, self._icon = text, icon
        self._title, self._status, self._unverified = title, status, unverified
        self._tooltip = None
        return changed

    def data(self, role: int = _DISPLAY) -> object:  # noqa: D102 (Qt override)
        if role == _DISPLAY:
            return self._text
        if role == _DECORATION:
            return self._icon
        if role == _TOOLTIP:
            if self._tooltip is None:
                self._tooltip = host_tooltip(self._title, self._status, self._unverified)
            return self._tooltip
        if role == _STATUS:
            return self._status
        return super().data(role)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerTree", text)


class ServerTreeModel(QStandardItemModel):
    """Servers in add order under the root, each with a state icon and a tooltip that
    says the state, the error and its hint, the last refresh and the VM count.

    Roles: ``ServerKeyRole`` (None on root and "All servers"), ``NodeKindRole``,
    ``HostStatusRole``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One QIcon per file, shared by the states that show it: a node's icon changed
        # when it is another object (QIcon has no ==).
        by_file = {name: QIcon(str(ICON_DIR / name)) for name in set(_ICON_FILES.values())}
        self._icons = {state: by_file[name] for state, name in _ICON_FILES.items()}
        self._items: dict[str, _ServerItem] = {}
        self._titles: dict[str, str] = {}
        self._statuses: dict[str, HostStatus] = {}
        self._unverified: set[str] = set()
        self._root = self._node(NodeKind.ROOT, None, QIcon(str(ICON_DIR / "hvmanager.svg")))
        self._all = self._node(NodeKind.ALL_SERVERS, None,
                               QIcon(str(ICON_DIR / "servers-all.svg")))
        self._root.appendRow(self._all)
        self.invisibleRootItem().appendRow(self._root)
        self.retranslate()

    @staticmethod
    def _node(kind: NodeKind, key: str | None, icon: QIcon) -> QStandardItem:
        item = QStandardItem(icon, "")
        item.setEditable(False)
        item.setData(kind, roles.NodeKindRole)
        item.setData(key, roles.ServerKeyRole)
        return item

    def add_server(self, key: str, title: str, unverified_certificate: bool = False) -> QModelIndex:
        """Append a server node (or retitle an existing one); returns its index.

        ``unverified_certificate`` marks a server whose HTTPS certificate is not checked
        (the explicit per-server opt-out) in its text and tooltip.
        """
        if unverified_certificate:
            self._unverified.add(key)
        else:
            self._unverified.discard(key)
        if key in self._items:
            self.set_title(key, title)
            return self.index_for(key)
        item = _ServerItem()
        item.setEditable(False)
        item.setData(NodeKind.SERVER, roles.NodeKindRole)
        item.setData(key, roles.ServerKeyRole)
        self._items[key] = item
        self._titles[key] = title
        self._root.appendRow(item)
        self._paint(key)
        return item.index()

    def remove_server(self, key: str) -> None:
        """Drop a server node; unknown keys are ignored."""
        item = self._items.pop(key, None)
        if item is None:
            return
        self._titles.pop(key, None)
        self._statuses.pop(key, None)
        self._unverified.discard(key)
        self._root.removeRow(item.row())

    def set_title(self, key: str, title: str) -> None:
        """Rename a server node."""
        if key in self._items:
            self._titles[key] = title
            self._paint(key)

    def set_status(self, key: str, status: HostStatus) -> None:
        """Show a server's state (icon, tooltip, ``HostStatusRole``)."""
        if key not in self._items:
            return
        self._statuses[key] = status
        self._paint(key)

    def status(self, key: str) -> HostStatus | None:
        """The last status shown for ``key`` (None before the first)."""
        return self._statuses.get(key)

    def _paint(self, key: str) -> None:
        item = self._items[key]
        status = self._statuses.get(key)
        unverified = key in self._unverified
        # One dataChanged with only the roles that changed (each signal is a repaint and
        # a GIL hand-off); a routine refresh, where only its time changed, costs none.
        changed = item.show(node_title(self._titles[key], unverified),
                            self._icons[None if status is None else status.state],
                            self._titles[key], status, unverified)
        if changed:
            index = item.index()
            self.dataChanged.emit(index, index, changed)

    def index_for(self, key: str) -> QModelIndex:
        """The index of a server node, invalid when unknown."""
        item = self._items.get(key)
        return item.index() if item is not None else QModelIndex()

    def root_index(self) -> QModelIndex:
        """The "Hyper-V Manager" node."""
        return self._root.index()

    def all_servers_index(self) -> QModelIndex:
        """The "All servers" node."""
        return self._all.index()

    def server_keys(self) -> tuple[str, ...]:
        """Server keys in tree (add) order."""
        return tuple(self._items)

    def retranslate(self) -> None:
        """Re-read every translated text after a language switch."""
        self._root.setText(_tr(_ROOT_TITLE))
        self._all.setText(_tr(_ALL_TITLE))
        self._all.setToolTip(_tr(_ALL_TOOLTIP))
        for key, item in self._items.items():
            self._paint(key)  # the node's text (and its tooltip, made again when next asked)
            index = item.index()
            self.dataChanged.emit(index, index, [_TOOLTIP])  # the text is the same, its language is not

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        """Selectable, never editable or draggable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
