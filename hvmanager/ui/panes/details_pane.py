"""The Details pane: Summary, Memory, Networking and Disks of the selected VM."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QTabWidget, QWidget

from hvmanager.domain.virtual_machine import OPTIONAL_FIELD_NAMES, VirtualMachine
from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.ui.panes.device_table_page import DeviceTablePage
from hvmanager.ui.value_text import value_text

translate = QCoreApplication.translate


SUMMARY_KEYS = ("name", "state", "generation", "version", "uptime", "cpu_usage",
                "processor_count", "heartbeat", "status", "parent_snapshot_name", "checkpoint_type",
                "integration_services_version", "creation_time", "path", "notes", "vm_id")
MEMORY_KEYS = ("memory_startup", "dynamic_memory_enabled", "memory_minimum", "memory_maximum",
               "memory_assigned", "memory_demand", "memory_status")


def merged(full: VirtualMachine | None, snapshot: VirtualMachine) -> VirtualMachine:
    """The full query's values, overlaid with the fresher fields the table refresh fetched."""
    if full is None or full.vm_id != snapshot.vm_id:
        return snapshot
    fresh = {field: getattr(snapshot, field) for field in OPTIONAL_FIELD_NAMES
             if snapshot.is_fetched(field)}
    return dataclasses.replace(full, name=snapshot.name, state=snapshot.state,
                               fetched=full.fetched | snapshot.fetched, **fresh)


