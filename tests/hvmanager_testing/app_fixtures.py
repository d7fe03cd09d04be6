"""Fixtures for GUI tests of the whole app: labs, an isolated config dir, real DesktopApps.

Imported by the conftests of tests/gui/ui and tests/gui/app (pytest finds fixtures
imported into a conftest).
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from hvmanager.app.desktop_app import DesktopApp
from hvmanager.ui.window_state_store import WindowStateStore
from hvmanager_testing.gui_app import shut_down
from hvmanager_testing.lab_fixture import lab_fixture


make_lab = lab_fixture(vms_per_host=4)


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    """An isolated HVMANAGER_CONFIG_DIR for settings written by the app."""
    directory = tmp_path / "config"
    monkeypatch.setenv("HVMANAGER_CONFIG_DIR", str(directory))
    return directory


@pytest.fixture
def make_app(event_loop, qtbot, config_dir) -> Callable[..., DesktopApp]:
    """Real DesktopApps shown offscreen (layout kept in the isolated config dir); each is
    shut down (window closed, sessions closed, threads joined) after the test."""
    apps: list[DesktopApp] = []

    def make(**kwargs: Any) -> DesktopApp:
        options = {"window_store": WindowStateStore(config_dir / "window.ini"),
                   "refresh_interval_s": 30.0, "call_timeout_s": 10.0, **kwargs}
        desktop = DesktopApp(**options)
        desktop.window.show()
        apps.append(desktop)
        return desktop

    yield make
    for desktop in apps:
        shut_down(desktop, qtbot)
