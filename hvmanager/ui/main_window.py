"""The main window: Hyper-V Manager's layout composed from small panes, one action registry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.host_state import HostState
from hvmanager.core.host_status import HostStatus
from hvmanager.domain.vm_diff import VmDiff
from hvmanager.models.node_kind import NodeKind
from hvmanager.ui.actions.action_enabler import ActionEnabler
from hvmanager.ui.actions.action_registry import ActionRegistry
from hvmanager.ui.actions.bulk_action_runner import BulkActionRunner
from hvmanager.ui.actions.checkpoint_commands import CheckpointCommands
from hvmanager.ui.actions.server_commands import ServerCommands
from hvmanager.ui.actions.view_commands import ViewCommands
from hvmanager.ui.actions.vm_selection import VmSelection
from hvmanager.ui.main_menu_bar import MainMenuBar
from hvmanager.ui.panes.actions_pane import ActionsPane
from hvmanager.ui.panes.checkpoints_pane import CheckpointsPane
from hvmanager.ui.panes.details_pane import DetailsPane
from hvmanager.ui.panes.powershell_log_pane import PowerShellLogPane
from hvmanager.ui.panes.server_tree_pane import ServerTreePane
from hvmanager.ui.panes.vm_table_pane import VmTablePane
from hvmanager.ui.panes.work_status_bar import WorkStatusBar
from hvmanager.ui.server_catalog import ServerCatalog
from hvmanager.ui.window_models import WindowModels
from hvmanager.ui.window_state_store import WindowStateStore

translate = QCoreApplication.translate

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "hvmanager.svg"
HOST_COLUMN = "host"


class MainWindow(QMainWindow):
    """Tree | VM table over Checkpoints + Details, then the PowerShell log | Actions.

    A ``HostListener`` too (the app fans core's callbacks out to the models and here):
    host states drive the status bar, the vmms banner and which actions are enabled.
    ``store`` None keeps nothing on disk (screenshots, self-test).
    """

    language_requested = Signal(str)
    closed = Signal()

    def __init__(self, models: WindowModels, catalog: ServerCatalog,
                 store: WindowStateStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(str(ICON)))
        self.models = models
        self.catalog = catalog
        self.store = store
        self.registry = ActionRegistry(self)
        self.addActions(self.registry.all())
        self.enabler = ActionEnabler(self.registry)
        self.status = WorkStatusBar(self)
        self.setStatusBar(self.status)
        self._build_panes()
        self._build_layout()
        self.bulk = BulkActionRunner(catalog.session, self.status, self, catalog.title)
        self.commands = ServerCommands(catalog, self.status, self,
                                       self.server_tree.current_server_key)
        self.view = ViewCommands(self.registry, self.vm_pane, self.status, self)
        self.checkpoint_commands = CheckpointCommands(self.checkpoints, catalog.session)
        self.menus = MainMenuBar(self, self.registry, self._pane_actions)
        self._host_auto = False
        self._shown_keys: tuple[str, ...] = ()
        self._stopped: set[str] = set()  # hosts whose vmms is stopped (the banner's)
        self._was_usable: dict[str, bool] = {}  # per host: could it act at its last status?
        self._shown_selection: VmSelection | None = None  # what the panes show now
        self._selection_timer = QTimer(self, singleShot=True, interval=0)
        self._selection_timer.timeout.connect(self._selection_changed)
        self._save_timer = QTimer(self, singleShot=True, interval=1000)
        self._save_timer.timeout.connect(self.save_state)
        self._wire()
        catalog.server_added.connect(lambda _config: self._update_banner())
        catalog.server_removed.connect(self._server_removed)
        self.resize(1280, 800)
        self._restore_state()
        self.retranslate()
        self.server_tree.select_server(None)
        self._node_changed()
        self._selection_changed()

    # -- construction ---------------------------------------------------------------

    def _build_panes(self) -> None:
        r, m = self.registry, self.models
        self.server_tree = ServerTreePane(
            m.tree, [r["actionConnectServer"], r["actionRefresh"], None, r["actionHyperVService"],
                     r["actionHostReadiness"], None, r["actionRemoveServer"]],
            r["actionRemoveServer"])
        self.vm_pane = VmTablePane(m.table, m.proxy, r["actionColumns"])
        self.vm_table = self.vm_pane.table
        self.vm_filter = self.vm_pane.filter
        self.checkpoints = CheckpointsPane(m.checkpoints, self.catalog.session)
        self.details = DetailsPane(m.table.registry, self.catalog.session, self.catalog.title)
        self.actions_pane = ActionsPane(
            r.host_actions(), [*(a for _, a in r.vm_actions()), r["actionIntegrationServices"]])
        self.log_pane = PowerShellLogPane(m.log)

    def _build_layout(self) -> None:
        self.bottom_splitter = self._splitter("bottomSplitter", Qt.Orientation.Horizontal,
                                              self.checkpoints, self.details, (1, 2))
        self.center_splitter = self._splitter("centerSplitter", Qt.Orientation.Vertical,
                                              self.vm_pane, self.bottom_splitter, (3, 2))
        self.center_splitter.addWidget(self.log_pane)
        self.center_splitter.setStretchFactor(2, 1)
        self.main_splitter = self._splitter("mainSplitter", Qt.Orientation.Horizontal,
                                            self.server_tree, self.center_splitter, (0, 1))
        self.main_splitter.addWidget(self.actions_pane)
        self.main_splitter.setSizes([170, 890, 210])
        self.center_splitter.setSizes([420, 190, 110])
        self.setCentralWidget(self.main_splitter)
        self._panes = {pane.objectName(): pane for pane in (
            self.server_tree, self.checkpoints, self.details, self.actions_pane, self.log_pane)}
        self._pane_actions: list[QAction] = []
        for name in self._panes:
            action = QAction(self)
            action.setObjectName(f"actionShow_{name}")
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda shown, n=name: self._show_pane(n, shown))
            self._pane_actions.append(action)

    @staticmethod
    def _splitter(name: str, orientation: Qt.Orientation, first: QWidget, second: QWidget,
                  stretch: tuple[int, int]) -> QSplitter:
        splitter = QSplitter(orientation)
        splitter.setObjectName(name)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(first)
        splitter.addWidget(second)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        return splitter

    def _wire(self) -> None:
        r, c = self.registry, self.commands
        for action, qaction in r.vm_actions():
            qaction.triggered.connect(
                lambda _=False, a=action: self.bulk.request(a, self.selection()))
        r["actionIntegrationServices"].triggered.connect(
            lambda: c.integration_services(self.selection()))
        r["actionConnectServer"].triggered.connect(c.connect_server)
        r["actionImportServers"].triggered.connect(c.import_servers)
        r["actionRemoveServer"].triggered.connect(c.remove_server)
        r["actionRefresh"].triggered.connect(c.refresh)
        r["actionHyperVService"].triggered.connect(lambda: c.hyperv_service())
        r["actionHostReadiness"].triggered.connect(c.host_readiness)
        r["actionColumns"].triggered.connect(self.view.open_columns_dialog)
        r["actionExportCsv"].triggered.connect(self.view.ask_export_path)
        r["actionFindVM"].triggered.connect(self.focus_filter)
        r["actionQuit"].triggered.connect(self.close)
        r["actionAbout"].triggered.connect(self.view.about)
        r["actionLanguageEnglish"].triggered.connect(lambda: self.language_requested.emit("en"))
        r["actionLanguageDutch"].triggered.connect(lambda: self.language_requested.emit("nl"))
        self.server_tree.current_changed.connect(self._node_changed)
        self.server_tree.node_activated.connect(self._node_activated)
        self.vm_pane.selection_changed.connect(self._selection_timer.start)
        self.vm_pane.columns_changed.connect(self._columns_changed)
        # An action may have added checkpoints (or changed what Details shows): ask again.
        self.bulk.finished.connect(self._action_finished)
        self.details.loaded.connect(self._details_loaded)
        self.vm_pane.banner.service_requested.connect(lambda key: c.hyperv_service(key))
        self.vm_table.activated.connect(lambda _index: r["actionIntegrationServices"].trigger())
        self.vm_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.vm_table.customContextMenuRequested.connect(self.view.open_vm_menu)
        proxy = self.models.proxy
        for signal in (proxy.dataChanged, proxy.rowsInserted, proxy.rowsRemoved,
                       proxy.modelReset, proxy.layoutChanged):
            signal.connect(lambda *_: self._selection_timer.start())
        self._columns_changed()

    # -- HostListener (fanned out by the app, after the models) ---------------------

    def host_status_changed(self, server_key: str, status: HostStatus) -> None:
        """Status bar, banner and enabled actions follow host states."""
        self.status.host_state_changed(server_key, self.catalog.title(server_key), status.state)
        # Hundreds of hosts report twice per refresh: only a host entering, in or leaving
        # SERVICE_STOPPED changes the banner (walking every session each time cost ~1 ms
        # per status with 200 hosts), and only a change of usability the enabled actions.
        stopped = status.state is HostState.SERVICE_STOPPED
        if stopped or server_key in self._stopped:
            if stopped:
                self._stopped.add(server_key)
            else:
                self._stopped.discard(server_key)
            self._update_banner()
        usable = status.state.is_usable
        if self._was_usable.get(server_key) != usable:
            self._was_usable[server_key] = usable
            self._selection_timer.start()

    def vms_changed(self, server_key: str, diff: VmDiff) -> None:
        """Rows change through the models; nothing else to do here."""

    def command_logged(self, entry: CommandLogEntry) -> None:
        """The log pane follows its model."""

    # -- selection and nodes --------------------------------------------------------

    def selection(self) -> VmSelection:
        """The selected VMs, the current server node, and which selected hosts cannot act."""
        vms = self.vm_pane.selected_vms()
        unusable = frozenset(key for key, _ in vms if not self._usable(key))
        return VmSelection(vms, self.server_tree.current_server_key(), unusable)

    def _usable(self, key: str) -> bool:
        session = self.catalog.session(key)
        return session is not None and session.status.state.is_usable

    def _selection_changed(self) -> None:
        selection = self.selection()
        # Refresh batches land many times a second (each one a row change in the proxy):
        # the panes need the selection only when it, or a selected VM, changed.
        if selection == self._shown_selection:
            return
        self._shown_selection = selection
        self.enabler.apply(selection)
        self.details.show_selection(selection.vms)
        self.checkpoints.show_selection(selection.vms)
        key = selection.server_key
        self.actions_pane.set_context(self.catalog.title(key) if key else "",
                                      tuple(vm.name for _, vm in selection.vms))

    def _action_finished(self, _results) -> None:
        selected = self.selection().vms
        self.checkpoints.reload(selected)
        self.details.reload()

    def _details_loaded(self) -> None:
        full = self.details.full_vm
        if full is not None:
            self.checkpoints.mark_current(full.vm_id, full.parent_snapshot_name)

    def _node_changed(self) -> None:
        key = self.server_tree.current_server_key()
        self.models.proxy.set_server_filter(key)
        keys = self.vm_pane.visible_keys()
        if key is None and HOST_COLUMN not in keys:
            self._host_auto = True
            self.vm_pane.set_visible_keys((keys[0], HOST_COLUMN, *keys[1:]))
        elif key is not None and self._host_auto:
            self._host_auto = False
            self.vm_pane.set_visible_keys(tuple(k for k in keys if k != HOST_COLUMN))
        self._update_banner()
        self._selection_timer.start()

    def _node_activated(self, key: str | None) -> None:
        # Enter or double-click: a server reconnects/refreshes, "All servers" refreshes
        # every one, the root opens Connect to Server (as in Hyper-V Manager).
        if key is not None:
            session = self.catalog.session(key)
            if session is not None:
                session.refresh_soon()
        elif self.server_tree.node_kind() is NodeKind.ROOT or not self.catalog.keys():
            self.commands.connect_server()
        else:
            self.catalog.inventory.refresh_all()

    def _server_removed(self, key: str) -> None:
        self._stopped.discard(key)
        self._was_usable.pop(key, None)
        self.status.host_state_changed(key, "", None)
        self._update_banner()
        self._selection_timer.start()

    def _update_banner(self) -> None:
        key = self.server_tree.current_server_key()
        scope = [key] if key is not None else list(self.catalog.keys())
        stopped = []
        for server_key in scope:
            session = self.catalog.session(server_key)
            if session is not None and session.status.state is HostState.SERVICE_STOPPED:
                stopped.append(session)
        detail = (stopped[0].status.text or stopped[0].status.message) if len(stopped) == 1 else ""
        self.vm_pane.banner.show_for(stopped[0].key if stopped else "",
                                     tuple(s.title for s in stopped), detail)

    # -- columns, filter, export ----------------------------------------------------

    def _columns_changed(self) -> None:
        keys = self.vm_pane.visible_keys()
        if HOST_COLUMN not in keys:
            self._host_auto = False
        if keys != self._shown_keys:
            self._shown_keys = keys
            registry = self.models.table.registry
            self.catalog.inventory.set_properties(registry.properties_for(keys))
            self.catalog.inventory.refresh_all()
        self._save_timer.start()

    def saved_columns(self) -> list[tuple[str, int]]:
        """The columns to persist (without the Host column "All servers" added by itself)."""
        columns = self.vm_pane.visible_columns()
        if self._host_auto:
            columns = [(key, width) for key, width in columns if key != HOST_COLUMN]
        return columns

    def focus_filter(self) -> None:
        """Ctrl+F: put the cursor in the filter box."""
        self.vm_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.vm_filter.selectAll()

    def export_csv(self, path: Path) -> int:
        """Write the visible table (filtered, sorted, visible columns) to ``path``."""
        return self.view.export_csv(path)

    # -- panes, state, language -----------------------------------------------------

    def _show_pane(self, name: str, shown: bool) -> None:
        self._panes[name].setVisible(shown)
        self._save_timer.start()

    def _restore_state(self) -> None:
        if self.store is None:
            return
        self.store.restore_window(self)
        for splitter in (self.main_splitter, self.center_splitter, self.bottom_splitter):
            self.store.restore_splitter(splitter)
        columns = self.store.columns()
        if columns:
            self.vm_pane.set_visible_columns(columns)
        hidden = self.store.hidden_panes()
        for action in self._pane_actions:
            if action.objectName().removeprefix("actionShow_") in hidden:
                action.setChecked(False)

    def save_state(self) -> None:
        """Geometry, splitters, columns and panes to the INI file (when there is one)."""
        if self.store is None:
            return
        self.store.save_window(self)
        for splitter in (self.main_splitter, self.center_splitter, self.bottom_splitter):
            self.store.save_splitter(splitter)
        self.store.set_columns(self.saved_columns())
        self.store.set_hidden_panes({a.objectName().removeprefix("actionShow_")
                                     for a in self._pane_actions if not a.isChecked()})
        self.store.sync()

    def set_language_checked(self, language: str) -> None:
        """Tick the active language in View > Language."""
        name = "actionLanguageDutch" if language == "nl" else "actionLanguageEnglish"
        self.registry[name].setChecked(True)

    def retranslate(self) -> None:
        """Every text the window owns, in the current language."""
        self.setWindowTitle(translate("MainWindow", "Hyper-V Manager (hvmanager)"))
        self.setAccessibleName(translate("MainWindow", "Hyper-V Manager"))
        self.registry.retranslate()
        self.menus.retranslate()
        self.checkpoint_commands.retranslate()
        titles = {"serverTree": translate("MainWindow", "Servers"),
                  "checkpointsPane": translate("MainWindow", "Checkpoints"),
                  "detailsPane": translate("MainWindow", "Details"),
                  "actionsPane": translate("MainWindow", "Actions"),
                  "powershellLog": translate("MainWindow", "PowerShell Log")}
        for action in self._pane_actions:
            action.setText(titles[action.objectName().removeprefix("actionShow_")])
        for model in (self.models.table, self.models.tree, self.models.log,
                      self.models.checkpoints):
            retranslate = getattr(model, "retranslate", None)
            if callable(retranslate):
                retranslate()
        # The panes word "no selection" and the like when shown the selection: show it
        # again in the new language, even though it did not change.
        self._shown_selection = None
        self._selection_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout and drop the window's own background work."""
        self._save_timer.stop()
        self._selection_timer.stop()
        self.save_state()
        self.details.cancel()
        self.checkpoints.cancel()
        self.checkpoint_commands.cancel()
        self.bulk.cancel()
        self.commands.close()
        super().closeEvent(event)
        self.closed.emit()
