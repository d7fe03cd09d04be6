"""The one place unexpected exceptions go: logged, then shown in one report window."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import Callable

log = logging.getLogger("hvmanager")

Reporter = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class ExceptionHook:
    """Replaces ``sys.excepthook``: logs the exception, then hands it to ``report``.

    ``report`` is ``ErrorReportDialog.add_error`` of the app's single report window, which
    adds errors to itself while open: a burst of exceptions is one window, never a stack
    of modal boxes. A failing report is logged and swallowed (the hook must not raise).
    """

    def __init__(self, report: Reporter) -> None:
        self._report = report
        self._previous = sys.excepthook
        self.seen = 0

    def install(self) -> None:
        """Become ``sys.excepthook``."""
        sys.excepthook = self

    def uninstall(self) -> None:
        """Restore the previous hook."""
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], error: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, tb)
            return
        self.seen += 1
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        try:
            self._report(kind, error, tb)
        except Exception:  # the report itself failed: the log has the details
            log.exception("the error report could not be shown")

    def asyncio_handler(self, loop, context: dict) -> None:
        """An asyncio exception handler that routes task errors to the same report."""
        error = context.get("exception")
        if isinstance(error, BaseException):
            self(type(error), error, error.__traceback__)
        else:
            log.error("asyncio: %s", context.get("message", context))
