"""The host actions: connect, remove, refresh, Hyper-V service, readiness, import, and the
per-VM settings dialog (Integration Services)."""

from __future__ import annotations

import asyncio
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from hvmanager.ui.actions.vm_selection import VmSelection
from hvmanager.ui.panes.work_status_bar import WorkStatusBar
from hvmanager.ui.server_catalog import ServerCatalog


class ServerCommands(QObject):
    """Opens the host dialogs (with ``open()``/``show()``, never ``exec()``) and runs the
    quick host actions. One dialog of a kind per host: asking again raises the open one.
    Dialog modules are imported when first needed (start-up stays quick)."""

    def __init__(self, catalog: ServerCatalog, status_bar: WorkStatusBar, window: QWidget,
                 current_server: Callable[[], str | None]) -> None:
        super().__init__(window)
        self._catalog = catalog
        self._status = status_bar
        self._window = window
        self._current_server = current_server
        self._dialogs: dict[tuple[str, str], QDialog] = {}
        self._tasks: set[asyncio.Task] = set()
        self._closed = False

    # -- dialogs --------------------------------------------------------------------

    def _keep(self, kind: str, key: str, factory: Callable[[], QDialog]) -> QDialog:
        dialog = self._dialogs.get((kind, key))
        if dialog is None:
            dialog = factory()
            self._dialogs[(kind, key)] = dialog
            dialog.finished.connect(lambda *_: self._forget(kind, key))
            dialog.open()
        else:
            dialog.raise_()
            dialog.activateWindow()
        return dialog

    def _forget(self, kind: str, key: str) -> None:
        dialog = self._dialogs.pop((kind, key), None)
        if dialog is not None:
            dialog.deleteLater()

    def open_dialog(self, kind: str, key: str = "") -> QDialog | None:
        """The open dialog of ``kind`` for ``key`` (tests and the banner)."""
        return self._dialogs.get((kind, key))

    def connect_server(self) -> QDialog:
        """Hyper-V Manager's Connect to Server; OK adds, saves and connects the server."""
        from hvmanager.ui.dialogs.connect_server_dialog import ConnectServerDialog

        def build() -> QDialog:
            dialog = ConnectServerDialog(self._catalog.credentials, parent=self._window)
            dialog.server_chosen.connect(self._connect_chosen)
            return dialog
        return self._keep("connect", "", build)

    def _connect_chosen(self, request) -> None:
        problem = self._catalog.connect(request.config, request.password, save=True,
                                        remember_password=request.remember_password)
        if problem:
            self._status.showMessage(problem, 15000)

    def import_servers(self) -> QDialog:
        """Import Hyper-V Manager's server list; chosen servers are added and saved."""
        from hvmanager.ui.dialogs.import_servers_dialog import ImportServersDialog

        def build() -> QDialog:
            dialog = ImportServersDialog(existing_keys=self._catalog.keys(), parent=self._window)
            dialog.servers_chosen.connect(
                lambda configs: [self._catalog.connect(config, save=True) for config in configs])
            return dialog
        return self._keep("import", "", build)

    def hyperv_service(self, key: str | None = None) -> QDialog | None:
        """The Hyper-V Service dialog of the selected (or given) host."""
        key = key or self._current_server()
        session = self._catalog.session(key)
        if session is None:
            return None
        from hvmanager.ui.dialogs.hyper_v_service_dialog import HyperVServiceDialog
        return self._keep("service", key, lambda: HyperVServiceDialog(session, parent=self._window))

    def host_readiness(self) -> QDialog | None:
        """The Host Readiness dialog of the selected host."""
        key = self._current_server()
        session = self._catalog.session(key)
        if session is None:
            return None
        from hvmanager.ui.dialogs.host_readiness_dialog import HostReadinessDialog
        return self._keep("readiness", key,
                          lambda: HostReadinessDialog(session, parent=self._window))

    def integration_services(self, selection: VmSelection) -> QDialog | None:
        """The Integration Services dialog for the selected VMs (across hosts)."""
        targets = [(self._catalog.session(key), vm) for key, vm in selection.vms]
        targets = [(session, vm) for session, vm in targets if session is not None]
        if not targets:
            return None
        from hvmanager.ui.dialogs.integration_services_dialog import IntegrationServicesDialog
        key = ",".join(sorted(f"{s.key}/{vm.vm_id}" for s, vm in targets))
        return self._keep("integration", key,
                          lambda: IntegrationServicesDialog(targets, parent=self._window))

    # -- quick actions --------------------------------------------------------------

    def refresh(self) -> None:
        """F5: refresh the selected host, or every host from the root / "All servers"."""
        key = self._current_server()
        session = self._catalog.session(key)
        if session is not None:
            session.refresh_soon()
        else:
            self._catalog.inventory.refresh_all()

    def remove_server(self) -> None:
        """Remove the selected server (closing its session in the background)."""
        key = self._current_server()
        if key is None or self._catalog.config(key) is None:
            return
        task = asyncio.ensure_future(self._remove(key))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _remove(self, key: str) -> None:
        token = self._status.action_started(self._catalog.title(key))
        try:
            problem = await self._catalog.remove(key)
        finally:
            # After close() (the window is closing and cancels us) the status bar may be
            # deleted before this task runs again: never touch it then.
            if not self._closed:
                self._status.action_finished(token)
        if problem and not self._closed:
            self._status.showMessage(problem, 15000)

    def close(self) -> None:
        """Close every dialog and drop background work (the window is closing)."""
        self._closed = True
        for dialog in list(self._dialogs.values()):
            dialog.close()
        for task in list(self._tasks):
            task.cancel()
