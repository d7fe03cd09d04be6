"""The one place that knows how to put a qasync loop on pytest-qt's QApplication and take it down.

Recipe from shared/testing-qt.md: never call ``loop.stop()`` (it calls ``QApplication.exit()``
and breaks every later qtbot wait); reset qasync's private running flag instead. qasync is
pinned to >=0.27,<0.29 in pyproject for that reason. The loop is the app's own
(``BatchedEventLoop``, qasync's with batched callbacks), so every GUI test runs on it.
"""

from __future__ import annotations

import asyncio
import gc
import time

from hvmanager.app.batched_event_loop import BatchedEventLoop


class QasyncLoop:
    """Owns one qasync loop for one test and collects unhandled task errors."""

    def __init__(self, app) -> None:
        self.app = app
        self.errors: list[dict] = []
        self.loop = BatchedEventLoop(app, already_running=True)
        self.loop.set_exception_handler(self._on_error)
        asyncio.set_event_loop(self.loop)

    def _on_error(self, loop, context: dict) -> None:
        self.errors.append(context)

    def close(self, timeout_s: float = 5.0) -> None:
        """Cancel pending tasks, let them finish (bounded), then close without stopping Qt."""
        loop = self.loop
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        deadline = time.monotonic() + timeout_s
        while any(not task.done() for task in pending) and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.001)
        gc.collect()
        self.app.processEvents()
        loop._QEventLoop__is_running = False  # see module docstring
        asyncio.events._set_running_loop(None)
        try:
            self.app.aboutToQuit.disconnect(loop._after_run_forever)
        except (RuntimeError, TypeError):
            pass
        loop.close()
        asyncio.set_event_loop(None)
