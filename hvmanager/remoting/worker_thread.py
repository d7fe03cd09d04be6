"""One dedicated daemon thread that runs blocking jobs in order, for one host."""

from __future__ import annotations

import concurrent.futures
import queue
import threading
from typing import Any, Callable

_STOP = object()


class WorkerThread:
    """A queue and a daemon thread of its own (not asyncio's shared default executor).

    Jobs run one at a time in submission order. The thread is a daemon so that a job stuck
    in a socket read on a blackholed host can never keep the process alive; ``stop`` asks
    the thread to finish after the current job and waits at most ``timeout`` seconds.
    """

    def __init__(self, name: str) -> None:
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._stopping = False
        self._lock = threading.Lock()
        self._thread.start()

    def submit(self, job: Callable[[], Any]) -> concurrent.futures.Future:
        """Queue ``job``; its result or exception arrives in the returned future."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        with self._lock:
            if self._stopping:
                raise RuntimeError("the worker thread is stopped")
            self._queue.put((job, future))
        return future

    def stop(self, timeout: float) -> bool:
        """Stop accepting jobs, let queued ones finish, wait ``timeout``; True if the thread ended."""
        with self._lock:
            if not self._stopping:
                self._stopping = True
                self._queue.put(_STOP)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def is_alive(self) -> bool:
        """True while the thread runs."""
        return self._thread.is_alive()

    def is_current(self) -> bool:
        """True when called from this worker thread."""
        return threading.current_thread() is self._thread

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            job, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = job()
            except BaseException as error:  # handed to the awaiting coroutine, never lost
                future.set_exception(error)
            else:
                future.set_result(result)
