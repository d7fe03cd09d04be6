"""The one place unexpected exceptions go: logged, then shown in one report dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import Callable

log = logging.getLogger("hvmanager")

ReportOpener = Callable[[str, str], None]


class ExceptionHook:
    """Replaces ``sys.excepthook``: logs the exception and asks ``open_report`` to show it.

    Only one report is open at a time: exceptions that arrive while it is open are
    logged and counted, never stacked as more modal boxes. ``report_closed`` re-arms it.
    """

    def __init__(self, open_report: ReportOpener) -> None:
        self._open_report = open_report
        self._previous = sys.excepthook
        self.report_open = False
        self.suppressed = 0
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
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error\n%s", details)
        if self.report_open:
            self.suppressed += 1
            return
        self.report_open = True
        try:
            self._open_report(f"{kind.__name__}: {error}", details)
        except Exception:  # the report itself failed: the log has the details
            self.report_open = False
            log.exception("the error report could not be shown")

    def report_closed(self) -> None:
        """The report dialog was closed: the next exception may open a new one."""
        self.report_open = False
