"""The asyncio tasks one dialog runs: started on the qasync loop, cancelled when it closes."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, Coroutine

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)


def unexpected_error_text(error: BaseException) -> str:
    """What a dialog says in place when one of its tasks failed unexpectedly (a bug)."""
    return QCoreApplication.translate(
        "DialogTasks", "Something unexpected went wrong (%1). It was reported in the error "
        "window; try again or close this dialog.").replace("%1", type(error).__name__)


class DialogTasks:
    """Owns a dialog's tasks (virt-manager's rule: every task has an owner).

    Tasks are cancelled when the dialog finishes (OK, Cancel, Escape, close) or is
    destroyed, so no coroutine touches a widget that is gone. A task's unexpected
    exception goes to the loop's exception handler (the app routes it to the one error
    report window) after ``on_unexpected`` let the dialog say so in place and become
    usable again; expected ``RemotingError``s are the dialogs' own business.
    """

    def __init__(self, dialog: QDialog,
                 on_unexpected: Callable[[BaseException], None] | None = None) -> None:
        self._dialog = dialog
        self._on_unexpected = on_unexpected
        self._tasks: set[asyncio.Task] = set()
        dialog.finished.connect(lambda *args: self.cancel_all())
        dialog.destroyed.connect(lambda *args: self.cancel_all())

    @property
    def busy(self) -> bool:
        """True while any task runs."""
        return any(not task.done() for task in self._tasks)

    def start(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task:
        """Run ``coroutine`` on the current event loop as a task owned here."""
        task = asyncio.ensure_future(self._guarded(coroutine))
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    async def _guarded(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        # A dialog deleted on close (WA_DeleteOnClose) can vanish before its cancelled task
        # resumes; the task's clean-up then touches a deleted widget. That is not an error.
        try:
            return await coroutine
        except RuntimeError:
            if not shiboken6.isValid(self._dialog):
                return None
            raise

    def _finished(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            if self._on_unexpected is not None and shiboken6.isValid(self._dialog):
                try:
                    self._on_unexpected(error)
                except Exception:  # the report below matters more than the label
                    log.exception("showing an unexpected dialog error failed")
            task.get_loop().call_exception_handler({
                "message": "A dialog task failed unexpectedly", "exception": error, "task": task})

    def cancel_all(self) -> None:
        """Cancel every running task (they end at their next await)."""
        for task in list(self._tasks):
            task.cancel()
