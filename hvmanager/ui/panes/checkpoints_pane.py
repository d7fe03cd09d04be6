"""The Checkpoints pane: the selected VM's checkpoint tree, loaded from its host."""

from __future__ import annotations

import asyncio
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.models.message_text import MessageText

translate = QCoreApplication.translate


class CheckpointsPane(QWidget):
    """A tree over ``CheckpointTreeModel`` (the current checkpoint bold, with "Now") and a
    one-line message (loading, error, none).

    Loading is async and owned: a newer selection cancels the older query, so a slow
    host never shows another VM's checkpoints. Reloaded when the VM's current
    checkpoint (``parent_snapshot_name``) changes, e.g. after the Checkpoint action.
    """

    loaded = Signal()

    def __init__(self, model, session_for: Callable[[str], object | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkpointsPane")
        self.model = model
        self._session_for = session_for
        self.message = QLabel(self)
        self.message.setObjectName("checkpointsMessage")
        self.message.setWordWrap(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("checkpointsTree")
        self.tree.setModel(model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHeaderHidden(model.columnCount() <= 1)
        model.modelReset.connect(self.tree.expandAll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        self._task: asyncio.Task | None = None
        self._shown: tuple[str, object, object] | None = None
        self.current_vm: tuple[str, VirtualMachine] | None = None
        self._tree = None
        self._current_name: str | None = None
        self.retranslate()
        self.show_selection(())

    def show_selection(self, vms: tuple[tuple[str, VirtualMachine], ...]) -> None:
        """Load the checkpoints of a single selected VM; otherwise show none."""
        previous = self.current_vm
        self.current_vm = vms[0] if len(vms) == 1 else None
        if self.current_vm is None or previous is None \
                or previous[1].vm_id != self.current_vm[1].vm_id:
            self._tree = None
            self._current_name = None
        if len(vms) != 1:
            self._cancel()
            self._shown = None
            self.model.clear_tree()
            self._say("" if vms else translate(
                "CheckpointsPane", "Select one virtual machine to see its checkpoints."))
            return
        server_key, vm = vms[0]
        key = (server_key, vm.vm_id, vm.parent_snapshot_name)
        if key == self._shown:
            return
        session = self._session_for(server_key)
        if session is None:
            return
        self._cancel()
        self._shown = key
        self._say(translate("CheckpointsPane", "Loading..."))
        self._task = asyncio.ensure_future(self._load(session, vm))

    def reload(self, vms: tuple[tuple[str, VirtualMachine], ...]) -> None:
        """Query again even for the same VM (after an action that may add checkpoints)."""
        self._shown = None
        self.show_selection(vms)

    async def _load(self, session, vm: VirtualMachine) -> None:
        try:
            tree = await session.checkpoints(vm.vm_id)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # in place; the log pane has the command
            self.model.clear_tree()
            self._say(MessageText.of_error(error))
            self._shown = None
        else:
            self._tree = tree
            self._current_name = vm.parent_snapshot_name or self._current_name
            self.model.set_tree(tree, self._current_name)
            self._fit()
            self._say("" if tree.checkpoints else translate(
                "CheckpointsPane", "The selected virtual machine has no "
                                                     "checkpoints."))
        finally:
            if self._task is asyncio.current_task():
                self._task = None
        self.loaded.emit()

    def mark_current(self, vm_id, checkpoint_name: str | None) -> None:
        """Bold the VM's current checkpoint (with "Now") once a full query has named it:
        the table's refresh selects ``ParentSnapshotName`` only when its column shows."""
        if self.current_vm is None or self.current_vm[1].vm_id != vm_id:
            return
        if checkpoint_name == self._current_name:
            return  # already marked: rebuilding the tree would drop the user's selection
        self._current_name = checkpoint_name
        if self._tree is not None and checkpoint_name and self._task is None:
            self.model.set_tree(self._tree, checkpoint_name)
            self._fit()

    def selected_checkpoint(self):
        """The ``Checkpoint`` of the current tree node (None on "Now" or nothing)."""
        index = self.tree.currentIndex()
        return self.model.checkpoint_at(index) if index.isValid() else None

    def say(self, text: str) -> None:
        """Show a one-line message over the tree ("" hides it)."""
        self._say(text)

    def _fit(self) -> None:
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    def cancel(self) -> None:
        """Drop a query in flight (the window is closing)."""
        self._cancel()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.setAccessibleName(translate("CheckpointsPane", "Checkpoints"))
        self.tree.setAccessibleName(translate("CheckpointsPane", "Checkpoints"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
