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


def test_each_check_collects_the_young_and_freezes_what_survives():
    gc.collect()
    collector = QtThreadGarbageCollector()
    collector.start()
    freed = []
    try:
        _Cycle(freed)
        # Far fewer new objects than the young generation's threshold: Python's own count
        # would not collect yet, and a refresh's deaths of old objects keep it that low.
        young = [[] for _ in range(gc.get_threshold()[0] // 10)]
        assert gc.get_count()[0] < gc.get_threshold()[0]
        collector.check()
        assert len(freed) == 1 and collector.collections == 1
        assert gc.get_freeze_count() > len(young)
    finally:
        collector.stop()


def test_every_thaw_every_th_collection_frees_the_cycles_that_died_frozen():
    gc.collect()
    collector = QtThreadGarbageCollector(thaw_every=3)
    collector.start()
    freed = []

    def young_collection():
        keep.append([])  # something new, so the check collects
        collector.check()

    keep = []
    try:
        long_lived = _Cycle(freed)
        young_collection()
        assert collector.collections == 1 and collector.full_collections == 0
        assert gc.get_freeze_count() > 0
        # It dies while frozen: the next young collection does not see it...
        del long_lived
        young_collection()
        assert freed == [] and collector.full_collections == 0
        # ...the thawing one (every third) frees it, with the fresh garbage, although
        # gc.freeze() keeps Python's own count of the old generation at zero.
        _Cycle(freed)
        young_collection()
        assert len(freed) == 2 and collector.full_collections == 1
        assert gc.get_freeze_count() > 0
        young_collection()
        assert collector.collections == 4 and collector.full_collections == 1
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0


def test_young_objects_are_collected_when_frozen_deaths_bring_the_count_to_zero():
    gc.collect()
    collector = QtThreadGarbageCollector()
    collector.start()
    freed = []
    try:
        old = [[] for _ in range(20_000)]
        collector.check()  # the old objects are frozen now
        _Cycle(freed)  # new garbage, in a cycle: only a collection frees it
        young = [[] for _ in range(5_000)]
        del old  # a refresh's pattern: as many old objects die as new ones are made
        assert gc.get_count()[0] == 0  # Python's count says there is nothing new
        collector.check()
        assert len(freed) == 1, "the young cycle was not collected"
        assert len(gc.get_objects(0)) < len(young)  # the survivors were frozen, not left young
    finally:
        collector.stop()
