"""A 5 ms Qt timer that records the gaps between its ticks: how long the event loop was busy."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class LoopTicker(QObject):
    """Ticks every ``interval_ms`` on the Qt thread; ``gaps_ms`` are the times between ticks.

    A gap much longer than the interval means the event loop (and so the window) did not
    respond for that long. The Qt thread's own CPU during each gap says what kind of gap
    it was: mostly CPU is work on the Qt thread; little CPU is waiting (for the GIL held
    by worker threads, or for a core). ``mark()`` starts a new measurement window.
    """

    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._last_cpu = 0.0
        self.gaps_ms: list[float] = []
        self.gap_cpu_ms: list[float] = []  # the Qt thread's CPU during each gap

    def start(self) -> None:
        """Begin ticking."""
        self._last = time.monotonic()
        self._last_cpu = time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        """Stop ticking."""
        self._timer.stop()

    def mark(self) -> None:
        """Forget the gaps so far."""
        self.gaps_ms = []
        self.gap_cpu_ms = []
        self._last = time.monotonic()
        self._last_cpu = time.thread_time()

    def _tick(self) -> None:
        now, cpu = time.monotonic(), time.thread_time()
        self.gaps_ms.append((now - self._last) * 1000.0)
        self.gap_cpu_ms.append((cpu - self._last_cpu) * 1000.0)
        self._last, self._last_cpu = now, cpu

    def figures(self) -> dict[str, float]:
        """``max_ui_gap_ms`` and ``p99_ui_gap_ms`` of the gaps so far, and the tick count."""
        gaps = sorted(self.gaps_ms)
        if not gaps:
            return {"max_ui_gap_ms": 0.0, "p99_ui_gap_ms": 0.0, "ticks": 0}
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
        longest = max(range(len(self.gaps_ms)), key=self.gaps_ms.__getitem__)
        long_gaps = [(gap, cpu) for gap, cpu in zip(self.gaps_ms, self.gap_cpu_ms) if gap > 50.0]
        return {"max_ui_gap_ms": round(gaps[-1], 1), "p99_ui_gap_ms": round(p99, 1), "ticks": len(gaps),
                "max_ui_gap_cpu_ms": round(self.gap_cpu_ms[longest], 1),
                "gaps_over_50ms": len(long_gaps),
                "gaps_over_50ms_cpu_share": round(sum(c for _, c in long_gaps)
                                                  / sum(g for g, _ in long_gaps), 2) if long_gaps else None}
