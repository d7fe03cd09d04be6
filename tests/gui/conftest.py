"""GUI tests: a qasync loop per test on top of pytest-qt's qapp (see hvmanager_testing.qasync_loop)."""

import pytest

from hvmanager_testing.qasync_loop import QasyncLoop


@pytest.fixture
def event_loop(qapp):
    """A running qasync loop; qtbot waits spin it. Fails the test on unhandled task errors."""
    owner = QasyncLoop(qapp)
    yield owner.loop
    owner.close()
    assert not owner.errors, f"unhandled errors in asyncio tasks: {owner.errors}"
