"""GUI tests: a qasync loop per test on top of pytest-qt's qapp (see hvmanager_testing.qasync_loop)."""

from hvmanager_testing.loop_fixture import event_loop  # noqa: F401 (fixture)
