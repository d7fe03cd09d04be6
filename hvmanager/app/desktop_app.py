"""The composition of one running app: core, models, window, wired together."""

from __future__ import annotations

import shiboken6

from hvmanager.app.listener_fanout import ListenerFanout
from hvmanager.core.inventory import Inventory
from hvmanager.domain.transport import Transport
from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.settings.server_store import ServerStore
from hvmanager.ui.main_window import MainWindow
from hvmanager.ui.server_catalog import ServerCatalog
from hvmanager.ui.window_models import WindowModels
from hvmanager.ui.window_state_store import WindowStateStore


def build_models(registry: ColumnRegistry):
    """The window's models and the bridge that feeds them from core."""
    from hvmanager.models.checkpoint_tree_model import CheckpointTreeModel
    from hvmanager.models.command_log_model import CommandLogModel
    from hvmanager.models.inventory_bridge import InventoryBridge
    from hvmanager.models.server_tree_model import ServerTreeModel
    from hvmanager.models.vm_filter_proxy_model import VmFilterProxyModel
    from hvmanager.models.vm_table_model import VmTableModel

    table = VmTableModel(registry)
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    tree = ServerTreeModel()
    log = CommandLogModel()
    bridge = InventoryBridge(table=table, servers=tree, log=log)
    return WindowModels(table=table, proxy=proxy, tree=tree, log=log,
                        checkpoints=CheckpointTreeModel()), bridge


class DesktopApp:
    """Inventory (core) -> fan-out -> bridge (models), then window; the catalog adds servers.

    Construct on the Qt thread with an asyncio loop set (qasync). ``server_store`` and
    ``credentials`` None keep nothing on disk and read no secrets (demo, self-test,
    tests); ``window_store`` None keeps no layout.
    """

    def __init__(self, *, window_store: WindowStateStore | None = None,
                 server_store: ServerStore | None = None,
                 credentials: CredentialStore | None = None, refresh_interval_s: float = 5.0,
                 call_timeout_s: float = 30.0, session_factory=None) -> None:
        self.fanout = ListenerFanout()
        self.inventory = Inventory(self.fanout, session_factory=session_factory,
                                   refresh_interval_s=refresh_interval_s,
                                   call_timeout_s=call_timeout_s)
        self.registry = ColumnRegistry.standard()
        self.models, self.bridge = build_models(self.registry)
        self.catalog = ServerCatalog(self.inventory, server_store, credentials)
        self.catalog.server_added.connect(self._server_added)
        self.catalog.server_removed.connect(self._server_removed)
        self.window = MainWindow(self.models, self.catalog, window_store)
        self.fanout.listeners = [self.bridge.listener, self.window]
        self.window.closed.connect(self._window_closed)

    def _server_added(self, config) -> None:
        unverified = config.transport is Transport.HTTPS and not config.verifies_certificate
        self.bridge.add_server(config.key, config.title, unverified)

    def _window_closed(self) -> None:
        # A closed window may be deleted before the sessions stop reporting (the app's
        # shutdown is asynchronous): from now on core's news goes to the models only.
        self.fanout.listeners = [listener for listener in self.fanout.listeners
                                 if listener is not self.window]

    def _server_removed(self, key: str) -> None:
        self.bridge.remove_server(key)

    async def shutdown(self, timeout_s: float = 5.0) -> None:
        """Close the window's work, then every session (bounded; threads joined)."""
        if shiboken6.isValid(self.window) and self.window.isVisible():
            self.window.close()
        self.fanout.listeners = []
        await self.inventory.shutdown(timeout_s)
