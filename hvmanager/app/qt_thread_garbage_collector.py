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

    What survives a collection is frozen (``gc.freeze``), so each collection looks only
    at what was allocated since the last one. Without it the young generations held every
    VM of the last seconds (a refresh replaces a running VM's object: its uptime moved),
    and collecting them took 30-50 ms of CPU every 5 s with 200 hosts refreshing; the
    table, the sessions and their transports would also be walked by every full
    collection. Objects that die while frozen are still freed by reference counting; only
    cycles among them wait for every ``thaw_every``-th full collection (~8 minutes), which
    unfreezes first.
    """

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None,
                 thaw_every: int = 10) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._thaw_every = max(1, thaw_every)
        self.collections = 0
        self.full_collections = 0

    def start(self) -> None:
        """Disable automatic collection and begin checking."""
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Back to automatic collection (frozen objects are looked at again)."""
        self._timer.stop()
        gc.unfreeze()
        gc.enable()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                if generation == 2:
                    if self.full_collections % self._thaw_every == self._thaw_every - 1:
                        gc.unfreeze()
                    self.full_collections += 1
                gc.collect(generation)
                gc.freeze()
                self.collections += 1
                return
