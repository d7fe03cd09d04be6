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
        self._icons = {state: QIcon(str(ICON_DIR / name)) for state, name in _ICON_FILES.items()}
        self._icon_files = _ICON_FILES  # compared instead of the icons (QIcon has no ==)
        self._painted: dict[str, dict[int, str]] = {}  # per server: the texts last set
        self._items: dict[str, QStandardItem] = {}
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
        item = self._node(NodeKind.SERVER, key, self._icons[None])
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
        self._painted.pop(key, None)
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
        # One setItemData with only the roles that changed: each setter is a dataChanged
        # (and a GIL hand-off), and 200 hosts report twice per refresh; the icon and
        # text rarely change.
        painted = self._painted.get(key, {})
        wanted = {_DISPLAY: node_title(self._titles[key], unverified),
                  _DECORATION: self._icon_files[None if status is None else status.state],
                  _TOOLTIP: host_tooltip(self._titles[key], status, unverified)}
        changes: dict[int, object] = {role: value for role, value in wanted.items()
                                      if painted.get(role) != value}
        if _DECORATION in changes:
            changes[_DECORATION] = self._icons[None if status is None else status.state]
        changes[roles.HostStatusRole] = status
        self._painted[key] = wanted
        self.setItemData(item.index(), changes)

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
        for key in self._items:
            self._paint(key)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        """Selectable, never editable or draggable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
