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


def test_collections_freeze_the_survivors_and_full_ones_thaw_them_now_and_then():
    gc.collect()
    collector = QtThreadGarbageCollector(thaw_every=3)
    collector.start()
    freed = []
    try:
        _Cycle(freed)
        young = [[] for _ in range(gc.get_threshold()[0] + 1)]  # objects that stay alive
        collector.check()
        # A young collection frees the young garbage and freezes what survived it.
        assert len(freed) == 1 and gc.get_freeze_count() > len(young)
        freed.clear()
        long_lived = _Cycle(freed)

        def full_collection():
            # Past the oldest generation's threshold: the next check is a full collection.
            while gc.get_count()[2] <= gc.get_threshold()[2]:
                gc.collect(1)
            collector.check()

        full_collection()
        assert gc.get_freeze_count() > 0
        assert collector.full_collections == 1
        # It dies while frozen: the next full collection does not see it...
        del long_lived
        full_collection()
        assert freed == [] and collector.full_collections == 2
        # ...the thawing one (every third) frees it, with the fresh garbage.
        _Cycle(freed)
        full_collection()
        assert len(freed) == 2 and collector.full_collections == 3
        assert gc.get_freeze_count() > 0
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0
