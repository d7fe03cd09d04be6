"""Opt-in cProfile of a benchmark child: the Qt thread and every worker thread, apart.

Set ``HVBENCH_PROFILE=<directory>`` when running ``bench.fanout``/``bench.refresh`` (the
children inherit it) and ``bench.gui_probe`` writes, when it finishes:

* ``<directory>/<mode>-qt.prof``: the Qt (event-loop) thread, from the window shown to the end;
* ``<directory>/<mode>-workers.prof``: every other Python thread started after that moment
  (the sessions' transport threads and the executor that parses refreshes), merged.

``HVBENCH_PROFILE_CLOCK=cpu`` times each thread's own CPU (``time.thread_time``): where
the CPU goes. The default, ``wall``, includes waiting (for the GIL, for a lock, for I/O):
on the Qt thread, what keeps the window from answering.

Read them with ``python -m pstats`` or ``pstats.Stats(path).sort_stats("tottime")``.
cProfile slows the profiled code down (roughly 1.5-2x), so figures from a profiled
run are not benchmark figures: the profile says *where* the time goes.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import threading
import time
from pathlib import Path
from typing import Any

PROFILE_VARIABLE = "HVBENCH_PROFILE"
CLOCK_VARIABLE = "HVBENCH_PROFILE_CLOCK"


class ThreadProfiler:
    """One ``cProfile.Profile`` for the calling thread and one per thread started later."""

    def __init__(self, directory: Path, name: str, cpu_clock: bool = False) -> None:
        self._directory = directory
        self._name = name
        # thread_time is per thread: each profile counts only its own thread's CPU.
        self._timer = time.thread_time if cpu_clock else time.perf_counter
        self._main = cProfile.Profile(self._timer)
        self._workers: list[cProfile.Profile] = []
        self._lock = threading.Lock()

    @classmethod
    def from_environment(cls, name: str) -> "ThreadProfiler | None":
        """A profiler when ``HVBENCH_PROFILE`` names a directory, else None."""
        directory = os.environ.get(PROFILE_VARIABLE, "")
        cpu_clock = os.environ.get(CLOCK_VARIABLE, "wall") == "cpu"
        return cls(Path(directory), name, cpu_clock) if directory else None

    def start(self) -> None:
        """Profile this thread from now on, and every thread started from now on."""
        threading.setprofile(self._thread_started)
        self._main.enable()

    def _thread_started(self, *_args: Any) -> None:
        # Called once as the new thread's first profile event: swap in a real profiler
        # (cProfile's enable() replaces this hook for the thread).
        profile = cProfile.Profile(self._timer)
        with self._lock:
            self._workers.append(profile)
        profile.enable()

    def stop(self) -> dict[str, str]:
        """Write the profiles; returns their paths (worker profiles still running are read
        as they are)."""
        self._main.disable()
        threading.setprofile(None)  # type: ignore[arg-type]
        self._directory.mkdir(parents=True, exist_ok=True)
        qt_path = self._directory / f"{self._name}-qt.prof"
        self._main.dump_stats(qt_path)
        paths = {"qt": str(qt_path)}
        with self._lock:
            workers = list(self._workers)
        stats = None
        for profile in workers:
            profile.create_stats()
            if not profile.stats:  # type: ignore[attr-defined]
                continue
            if stats is None:
                stats = pstats.Stats(profile)
            else:
                stats.add(profile)
        if stats is not None:
            worker_path = self._directory / f"{self._name}-workers.prof"
            stats.dump_stats(worker_path)
            paths["workers"] = str(worker_path)
        return paths
