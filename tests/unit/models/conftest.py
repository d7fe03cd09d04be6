"""Model tests: plain QtCore/QtGui models checked with pytest-qt, no window."""

import pytest

from hvmanager.models.refcount_guard import protect_singletons

# PySide6 6.12 on Python 3.11 leaks references to None/True/False (see refcount_guard);
# without this a long test session aborts the interpreter.
protect_singletons()


@pytest.fixture(autouse=True)
def _application(qapp):
    """Every model test runs with pytest-qt's application (timers need its dispatcher)."""
    yield qapp


@pytest.fixture
def registry():
    from hvmanager.models.column_registry import ColumnRegistry
    return ColumnRegistry.standard()
