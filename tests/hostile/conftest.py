"""Hostile input and hostile hosts against the real app (core, models, window offscreen)."""

from hvmanager_testing.app_fixtures import config_dir, make_app, make_lab  # noqa: F401 (fixtures)
from hvmanager_testing.loop_fixture import event_loop  # noqa: F401 (fixture)

