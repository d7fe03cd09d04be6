"""Run one lifecycle action on every selected VM at once, grouped per host."""

from __future__ import annotations

import asyncio
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from hvmanager.core.action_result import ActionResult
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.models.message_text import MessageText
from hvmanager.ui.actions.vm_selection import VmSelection
from hvmanager.ui.dialogs.action_results_dialog import ActionResultsDialog
from hvmanager.ui.dialogs.confirm_action_dialog import ConfirmActionDialog
from hvmanager.ui.dialogs.rename_dialog import RenameDialog
from hvmanager.ui.dialogs.vm_action_texts import action_title
from hvmanager.ui.panes.work_status_bar import WorkStatusBar

translate = QCoreApplication.translate


class BulkActionRunner(QObject):
    """Confirms destructive actions, runs the rest on every host in parallel, reports once.

    Each host gets one ``HostSession.run_action`` call with all its selected VMs (the
    session bounds concurrency and refreshes right after). Results are per VM: failures
    open the one results window; successes only show in the status bar (and the table).
    A host that fails as a whole (disconnected meanwhile) yields a failure per VM.
    Dialogs open with ``open()``, never ``exec()``, so the event loop keeps running.
    """

    finished = Signal(object)

    def __init__(self, session_for: Callable[[str], object | None], status_bar: WorkStatusBar,
                 window: QWidget, host_title: Callable[[str], str]) -> None:
        super().__init__(window)
        self._session_for = session_for
        self._status = status_bar
        self._window = window
        self._tasks: set[asyncio.Task] = set()
        self.results_dialog = ActionResultsDialog(window, host_title=host_title)
        self.last_results: tuple[ActionResult, ...] = ()

    def request(self, action: VmAction, selection: VmSelection) -> None:
        """Ask what needs asking (confirmation, new name), then run."""
        if not selection.vms:
            return
        names = [vm.name for _, vm in selection.vms]
        if action is VmAction.RENAME:
            dialog = RenameDialog(selection.vms[0][1].name, self._window)
            dialog.name_chosen.connect(lambda name: self.run(action, selection, new_name=name))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
        elif action.needs_confirmation:
            dialog = ConfirmActionDialog(action, names, self._window)
            dialog.accepted.connect(lambda: self.run(action, selection))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
        else:
            self.run(action, selection)

    def run(self, action: VmAction, selection: VmSelection, *, new_name: str | None = None) -> None:
        """Start the action now (no questions asked)."""
        task = asyncio.ensure_future(self._run(action, selection, new_name))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def running(self) -> int:
        """Bulk actions in flight."""
        return len(self._tasks)

    def cancel(self) -> None:
        """Drop actions in flight (the window is closing)."""
        for task in list(self._tasks):
            task.cancel()

    async def _run(self, action: VmAction, selection: VmSelection, new_name: str | None) -> None:
        groups = selection.by_server()
        count = len(selection.vms)
        title = action_title(action)
        token = self._status.action_started(
            self.tr("%1: %n virtual machine(s)", "", count).replace("%1", title))
        try:
            outcomes = await asyncio.gather(
                *(self._run_on_host(action, key, vms, new_name) for key, vms in groups.items()))
        finally:
            self._status.action_finished(token)
        results = tuple(result for outcome in outcomes for result in outcome)
        self.last_results = results
        failed = [result for result in results if not result.ok]
        if failed:
            self.results_dialog.show_results(results)
        else:
            self._status.showMessage(self.tr(
                "%1 succeeded on %n virtual machine(s)", "", len(results)).replace("%1", title),
                8000)
        self.finished.emit(results)

    async def _run_on_host(self, action: VmAction, server_key: str, vms, new_name: str | None):
        session = self._session_for(server_key)
        try:
            if session is None:
                raise LookupError(translate("BulkActionRunner", "The server was removed."))
            return await session.run_action(action, [vm.vm_id for vm in vms], new_name=new_name)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the host failed as a whole: one failure per VM
            text = MessageText.message_of(error)  # kept: the results dialog re-renders it
            kind = getattr(error, "kind", type(error).__name__)
            return tuple(ActionResult(server_key=server_key, vm_id=vm.vm_id, vm_name=vm.name,
                                      action=action, ok=False, message=str(text),
                                      error_kind=str(kind), text=text) for vm in vms)
