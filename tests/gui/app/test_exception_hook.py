"""Unexpected exceptions: logged, and shown in one report window however many arrive."""

import logging

from hvmanager.app.exception_hook import ExceptionHook
from hvmanager.ui.dialogs.error_report_dialog import ErrorReportDialog


def _raise(message):
    try:
        raise RuntimeError(message)
    except RuntimeError as error:
        return type(error), error, error.__traceback__


def test_a_burst_of_exceptions_opens_one_report_and_logs_each(qtbot, caplog):
    dialog = ErrorReportDialog()
    qtbot.addWidget(dialog)
    hook = ExceptionHook(dialog.add_error)
    with caplog.at_level(logging.ERROR, logger="hvmanager"):
        hook(*_raise("first"))
        hook(*_raise("second"))
    assert dialog.isVisible() and dialog.error_count == 2
    assert "second" in dialog.details_text() and "first" in dialog.details_text()
    assert len([r for r in caplog.records if "unexpected error" in r.getMessage()]) == 2
    dialog.close()
    hook(*_raise("third"))
    assert dialog.error_count == 1


def test_a_failing_report_is_logged_not_raised(caplog):
    def broken(*args):
        raise ValueError("report broke")
    hook = ExceptionHook(broken)
    with caplog.at_level(logging.ERROR, logger="hvmanager"):
        hook(*_raise("boom"))
    assert any("could not be shown" in r.getMessage() for r in caplog.records)


def test_install_and_uninstall_swap_sys_excepthook():
    import sys

    before = sys.excepthook
    hook = ExceptionHook(lambda *args: None)
    hook.install()
    try:
        assert sys.excepthook is hook
    finally:
        hook.uninstall()
    assert sys.excepthook is before


def test_asyncio_task_errors_reach_the_same_report(qtbot):
    seen = []
    hook = ExceptionHook(lambda kind, error, tb: seen.append(str(error)))
    kind, error, tb = _raise("in a task")
    hook.asyncio_handler(None, {"exception": error, "message": "Task exception"})
    assert seen == ["in a task"]
