"""The Details pane: Summary, Memory, Networking and Disks of the selected VM."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QTabWidget, QWidget

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.ui.panes.device_table_page import DeviceTablePage
from hvmanager.ui.value_text import memory_text, uptime_text, value_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("DetailsPane", text)


def _summary_rows(vm: VirtualMachine) -> list[tuple[str, str]]:
    return [
        (_tr("Name"), vm.name), (_tr("Host"), vm.host), (_tr("State"), vm.state.value),
        (_tr("Generation"), value_text(vm.generation)),
        (_tr("Configuration Version"), value_text(vm.version)),
        (_tr("Uptime"), uptime_text(vm.uptime)),
        (_tr("CPU Usage"), "" if vm.cpu_usage is None else f"{vm.cpu_usage} %"),
        (_tr("Processors"), value_text(vm.processor_count)),
        (_tr("Heartbeat"), value_text(vm.heartbeat)), (_tr("Status"), value_text(vm.status)),
        (_tr("Checkpoint"), value_text(vm.parent_snapshot_name)),
        (_tr("Created"), value_text(vm.creation_time)), (_tr("Notes"), value_text(vm.notes)),
        (_tr("VM Id"), str(vm.vm_id)),
    ]


def _memory_rows(vm: VirtualMachine) -> list[tuple[str, str]]:
    return [
        (_tr("Startup Memory"), memory_text(vm.memory_startup)),
        (_tr("Dynamic Memory"), value_text(vm.dynamic_memory_enabled)),
        (_tr("Minimum Memory"), memory_text(vm.memory_minimum)),
        (_tr("Maximum Memory"), memory_text(vm.memory_maximum)),
        (_tr("Assigned Memory"), memory_text(vm.memory_assigned)),
        (_tr("Memory Demand"), memory_text(vm.memory_demand)),
        (_tr("Memory Status"), value_text(vm.memory_status)),
    ]


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
    """Tabs for one selected VM; Networking and Disks are queried when their tab shows.

    ``session_for(server_key)`` returns the host's session (``disks``/``network_adapters``).
    """

    def __init__(self, session_for: Callable[[str], object | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self._session_for = session_for
        self.summary = _FormPage("detailsSummary")
        self.memory = _FormPage("detailsMemory")
        self.networking = DeviceTablePage("detailsNetworking")
        self.disks = DeviceTablePage("detailsDisks")
        for page in (self.summary, self.memory, self.networking, self.disks):
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
            message = (_tr("No virtual machine selected.") if not vms else
                       _tr("{count} virtual machines selected.").format(count=len(vms)))
            self.summary.show_rows([("", message)])
            self.memory.show_rows([])
            self.networking.clear(message)
            self.disks.clear(message)
            return
        server_key, vm = self._selected
        self.summary.show_rows(_summary_rows(vm))
        self.memory.show_rows(_memory_rows(vm))
        if previous is None or previous[0] != server_key or previous[1].vm_id != vm.vm_id:
            self.networking.clear()
            self.disks.clear()
        self._load_current()

    def _load_current(self) -> None:
        if self._selected is None:
            return
        server_key, vm = self._selected
        session = self._session_for(server_key)
        if session is None:
            return
        key = (server_key, vm.vm_id)
        loading = _tr("Loading...")
        if self.currentWidget() is self.disks:
            self.disks.load(key, lambda: _disk_rows(session, vm), loading)
        elif self.currentWidget() is self.networking:
            self.networking.load(key, lambda: _adapter_rows(session, vm), loading)

    def cancel(self) -> None:
        """Drop queries in flight (the window is closing)."""
        self.networking.cancel()
        self.disks.cancel()

    def retranslate(self) -> None:
        """Tab titles and table headers in the current language."""
        for index, title in enumerate((_tr("Summary"), _tr("Memory"), _tr("Networking"),
                                       _tr("Disks"))):
            self.setTabText(index, title)
        self.disks.set_headers([_tr("Path"), _tr("Controller type"), _tr("Controller number"),
                                _tr("Controller location")])
        self.networking.set_headers([_tr("Adapter"), _tr("Switch"), _tr("Connected"),
                                     _tr("MAC address"), _tr("IP addresses"), _tr("Status")])
        if self._selected is not None:
            self.show_selection((self._selected,))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


async def _disk_rows(session, vm: VirtualMachine) -> list[list[str]]:
    disks = await session.disks(vm.vm_id)
    return [[disk.path or (f"Disk {disk.disk_number}" if disk.disk_number is not None else ""),
             disk.controller_type.value, value_text(disk.controller_number),
             value_text(disk.controller_location)] for disk in disks]


async def _adapter_rows(session, vm: VirtualMachine) -> list[list[str]]:
    adapters = await session.network_adapters(vm.vm_id)
    return [[adapter.name, value_text(adapter.switch_name), value_text(adapter.connected),
             adapter.mac_address_display, ", ".join(adapter.ip_addresses),
             ", ".join(adapter.status)] for adapter in adapters]