class _FormPage(QWidget):
    """Label/value rows; values a refresh did not fetch show empty."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.form = QFormLayout(self)

    def show_rows(self, rows: list[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, value in rows:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if label:
                self.form.addRow(label, field)
            else:
                self.form.addRow(field)

    def values(self) -> dict[str, str]:
        """Label text -> value text (for tests and accessibility checks)."""
        result = {}
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None:
                result[label.widget().text()] = field.widget().text()
        return result


class DetailsPane(QTabWidget):
    """Tabs for one selected VM, texts formatted by the column registry.

    Summary and Memory show the table's snapshot at once, then every property from one
    ``HostSession.vm`` query (re-run when the state changes); Networking and Disks are
    queried when their tab shows. ``session_for(server_key)`` returns the host's session,
    ``title_for(server_key)`` the name the tree shows.
    """

    loaded = Signal()

    def __init__(self, registry: ColumnRegistry, session_for: Callable[[str], object | None],
                 title_for: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self._registry = registry
        self._session_for = session_for
        self._title_for = title_for
        self._full: VirtualMachine | None = None
        self._full_task: asyncio.Task | None = None
        self.summary = _FormPage("detailsSummary")
        self.memory = _FormPage("detailsMemory")
        self.networking = DeviceTablePage("detailsNetworking")
        self.disks = DeviceTablePage("detailsDisks")
        for page in (self.summary, self.memory):
            # Scrollable, so the pane can be short without squeezing the VM table.
            scroller = QScrollArea()
            scroller.setObjectName(f"{page.objectName()}Scroller")
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            scroller.setWidget(page)
            self.addTab(scroller, "")
        for page in (self.networking, self.disks):
            self.addTab(page, "")
        self._selected: tuple[str, VirtualMachine] | None = None
        self._count = 0
        self.currentChanged.connect(lambda _index: self._load_current())
        self.retranslate()
        self.show_selection(())

    def show_selection(self, vms: tuple[tuple[str, VirtualMachine], ...]) -> None:
        """Show one VM's details, or say why there are none."""
        self._count = len(vms)
        previous = self._selected
        self._selected = vms[0] if len(vms) == 1 else None
        if self._selected is None:
            message = (translate("DetailsPane", "No virtual machine selected.") if not vms else
                       self.tr("%n virtual machine(s) selected.", "", len(vms)))
            self._cancel_full()
            self._full = None
            self.summary.show_rows([("", message)])
            self.memory.show_rows([])
            self.networking.clear(message)
            self.disks.clear(message)
            return
        server_key, vm = self._selected
        same = previous is not None and previous[0] == server_key and previous[1].vm_id == vm.vm_id
        if not same:
            self._full = None
            self.networking.clear()
            self.disks.clear()
        self._render()
        # One full query per VM and state: re-showing the same VM while its query runs
        # (selection and data signals arrive together) must not cancel and restart it.
        stale = self._full is not None and self._full.state != vm.state
        if not same or stale or (self._full is None and self._full_task is None):
            self._load_full(server_key, vm)
        self._load_current()

    def reload(self) -> None:
        """Query the selected VM again (an action changed what the table may not show)."""
        if self._selected is not None:
            self._load_full(*self._selected)

    @property
    def full_vm(self) -> VirtualMachine | None:
        """The selected VM with every property, once its query answered."""
        return self._full

    def _render(self) -> None:
        if self._selected is None:
            return
        server_key, snapshot = self._selected
        vm = merged(self._full, snapshot)
        rows = [(self._registry.column(key).display_title(), self._registry.column(key).text(vm))
                for key in SUMMARY_KEYS if key in self._registry]
        rows.insert(1, (translate("DetailsPane", "Host"), self._title_for(server_key)))
        self.summary.show_rows(rows)
        self.memory.show_rows([(self._registry.column(key).display_title(),
                                self._registry.column(key).text(vm))
                               for key in MEMORY_KEYS if key in self._registry])

    def _load_full(self, server_key: str, vm: VirtualMachine) -> None:
        self._cancel_full()
        session = self._session_for(server_key)
        if session is not None:
            self._full_task = asyncio.ensure_future(self._fetch_full(session, vm))

    async def _fetch_full(self, session, vm: VirtualMachine) -> None:
        try:
            full = await session.vm(vm.vm_id)
        except asyncio.CancelledError:
            raise
        except Exception:  # the table's snapshot stays; the log pane has the error
            full = None
        finally:
            if self._full_task is asyncio.current_task():
                self._full_task = None
        if full is not None and self._selected is not None \
                and self._selected[1].vm_id == full.vm_id:
            self._full = full
            self._render()
        self.loaded.emit()

    def _cancel_full(self) -> None:
        if self._full_task is not None and not self._full_task.done():
            self._full_task.cancel()
        self._full_task = None

    def _load_current(self) -> None:
        if self._selected is None:
            return
        server_key, vm = self._selected
        session = self._session_for(server_key)
        if session is None:
            return
        key = (server_key, vm.vm_id)
        loading = translate("DetailsPane", "Loading...")
        if self.currentWidget() is self.disks:
            self.disks.load(key, lambda: _disk_rows(session, vm), loading)
        elif self.currentWidget() is self.networking:
            self.networking.load(key, lambda: _adapter_rows(session, vm), loading)

    def cancel(self) -> None:
        """Drop queries in flight (the window is closing)."""
        self._cancel_full()
        self.networking.cancel()
        self.disks.cancel()

    def retranslate(self) -> None:
        """Tab titles and table headers in the current language."""
        self.setAccessibleName(translate("DetailsPane", "Details"))
        titles = (translate("DetailsPane", "Summary"), translate("DetailsPane", "Memory"),
                  translate("DetailsPane", "Networking"), translate("DetailsPane", "Disks"))
        for index, title in enumerate(titles):
            self.setTabText(index, title)
        self.disks.set_headers([
            translate("DetailsPane", "Path"), translate("DetailsPane", "Controller type"),
            translate("DetailsPane", "Controller number"),
            translate("DetailsPane", "Controller location")])
        self.networking.set_headers([
            translate("DetailsPane", "Adapter"), translate("DetailsPane", "Switch"),
            translate("DetailsPane", "Connected"), translate("DetailsPane", "MAC address"),
            translate("DetailsPane", "IP addresses"), translate("DetailsPane", "Status")])
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


async def _disk_rows(session, vm: VirtualMachine) -> list[list[str]]:
    disks = await session.disks(vm.vm_id)
    return [[disk.path or (translate("DetailsPane", "Disk %1").replace("%1", str(disk.disk_number))
                           if disk.disk_number is not None else ""),
             disk.controller_type.value, value_text(disk.controller_number),
             value_text(disk.controller_location)] for disk in disks]


async def _adapter_rows(session, vm: VirtualMachine) -> list[list[str]]:
    adapters = await session.network_adapters(vm.vm_id)
    return [[adapter.name, value_text(adapter.switch_name), value_text(adapter.connected),
             adapter.mac_address_display, ", ".join(adapter.ip_addresses),
             ", ".join(adapter.status)] for adapter in adapters]
