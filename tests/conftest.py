"""Suite-wide setup. The platform must be set before anything imports QtWidgets."""

import gc
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "hvmanager_testing.memory_keyring.MemoryKeyring")
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def _collect_cycles_on_the_main_thread():
    # The app collects cycles on the Qt thread only (app/qt_thread_garbage_collector.py):
    # automatic collection runs in whichever thread allocates, and a worker thread that frees
    # a cycle holding a Qt object leaves it dangling for a later crash in the Qt thread (seen
    # as a segfault in pytest-qt's processEvents, tests after a GUI test). Tests follow the
    # same policy: no automatic collection, a full one on the main thread after every test
    # (disabled again before each test, since a test may switch it back on).
    gc.disable()
    yield
    gc.collect()
