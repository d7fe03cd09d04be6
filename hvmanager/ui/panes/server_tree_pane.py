"""The left pane: "Hyper-V Manager" root, "All servers" and one node per server."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from hvmanager.models.node_kind import NodeKind
from hvmanager.models.roles import NodeKindRole, ServerKeyRole

translate = QCoreApplication.translate


class ServerTreePane(QTreeView):
    """A view over ``ServerTreeModel`` (nodes carry ``ServerKeyRole`` and ``NodeKindRole``);
    state icons and tooltips come from the model.

    Del removes the selected server (bound to this view only, so Del in the filter box
    still edits text); Enter or a double-click on a server refreshes (reconnects) it, on
    the root opens Connect to Server.
    """

    current_changed = Signal()
    node_activated = Signal(object)

    def __init__(self, model, context_actions: Iterable[QAction | None],
                 remove_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverTree")
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.expandAll()
        model.rowsInserted.connect(lambda parent, *_: self.expand(parent))
        self.selectionModel().currentChanged.connect(lambda *_: self.current_changed.emit())
        self.activated.connect(lambda index: self.node_activated.emit(index.data(ServerKeyRole)))
        self.delete_action = QAction(self)
        self.delete_action.setObjectName("serverTreeDeleteShortcut")
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(remove_action.trigger)
        self.addAction(self.delete_action)
        self._context_actions = list(context_actions)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._open_menu)
        self.context_menu: QMenu | None = None
        self.retranslate()

    def current_server_key(self) -> str | None:
        """The selected server's key; None for the root and "All servers"."""
        index = self.currentIndex()
        return index.data(ServerKeyRole) if index.isValid() else None

    def node_kind(self):
        """The ``NodeKind`` of the current node (None when nothing is current)."""
        index = self.currentIndex()
        return index.data(NodeKindRole) if index.isValid() else None

    def _find(self, predicate) -> QModelIndex:
        model = self.model()
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if predicate(index):
                    return index
                pending.append(index)
        return QModelIndex()

    def select_server(self, server_key: str | None) -> None:
        """Make a server node (None: "All servers") current."""
        if server_key is None:
            index = self._find(lambda i: i.data(NodeKindRole) is NodeKind.ALL_SERVERS)
        else:
            index = self._find(lambda i: i.data(ServerKeyRole) == server_key)
        if index.isValid():
            self.setCurrentIndex(index)

    def build_context_menu(self) -> QMenu:
        """The right-click menu (host actions); public so tests can inspect it."""
        menu = QMenu(self)
        menu.setObjectName("serverTreeMenu")
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.context_menu = menu
        return menu

    def _open_menu(self, position) -> None:
        index = self.indexAt(position)
        if index.isValid():
            self.setCurrentIndex(index)
        self.build_context_menu().popup(self.viewport().mapToGlobal(position))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.setAccessibleName(translate("ServerTreePane", "Servers"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
