"""The Checkpoints pane: one VM's checkpoints as a tree, the current one marked."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from hvmanager.domain.checkpoint import Checkpoint
from hvmanager.domain.checkpoint_tree import CheckpointTree
from hvmanager.models import formatting, roles

_CONTEXT = "Checkpoints"
_TITLES = (QT_TRANSLATE_NOOP("Checkpoints", "Name"), QT_TRANSLATE_NOOP("Checkpoints", "Created"))
_NOW = QT_TRANSLATE_NOOP("Checkpoints", "Now")
_NOW_TOOLTIP = QT_TRANSLATE_NOOP("Checkpoints", "The running state of the virtual machine")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class CheckpointTreeModel(QStandardItemModel):
    """Checkpoints nested by parent (columns Name, Created), as Hyper-V Manager shows them.

    The current checkpoint (the VM's ``ParentSnapshotName`` or an id) is bold and gets a
    "Now" child, the VM's running state. ``CheckpointRole`` holds the ``Checkpoint`` of a
    node (None on "Now").
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[uuid.UUID, QStandardItem] = {}
        self._tree = CheckpointTree(())
        self._current: uuid.UUID | str | None = None
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([_tr(t) for t in _TITLES])

    def set_tree(self, tree: CheckpointTree, current: uuid.UUID | str | None = None) -> None:
        """Show ``tree``; ``current`` is the current checkpoint's id or name (a name shared
        by several checkpoints marks the newest of them)."""
        self._tree, self._current = tree, current
        self.removeRows(0, self.rowCount())
        self._by_id.clear()
        for depth, checkpoint in tree.walk():
            row = self._row(checkpoint)
            parent = self._by_id.get(checkpoint.parent_id) if checkpoint.parent_id else None
            (parent or self.invisibleRootItem()).appendRow(row)
            self._by_id[checkpoint.checkpoint_id] = row[0]
        marked = self._current_item(tree, current)
        if marked is not None:
            font = QFont(marked.font())
            font.setBold(True)
            marked.setFont(font)
            now = QStandardItem(_tr(_NOW))
            now.setToolTip(_tr(_NOW_TOOLTIP))
            now.setEditable(False)
            now.setData(None, roles.CheckpointRole)
            filler = QStandardItem("")
            filler.setEditable(False)
            marked.appendRow([now, filler])

    def _row(self, checkpoint: Checkpoint) -> list[QStandardItem]:
        name = QStandardItem(checkpoint.name)
        name.setData(checkpoint, roles.CheckpointRole)
        created = QStandardItem(formatting.datetime_text(checkpoint.creation_time))
        created.setData(checkpoint, roles.CheckpointRole)
        for item in (name, created):
            item.setEditable(False)
        return [name, created]

    def _current_item(self, tree: CheckpointTree,
                      current: uuid.UUID | str | None) -> QStandardItem | None:
        if current is None:
            return None
        if isinstance(current, uuid.UUID):
            return self._by_id.get(current)
        named = [c for c in tree.checkpoints if c.name == current]
        # CheckpointTree keeps creation order: the last one with the name is the newest.
        return self._by_id.get(named[-1].checkpoint_id) if named else None

    def clear_tree(self) -> None:
        """Show nothing (no VM or several VMs selected)."""
        self.set_tree(CheckpointTree(()))

    def checkpoint_at(self, index: QModelIndex) -> Checkpoint | None:
        """The checkpoint of a node; None for "Now" and invalid indexes."""
        return index.data(roles.CheckpointRole) if index.isValid() else None

    def index_for(self, checkpoint_id: uuid.UUID) -> QModelIndex:
        """The Name cell of a checkpoint, invalid when not shown."""
        item = self._by_id.get(checkpoint_id)
        return item.index() if item is not None else QModelIndex()

    def retranslate(self) -> None:
        """Re-read the translated headers and the "Now" node."""
        self._set_headers()
        self.set_tree(self._tree, self._current)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        """Selectable, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
