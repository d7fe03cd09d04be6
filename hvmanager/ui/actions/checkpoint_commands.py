"""Apply and Delete on the Checkpoints pane's right-click menu, confirmed first."""

from __future__ import annotations

import asyncio
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from hvmanager.models.message_text import MessageText
from hvmanager.ui.panes.checkpoints_pane import CheckpointsPane

translate = QCoreApplication.translate


class CheckpointCommands(QObject):
    """Hyper-V Manager's checkpoint actions for the selected VM's selected checkpoint.

    Both lose something (Apply the VM's current state, Delete the checkpoint), so both
    ask first, in a message box opened with ``open()``. The host's answer shows in the
    pane's message line; the tree reloads afterwards.
    """

    def __init__(self, pane: CheckpointsPane, session_for: Callable[[str], object | None]) -> None:
        super().__init__(pane)
        self._pane = pane
        self._session_for = session_for
        self._tasks: set[asyncio.Task] = set()
        self.apply_action = self._action("actionApplyCheckpoint", self.ask_apply)
        self.delete_action = self._action("actionDeleteCheckpoint", self.ask_delete)
        pane.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        pane.tree.selectionModel().currentChanged.connect(lambda *_: self._update())
        pane.model.modelReset.connect(self._update)
        pane.model.rowsRemoved.connect(lambda *_: self._update())
        self.retranslate()
        self._update()

    def _action(self, name: str, slot) -> QAction:
        action = QAction(self._pane.tree)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self._pane.tree.addAction(action)
        return action

    def _update(self) -> None:
        enabled = self._pane.selected_checkpoint() is not None and self._pane.current_vm is not None
        self.apply_action.setEnabled(enabled)
        self.delete_action.setEnabled(enabled)

    def ask_apply(self) -> QMessageBox | None:
        """Confirm, then revert the VM to the selected checkpoint."""
        checkpoint = self._pane.selected_checkpoint()
        if checkpoint is None or self._pane.current_vm is None:
            return None
        text = translate("CheckpointCommands",
                         "Revert the virtual machine to the checkpoint \"{name}\"? Its current "
                         "state is lost unless you take a checkpoint first.").format(
                             name=checkpoint.name)
        return self._confirm("applyCheckpointBox", translate("CheckpointCommands", "Apply"), text,
                             lambda session, vm: session.apply_checkpoint(
                                 vm.vm_id, checkpoint.checkpoint_id))

    def ask_delete(self) -> QMessageBox | None:
        """Confirm, then delete the selected checkpoint (its children stay)."""
        checkpoint = self._pane.selected_checkpoint()
        if checkpoint is None or self._pane.current_vm is None:
            return None
        text = translate("CheckpointCommands",
                         "Delete the checkpoint \"{name}\"? Its changes are merged into its "
                         "children; the virtual machine's current state is kept.").format(
                             name=checkpoint.name)
        return self._confirm("deleteCheckpointBox",
                             translate("CheckpointCommands", "Delete Checkpoint"), text,
                             lambda session, vm: session.remove_checkpoint(
                                 vm.vm_id, checkpoint.checkpoint_id))

    def _confirm(self, name: str, title: str, text: str, work) -> QMessageBox:
        server_key, vm = self._pane.current_vm
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                          self._pane)
        box.setObjectName(name)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._start(server_key, vm, work))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def _start(self, server_key: str, vm, work) -> None:
        task = asyncio.ensure_future(self._run(server_key, vm, work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, server_key: str, vm, work) -> None:
        session = self._session_for(server_key)
        if session is None:
            return
        try:
            await work(session, vm)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # said in place; the log pane has the command
            self._pane.say(MessageText.of_error(error))
            return
        if self._pane.current_vm is not None and self._pane.current_vm[1].vm_id == vm.vm_id:
            self._pane.reload((self._pane.current_vm,))

    def cancel(self) -> None:
        """Drop work in flight (the window is closing)."""
        for task in list(self._tasks):
            task.cancel()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.apply_action.setText(translate("CheckpointCommands", "Apply..."))
        self.delete_action.setText(translate("CheckpointCommands", "Delete Checkpoint..."))
