"""Secrets and transport security: the real app against simulator labs, isolated config dirs."""

from hvmanager_testing.app_fixtures import config_dir, make_app, make_lab  # noqa: F401 (fixtures)
from hvmanager_testing.loop_fixture import event_loop  # noqa: F401 (fixture)

