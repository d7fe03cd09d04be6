"""Cyclic garbage collection on the Qt thread only."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class QtThreadGarbageCollector(QObject):
    """Turns Python's automatic cyclic collection off and runs it from a Qt timer instead.

    Automatic collection runs in whichever thread happens to allocate: with worker threads
    busy on the wire, a cycle holding a Qt object (a timer, a dialog's wrapper) can be
    freed from a worker, which leaves a dangling timer in the Qt thread's dispatcher and a
    crash later. Collecting here, by the same thresholds, keeps every Qt destructor on the
    Qt thread. ``stop()`` restores automatic collection.
    """

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self.collections = 0

    def start(self) -> None:
        """Disable automatic collection and begin checking."""
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Back to automatic collection."""
        self._timer.stop()
        gc.enable()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                self.collections += 1
                return
