"""App-level tests: the entry point as a subprocess, and its parts in process."""

import json
import os
import sys
from pathlib import Path

import pytest

from hvmanager_testing.app_fixtures import config_dir, make_app, make_lab  # noqa: F401 (fixtures)

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def app_env(tmp_path):
    """Environment for a child ``python -m hvmanager``: offscreen on a 1280x800 screen
    (testing-qt.md P5), an isolated config dir, the in-memory keyring."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "main", "x": 0, "y": 0,
                                               "width": 1280, "height": 800,
                                               "logicalDpi": 96}]}))
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               HVMANAGER_CONFIG_DIR=str(tmp_path / "config"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               PYTHONPATH=str(REPO))
    return env


@pytest.fixture
def python() -> str:
    """The interpreter running the tests (the project's venv)."""
    return sys.executable
