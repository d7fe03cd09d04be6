"""How long Python's cyclic garbage collector stopped the process, per collection."""

from __future__ import annotations

import gc
import time
from typing import Any


class GcWatch:
    """Records each collection's duration and generation through ``gc.callbacks``.

    A full collection walks every tracked object (thousands of VMs, their tuples, the
    transport's objects): on the Qt thread that is one long event-loop turn, a UI gap the
    5 ms ticker sees without saying why. ``figures()`` says how much of it was the GC.
    """

    def __init__(self) -> None:
        self._began = (0.0, 0.0)
        self.pauses: list[tuple[int, float, float]] = []  # (generation, wall ms, CPU ms)

    def start(self) -> None:
        """Begin recording."""
        gc.callbacks.append(self._callback)

    def stop(self) -> None:
        """Stop recording."""
        if self._callback in gc.callbacks:
            gc.callbacks.remove(self._callback)

    def mark(self) -> None:
        """Forget the pauses so far."""
        self.pauses = []

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._began = (time.perf_counter(), time.thread_time())
        else:
            wall, cpu = self._began
            self.pauses.append((info["generation"], (time.perf_counter() - wall) * 1000.0,
                                (time.thread_time() - cpu) * 1000.0))

    def figures(self) -> dict[str, Any]:
        """Collections so far, the longest pause and its generation, and total milliseconds."""
        if not self.pauses:
            return {"gc_collections": 0, "gc_max_pause_ms": 0.0, "gc_total_ms": 0.0}
        generation, longest, cpu = max(self.pauses, key=lambda pause: pause[1])
        return {"gc_collections": len(self.pauses), "gc_max_pause_ms": round(longest, 1),
                "gc_max_pause_cpu_ms": round(cpu, 1), "gc_max_pause_generation": generation,
                "gc_full_max_ms": round(max((p[1] for p in self.pauses if p[0] == 2), default=0.0), 1),
                "gc_total_ms": round(sum(p[1] for p in self.pauses), 1),
                "gc_total_cpu_ms": round(sum(p[2] for p in self.pauses), 1)}
