"""The real app (core, models, main window) against simulator labs over real sockets."""

from hvmanager_testing.app_fixtures import config_dir, make_app, make_lab  # noqa: F401 (fixtures)

