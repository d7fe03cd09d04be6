"""Threads that run pipelines, kept for the next pipeline instead of started for each one."""

from __future__ import annotations

import threading
from collections import deque
from typing import Callable

#: How long a thread with nothing to run waits for the next pipeline before it ends.
IDLE_S = 30.0


class RunnerThreads:
    """Runs each job on a thread of its own, reusing threads that finished a job.

    Starting a thread costs the lab more than running a small pipeline's cmdlets (~0.1 ms
    of CPU per refresh, and another thread for the scheduler to wake). A job never waits
    for another: when no thread is idle a new one starts, so a pipeline that sleeps (a VM
    booting, the slow-cmdlet fault) holds up nothing but itself. Idle threads end after
    ``idle_s``, and at once after ``release`` (a host that stops leaves no thread behind;
    its next pipeline starts a new one). One instance per lab (its hosts share it: in a
    fan-out each host runs one or two pipelines) or per host; nothing global.
    """

    def __init__(self, name: str, idle_s: float = IDLE_S) -> None:
        self._name = name
        self._idle_s = idle_s
        self._lock = threading.Lock()
        # Each idle thread waits on its own slot: (wake-up event, the job handed to it).
        self._idle: deque[list] = deque()
        self._keep = True

    def run(self, job: Callable[[], None]) -> None:
        """Run ``job`` on an idle thread, or on a new one."""
        with self._lock:
            self._keep = True
            if self._idle:
                slot = self._idle.pop()  # the most recently idle: its stack is still warm
                slot[1] = job
                slot[0].set()
                return
        threading.Thread(target=self._serve, args=(job,), name=self._name, daemon=True).start()

    def _serve(self, job: Callable[[], None]) -> None:
        wake = threading.Event()
        slot: list = [wake, None]
        while True:
            job()
            job = None  # type: ignore[assignment]  # free what the job held while idle
            with self._lock:
                if not self._keep:
                    return
                wake.clear()
                slot[1] = None
                self._idle.append(slot)
            if not wake.wait(self._idle_s):
                with self._lock:
                    if slot[1] is None:  # nobody handed a job over meanwhile
                        self._idle.remove(slot)
                        return
            job = slot[1]
            if job is _LEAVE:
                return

    def release(self) -> None:
        """End the idle threads now, and each busy one when its job returns."""
        with self._lock:
            self._keep = False
            while self._idle:
                slot = self._idle.pop()
                slot[1] = _LEAVE
                slot[0].set()

    def idle_count(self) -> int:
        """Threads waiting for a job."""
        with self._lock:
            return len(self._idle)


def _LEAVE() -> None:
    """Handed to an idle thread: not run, it tells the thread to end."""
