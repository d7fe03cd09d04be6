"""Model tests: plain QtCore/QtGui models checked with pytest-qt, no window."""

import pytest


@pytest.fixture(autouse=True)
def _application(qapp):
    """Every model test runs with pytest-qt's application (timers need its dispatcher)."""
    yield qapp


@pytest.fixture
def registry():
    from hvmanager.models.column_registry import ColumnRegistry
    return ColumnRegistry.standard()
