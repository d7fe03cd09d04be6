"""The ``event_loop`` fixture for suites outside tests/gui (import it into a conftest)."""

from __future__ import annotations

import pytest

from hvmanager_testing.qasync_loop import QasyncLoop


@pytest.fixture
def event_loop(qapp):
    """A running qasync loop; qtbot waits spin it. Fails the test on unhandled task errors."""
    owner = QasyncLoop(qapp)
    yield owner.loop
    owner.close()
    assert not owner.errors, f"unhandled errors in asyncio tasks: {owner.errors}"
