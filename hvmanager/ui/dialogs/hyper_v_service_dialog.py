"""A host's Hyper-V services (vmms, vmcompute): status, and Start / Stop / Restart."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from hvmanager.core.error_report import ErrorReport
from hvmanager.models.message_text import MessageText
from hvmanager.domain.service_state import ServiceState
from hvmanager.domain.service_status import ServiceStatus
from hvmanager.remoting.errors import RemotingError
from hvmanager.ui.dialogs.dialog_tasks import DialogTasks, unexpected_error_text
from hvmanager.ui.dialogs.service_texts import service_purpose, start_type_text, state_text

_NAME_ROLE = Qt.ItemDataRole.UserRole


class HyperVServiceDialog(QDialog):
    """The Hyper-V services of one host, like Hyper-V Manager's Stop Service / Start Service.

    Start, Stop and Restart act on the selected service (vmms first); Stop and Restart
    ask first, in a message box opened with ``open()``. While an operation runs its row
    says "Stopping…"/"Starting…"; afterwards the status is read again, every
    ``poll_interval_s`` while the host still reports a pending state (at most
    ``follow_timeout_s``). Errors are shown in the dialog. :attr:`service_changed` carries the
    status after an operation. ``session`` is a ``HostSession`` (``title``, ``services``,
    ``control_service``).
    """

    service_changed = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None, *,
                 poll_interval_s: float = 0.5, follow_timeout_s: float = 30.0) -> None:
        super().__init__(parent)
        self.setObjectName("hyperVServiceDialog")
        self.setWindowTitle(self.tr("Hyper-V Service - %1").replace("%1", session.title))
        self.setAccessibleName(self.tr("Hyper-V Service"))
        self._session = session
        self._poll_interval_s = poll_interval_s
        self._follow_timeout_s = follow_timeout_s
        self._statuses: dict[str, ServiceStatus] = {}
        self._busy = False
        self._tasks = DialogTasks(self, self._unexpected)
        self._shown_once = False
        self.confirmation: QMessageBox | None = None
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("servicesTable")
        self.table.setAccessibleName(self.tr("Hyper-V services"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Display Name"),
                                              self.tr("Status"), self.tr("Startup Type")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("serviceStatus")
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setWordWrap(True)
        self.purpose_label = QLabel(self)
        self.purpose_label.setObjectName("servicePurpose")
        self.purpose_label.setAccessibleName(self.tr("What the service does"))
        self.purpose_label.setWordWrap(True)
        self.start_button = self._button("startServiceButton", self.tr("&Start"))
        self.stop_button = self._button("stopServiceButton", self.tr("S&top"))
        self.restart_button = self._button("restartServiceButton", self.tr("&Restart"))
        self.refresh_button = self._button("refreshServicesButton", self.tr("Re&fresh"))
        row = QHBoxLayout()
        for button in (self.start_button, self.stop_button, self.restart_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.purpose_label)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.start_button.clicked.connect(lambda: self._request("start"))
        self.stop_button.clicked.connect(lambda: self._request("stop"))
        self.restart_button.clicked.connect(lambda: self._request("restart"))
        self.refresh_button.clicked.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(640, 300)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        return button

    # -- reading ----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        """Read the services the first time the dialog is shown."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def reload(self) -> asyncio.Task:
        """Read the services' status again ("Loading…" shows at once)."""
        self._set_busy(True, self.tr("Loading…"))
        return self._tasks.start(self._reload())

    async def _reload(self) -> None:
        try:
            await self._read()
        except RemotingError as error:
            self._show_error(error)
        else:
            self._show_status("")
        finally:
            self._set_busy(False)

    async def _read(self) -> None:
        statuses = await self._session.services()
        self._statuses = {status.name.lower(): status for status in statuses}
        self._fill()

    def _fill(self) -> None:
        selected = self.selected_service()
        self.table.setRowCount(len(self._statuses))
        for row, status in enumerate(self._statuses.values()):
            cells = (status.name, status.display_name, state_text(status.state),
                     start_type_text(status.start_type))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_NAME_ROLE, status.name.lower())
                item.setToolTip(service_purpose(status.name))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        names = list(self._statuses)
        if names:
            self.table.selectRow(names.index(selected) if selected in names else 0)
        self._update_buttons()

    def selected_service(self) -> str:
        """The lower-case name of the selected service ("" when none)."""
        items = self.table.selectedItems()
        return items[0].data(_NAME_ROLE) if items else ""

    def status_of(self, name: str) -> ServiceStatus | None:
        """The last status read for ``name``."""
        return self._statuses.get(name.lower())

    # -- controlling ------------------------------------------------------------------

    def _request(self, control: str) -> None:
        name = self.selected_service()
        status = self._statuses.get(name)
        if status is None or self._busy:
            return
        if control == "start":
            self._tasks.start(self._control(name, control))
            return
        question = (self.tr("Stop the service %1 (%2) on %3?") if control == "stop" else
                    self.tr("Restart the service %1 (%2) on %3?"))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Hyper-V Service"),
                          question.replace("%1", status.display_name).replace("%2", status.name)
                          .replace("%3", self._session.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("serviceConfirmation")
        box.setInformativeText(service_purpose(name))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(
            lambda button: self._tasks.start(self._control(name, control))
            if button is yes else None)
        box.finished.connect(box.deleteLater)
        self.confirmation = box
        box.open()

    async def _control(self, name: str, control: str) -> None:
        status = self._statuses[name]
        doing = {"start": self.tr("Starting %1…"), "stop": self.tr("Stopping %1…"),
                 "restart": self.tr("Restarting %1…")}[control]
        self._set_busy(True, doing.replace("%1", status.display_name))
        # The host runs one pipeline at a time per session and Stop-Service returns only
        # once the service stopped, so the row shows the transition until the call ends.
        pending = ServiceState.START_PENDING if control == "start" else ServiceState.STOP_PENDING
        self._statuses[name] = replace(status, state=pending)
        self._fill()
        try:
            result = await self._session.control_service(name, control)
            self._statuses[name] = result
            self._fill()
            await self._follow_pending(name)
        except RemotingError as error:
            await self._read_quietly()
            self._show_error(error)
        else:
            now = self._statuses.get(name, result)
            self._show_status(self.tr("%1 is now %2.").replace("%1", now.display_name)
                              .replace("%2", state_text(now.state).lower()))
            self.service_changed.emit(now)
        finally:
            self._set_busy(False)

    async def _follow_pending(self, name: str) -> None:
        """Read again until the service leaves a pending state (bounded)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._follow_timeout_s
        await self._read()
        while self._statuses[name].state.is_pending and loop.time() < deadline:
            await asyncio.sleep(self._poll_interval_s)
            await self._read()

    async def _read_quietly(self) -> None:
        try:
            await self._read()
        except RemotingError:
            pass  # the operation's own error is the one to show

    # -- state ------------------------------------------------------------------------

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        self._busy = busy
        if text is not None:
            self._show_status(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self._statuses.get(self.selected_service())
        idle = not self._busy and status is not None
        state = status.state if status is not None else ServiceState.UNKNOWN
        self.start_button.setEnabled(idle and state is ServiceState.STOPPED)
        self.stop_button.setEnabled(idle and state is ServiceState.RUNNING)
        self.restart_button.setEnabled(idle and state is ServiceState.RUNNING)
        self.refresh_button.setEnabled(not self._busy)
        self.purpose_label.setText(service_purpose(status.name) if status else "")

    def _show_status(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def _unexpected(self, error: BaseException) -> None:
        self._set_busy(False)
        self.status_label.setStyleSheet("color: #b00020;")
        self.status_label.setText(unexpected_error_text(error))

    def _show_error(self, error: RemotingError) -> None:
        self.status_label.setStyleSheet("color: #b00020;")
        self.status_label.setText(MessageText.of(ErrorReport.of(error).one_line_text()))
