"""Cycles are collected by the Qt thread's timer, never by whichever thread allocates."""

import gc
import threading

from hvmanager.app.qt_thread_garbage_collector import QtThreadGarbageCollector


class _Cycle:
    def __init__(self, freed):
        self.me = self
        self.freed = freed

    def __del__(self):
        self.freed.append(threading.current_thread().name)


def test_cycles_are_freed_on_the_qt_thread(qtbot):
    collector = QtThreadGarbageCollector(interval_ms=10)
    collector.start()
    freed = []
    try:
        assert not gc.isenabled()

        def churn():
            for _ in range(2000):
                _Cycle(freed)
        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert freed == []  # the worker allocated, but did not collect
        qtbot.waitUntil(lambda: len(freed) == 2000, timeout=5000)
    finally:
        collector.stop()
    assert gc.isenabled()
    assert set(freed) == {threading.main_thread().name}
    assert collector.collections >= 1
