"""The integration services of the selected VMs: check boxes by GUID, status, per-VM results."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableWidget,
                               QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from hvmanager.core.error_report import ErrorReport
from hvmanager.models.message_text import MessageText
from hvmanager.core.integration_service_result import IntegrationServiceResult
from hvmanager.domain.integration_service import IntegrationService
from hvmanager.domain.known_integration_service import KnownIntegrationService
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.remoting.errors import RemotingError
from hvmanager.ui.dialogs.dialog_tasks import DialogTasks, unexpected_error_text
from hvmanager.ui.dialogs.integration_service_texts import (label_of, service_explanation,
                                                            service_label)

TargetKey = tuple[str, uuid.UUID]
_GUID_ROLE = Qt.ItemDataRole.UserRole
_FAILED = QColor("#b00020")


def _order(guid: uuid.UUID, label: str) -> tuple[int, str]:
    known = KnownIntegrationService.from_guid(guid)
    return (list(KnownIntegrationService).index(known), "") if known else (99, label.casefold())


class IntegrationServicesDialog(QDialog):
    """For one or more VMs (possibly on several hosts): the services, keyed by GUID.

    ``targets`` are ``(session, vm)`` pairs; a session is a ``HostSession`` (or anything
    with its ``key``, ``title``, ``integration_services`` and ``set_integration_services``).
    Loading starts when the dialog is first shown ("Loading…", never blocking). A box is
    partly checked when the VMs differ; leaving it so changes nothing. OK applies the
    changes (VMs in parallel), shows one result per VM and service in place, reloads the
    real state, and emits :attr:`applied`; OK with nothing to change closes the dialog.
    """

    applied = Signal(tuple)

    def __init__(self, targets: Sequence[tuple[Any, VirtualMachine]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrationServicesDialog")
        self.setAccessibleName(self.tr("Integration Services"))
        self._targets: dict[TargetKey, tuple[Any, VirtualMachine]] = {
            (session.key, vm.vm_id): (session, vm) for session, vm in targets}
        self._services: dict[TargetKey, dict[uuid.UUID, IntegrationService]] = {}
        self._tasks = DialogTasks(self, self._unexpected)
        self._shown_once = False
        self._build()

    # -- construction -----------------------------------------------------------------

    def _build(self) -> None:
        names = [vm.name for _, vm in self._targets.values()]
        self.setWindowTitle(self.tr("Integration Services - %1").replace("%1", names[0])
                            if len(names) == 1 else
                            self.tr("Integration Services - %n virtual machine(s)", "",
                                    len(names)))
        self.vms_label = QLabel(", ".join(f"{vm.name} ({session.title})"
                                          for session, vm in self._targets.values()), self)
        self.vms_label.setObjectName("integrationVms")
        self.vms_label.setAccessibleName(self.tr("Virtual machines"))
        self.vms_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("integrationStatus")
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setWordWrap(True)
        self.service_tree = QTreeWidget(self)
        self.service_tree.setObjectName("integrationServicesTable")
        self.service_tree.setAccessibleName(self.tr("Integration services"))
        self.service_tree.setRootIsDecorated(False)
        self.service_tree.setHeaderLabels([self.tr("Service"), self.tr("Status"),
                                           self.tr("Name on the host")])
        self.results_table = QTableWidget(0, 4, self)
        self.results_table.setObjectName("integrationResultsTable")
        self.results_table.setAccessibleName(self.tr("Results per virtual machine"))
        self.results_table.setHorizontalHeaderLabels([self.tr("Virtual Machine"),
                                                      self.tr("Service"), self.tr("Result"),
                                                      self.tr("Message")])
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.verticalHeader().setVisible(False)
        self.results_table.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("integrationOkButton")
        self.ok_button.setAccessibleName(self.tr("OK"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("integrationCancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Select the services Hyper-V offers to the guest:"),
                                self))
        layout.addWidget(self.vms_label)
        layout.addWidget(self.service_tree, 2)
        layout.addWidget(self.status_label)
        layout.addWidget(self.results_table, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self._set_busy(self.tr("Loading…"))

    # -- loading ----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        """Start loading the first time the dialog is shown."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def reload(self) -> asyncio.Task:
        """Read every VM's services again ("Loading…" shows at once)."""
        self._set_busy(self.tr("Loading…"))
        return self._tasks.start(self._load())

    async def _load(self, prefix: str = "") -> None:
        self._set_busy(self.tr("Loading…"))
        outcomes = await asyncio.gather(*(self._load_one(key) for key in self._targets))
        self._services = {key: services for key, services, _ in outcomes if services is not None}
        problems = [message for _, services, message in outcomes if services is None]
        self._fill()
        if not self._services:
            problems.insert(0, self.tr("No integration services could be read."))
        self._set_idle("\n".join(filter(None, [prefix, *problems])), error=bool(problems))

    async def _load_one(self, key: TargetKey
                        ) -> tuple[TargetKey, dict[uuid.UUID, IntegrationService] | None, str]:
        session, vm = self._targets[key]
        try:
            services = await session.integration_services(vm.vm_id)
        except RemotingError as error:
            text = self.tr("%1 (%2): %3").replace("%1", vm.name).replace(
                "%2", session.title).replace("%3", MessageText.of(ErrorReport.of(error).one_line_text()))
            return key, None, text
        return key, {service.guid: service for service in services}, ""

    def _fill(self) -> None:
        self.service_tree.clear()
        labels: dict[uuid.UUID, str] = {}
        for services in self._services.values():
            for service in services.values():
                labels.setdefault(service.guid, label_of(service))
        for guid in sorted(labels, key=lambda g: _order(g, labels[g])):
            self.service_tree.addTopLevelItem(self._row(guid, labels[guid]))
        for column in range(self.service_tree.columnCount()):
            self.service_tree.resizeColumnToContents(column)

    def _row(self, guid: uuid.UUID, label: str) -> QTreeWidgetItem:
        having = [(key, services[guid]) for key, services in self._services.items()
                  if guid in services]
        states = {service.enabled for _, service in having}
        item = QTreeWidgetItem([label, self._status_text(having),
                                ", ".join(sorted({s.name for _, s in having}))])
        item.setData(0, _GUID_ROLE, guid)
        known = KnownIntegrationService.from_guid(guid)
        if known is not None:
            item.setToolTip(0, service_explanation(known))
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        if len(states) > 1:
            flags |= Qt.ItemFlag.ItemIsUserTristate
            check = Qt.CheckState.PartiallyChecked
        else:
            check = Qt.CheckState.Checked if True in states else Qt.CheckState.Unchecked
        item.setFlags(flags)
        item.setCheckState(0, check)
        return item

    def _status_text(self, having: list[tuple[TargetKey, IntegrationService]]) -> str:
        # Hosts send no status while a VM is off or saved: say so rather than show nothing.
        statuses = {key: service.primary_status or (
            "" if self._targets[key][1].state.is_running_like else self.tr("Not running"))
            for key, service in having}
        distinct = set(statuses.values())
        if len(distinct) <= 1:
            return distinct.pop() if distinct else ""
        return self.tr("Differs: %1").replace("%1", "; ".join(
            f"{self._targets[key][1].name}: {status or '-'}" for key, status in statuses.items()))

    # -- state ------------------------------------------------------------------------

    def _unexpected(self, error: BaseException) -> None:
        self._set_idle(unexpected_error_text(error), error=True)

    def _set_busy(self, text: str) -> None:
        self.service_tree.setEnabled(False)
        self.ok_button.setEnabled(False)
        self._show_status(text, error=False)

    def _set_idle(self, text: str, error: bool) -> None:
        self.service_tree.setEnabled(bool(self._services))
        self.ok_button.setEnabled(True)
        self._show_status(text, error)

    def _show_status(self, text: str, error: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;" if error else "")
        self.status_label.setVisible(bool(text))

    def item_for(self, guid: uuid.UUID) -> QTreeWidgetItem | None:
        """The row of one service, by GUID (None when no VM has it)."""
        for row in range(self.service_tree.topLevelItemCount()):
            item = self.service_tree.topLevelItem(row)
            if item.data(0, _GUID_ROLE) == guid:
                return item
        return None

    def pending_changes(self) -> dict[TargetKey, dict[uuid.UUID, bool]]:
        """Per VM, the services whose box now differs from the host's value."""
        changes: dict[TargetKey, dict[uuid.UUID, bool]] = {}
        for row in range(self.service_tree.topLevelItemCount()):
            item = self.service_tree.topLevelItem(row)
            state = item.checkState(0)
            if state == Qt.CheckState.PartiallyChecked:
                continue
            wanted = state == Qt.CheckState.Checked
            guid = item.data(0, _GUID_ROLE)
            for key, services in self._services.items():
                service = services.get(guid)
                if service is not None and service.enabled != wanted:
                    changes.setdefault(key, {})[guid] = wanted
        return changes

    # -- applying ---------------------------------------------------------------------

    def _ok_clicked(self) -> None:
        changes = self.pending_changes()
        if not changes:
            self.accept()
            return
        self._tasks.start(self._apply(changes))

    async def _apply(self, changes: dict[TargetKey, dict[uuid.UUID, bool]]) -> None:
        self._set_busy(self.tr("Applying changes…"))
        outcomes = await asyncio.gather(*(self._apply_one(key, wanted)
                                          for key, wanted in changes.items()))
        results = tuple(result for batch in outcomes for result in batch)
        self._show_results(results)
        failed = sum(not result.ok for result in results)
        summary = (self.tr("%n of %1 change(s) failed.", "", failed).replace(
            "%1", str(len(results))) if failed else
            self.tr("All %n change(s) applied.", "", len(results)))
        self.cancel_button.setText(self.tr("Close"))
        self.applied.emit(results)
        await self._load(prefix=summary)

    async def _apply_one(self, key: TargetKey, wanted: dict[uuid.UUID, bool]
                         ) -> tuple[IntegrationServiceResult, ...]:
        session, vm = self._targets[key]
        try:
            return tuple(await session.set_integration_services(vm.vm_id, wanted))
        except RemotingError as error:
            report = ErrorReport.of(error)
            names = self._services.get(key, {})
            return tuple(IntegrationServiceResult(
                session.key, vm.vm_id, guid, names[guid].name if guid in names else "", enabled,
                False, report.one_line(), report.kind, text=report.one_line_text())
                for guid, enabled in wanted.items())

    def _show_results(self, results: Sequence[IntegrationServiceResult]) -> None:
        self.results_table.setRowCount(len(results))
        for row, result in enumerate(results):
            _, vm = self._targets[(result.server_key, result.vm_id)]
            known = KnownIntegrationService.from_guid(result.guid)
            label = service_label(known) if known else result.name
            outcome = (self.tr("Enabled") if result.enabled else self.tr("Disabled")) \
                if result.ok else self.tr("Failed")
            message = MessageText.of(result.text, result.message)
            for column, text in enumerate((vm.name, label, outcome, message)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not result.ok:
                    item.setForeground(QBrush(_FAILED))
                self.results_table.setItem(row, column, item)
        self.results_table.resizeColumnsToContents()
        self.results_table.setVisible(True)
