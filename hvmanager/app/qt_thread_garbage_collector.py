"""Cyclic garbage collection on the Qt thread only."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class QtThreadGarbageCollector(QObject):
    """Turns Python's automatic cyclic collection off and runs it from a Qt timer instead.

    Automatic collection runs in whichever thread happens to allocate: with worker threads
    busy on the wire, a cycle holding a Qt object (a timer, a dialog's wrapper) can be
    freed from a worker, which leaves a dangling timer in the Qt thread's dispatcher and a
    crash later. Collecting here keeps every Qt destructor on the Qt thread. ``stop()``
    restores automatic collection.

    What survives a collection is frozen (``gc.freeze``), so each collection looks only
    at what was allocated since the last one. Without it the young generations held every
    VM of the last seconds (a refresh replaces a running VM's object: its uptime moved),
    and collecting them took 30-50 ms of CPU every 5 s with 200 hosts refreshing; the
    table, the sessions and their transports would also be walked by every full
    collection. Objects that die while frozen are still freed by reference counting; only
    cycles among them wait for every ``thaw_every``-th collection (~8 minutes), which
    unfreezes and collects everything.

    Each tick collects the young objects whatever Python's allocation count says: that
    count is net of deaths, and a refresh frees about as many old (frozen) objects as it
    makes, so it said 1,000-5,000 while 14,000-20,000 objects had piled up in 500 ms
    (4-9 ms of CPU per collection with 200 hosts). Collected every 100 ms, each pause is
    a fifth of that for the same total.
    """

    def __init__(self, interval_ms: int = 100, parent: QObject | None = None,
                 thaw_every: int = 4800) -> None:
        super().__init__(parent)
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
        """Collect what was allocated since the last check (everything, thawed, every
        ``thaw_every``-th time)."""
        # Counted here: gc.freeze() resets Python's generation counts, so they never
        # reach the older generations' thresholds. The young count is no guide either way:
        # frozen objects dying bring it down to 0 while new ones pile up, and collecting an
        # empty young generation costs microseconds.
        if (self.collections + 1) % self._thaw_every == 0:
            gc.unfreeze()
            gc.collect()
            self.full_collections += 1
        else:
            gc.collect(0)
        gc.freeze()
        self.collections += 1
