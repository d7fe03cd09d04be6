"""A 5 ms Qt timer that records the gaps between its ticks: how long the event loop was busy."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class LoopTicker(QObject):
    """Ticks every ``interval_ms`` on the Qt thread; ``gaps_ms`` are the times between ticks.

    A gap much longer than the interval means the event loop (and so the window) did not
    respond for that long. ``mark()`` starts a new measurement window.
    """

    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps_ms: list[float] = []

    def start(self) -> None:
        """Begin ticking."""
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        """Stop ticking."""
        self._timer.stop()

    def mark(self) -> None:
        """Forget the gaps so far."""
        self.gaps_ms = []
        self._last = time.monotonic()

    def _tick(self) -> None:
        now = time.monotonic()
        self.gaps_ms.append((now - self._last) * 1000.0)
        self._last = now

    def figures(self) -> dict[str, float]:
        """``max_ui_gap_ms`` and ``p99_ui_gap_ms`` of the gaps so far, and the tick count."""
        gaps = sorted(self.gaps_ms)
        if not gaps:
            return {"max_ui_gap_ms": 0.0, "p99_ui_gap_ms": 0.0, "ticks": 0}
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
        return {"max_ui_gap_ms": round(gaps[-1], 1), "p99_ui_gap_ms": round(p99, 1), "ticks": len(gaps)}
