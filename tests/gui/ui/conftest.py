"""The real app (core, models, main window) against simulator labs over real sockets."""

from hvmanager.models.refcount_guard import protect_singletons
from hvmanager_testing.app_fixtures import config_dir, make_app, make_lab  # noqa: F401 (fixtures)

protect_singletons()  # PySide6 6.12 on Python 3.11 leaks references to None/True/False
