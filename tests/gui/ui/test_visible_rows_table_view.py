"""The VM table repaints, when rows change, only the rows it shows, and paints a cell with
one call into Python."""

import uuid
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_diff import VmChange, VmDiff
from hvmanager.domain.vm_state import VMState
from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.models.vm_filter_proxy_model import VmFilterProxyModel
from hvmanager.models.vm_table_model import VmTableModel
from hvmanager.ui.panes.vm_table_pane import VmTablePane


class _Paints(QObject):
    """The regions a widget painted."""

    def __init__(self):
        super().__init__()
        self.regions = []

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())
        return False


def _vms(count):
    return [VirtualMachine(vm_id=uuid.UUID(int=number + 1), host="hv1", name=f"vm-{number:03d}",
                           state=VMState.RUNNING, cpu_usage=number % 100)
            for number in range(count)]


@pytest.fixture
def shown(qtbot):
    table = VmTableModel(ColumnRegistry.standard())
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    action = QAction()
    pane = VmTablePane(table, proxy, action)
    qtbot.addWidget(pane)
    pane.resize(800, 400)
    vms = _vms(300)
    table.apply_diff("hv1", VmDiff(added=tuple(vms)))
    with qtbot.waitExposed(pane):
        pane.show()
    paints = _Paints()
    pane.table.viewport().installEventFilter(paints)
    qtbot.wait(20)
    paints.regions.clear()
    yield table, pane, vms, paints
    pane.table.viewport().removeEventFilter(paints)


def _change(table, vms, rows, **fields):
    changes = []
    for row in rows:
        new = replace(vms[row], **fields)
        changes.append(VmChange(vms[row], new))
        vms[row] = new
    table.apply_diff("hv1", VmDiff(changed=tuple(changes)))


def test_changes_below_the_visible_rows_repaint_nothing(qtbot, shown):
    table, pane, vms, paints = shown
    last_visible = pane.table.rowAt(pane.table.viewport().height() - 1)
    assert 5 < last_visible < 40
    # Far more than 200 cells (Qt repaints its whole viewport for those), none on screen.
    _change(table, vms, range(40, 300), cpu_usage=77)
    qtbot.wait(50)
    assert paints.regions == []
    assert table.vm_at(299).cpu_usage == 77


def test_changes_reaching_the_visible_rows_repaint_only_those_rows(qtbot, shown):
    table, pane, vms, paints = shown
    view = pane.table
    first_changed = 4
    _change(table, vms, range(first_changed, 300), state=VMState.OFF)
    qtbot.waitUntil(lambda: paints.regions != [], timeout=2000)
    painted = paints.regions[0]
    for region in paints.regions[1:]:
        painted = painted.united(region)
    top = view.visualRect(view.model().index(first_changed, 0)).top()
    assert painted.top() >= top  # the unchanged rows above were not repainted
    assert painted.bottom() >= view.viewport().height() - view.rowHeight(0)
    assert view.model().index(first_changed, 1).data() == table.index(first_changed, 1).data()


def test_after_scrolling_the_rows_on_screen_are_the_ones_that_count(qtbot, shown):
    table, pane, vms, paints = shown
    view = pane.table
    view.scrollTo(view.model().index(250, 0))
    qtbot.wait(20)
    paints.regions.clear()
    first_visible = view.rowAt(0)
    assert first_visible > 200
    _change(table, vms, range(0, first_visible), cpu_usage=55)
    qtbot.wait(50)
    assert paints.regions == []  # all above the visible rows
    _change(table, vms, [first_visible + 1], cpu_usage=56)
    qtbot.waitUntil(lambda: paints.regions != [], timeout=2000)
    row_rect = view.visualRect(view.model().index(first_visible + 1, 0))
    assert all(region.top() >= row_rect.top() - 1 and region.bottom() <= row_rect.bottom() + 1
               for region in paints.regions)


class _CountingTable(VmTableModel):
    """Counts what painting asks of the table."""

    def __init__(self, registry):
        super().__init__(registry)
        self.calls = {"data": 0, "multiData": 0}

    def data(self, index, role=0):
        self.calls["data"] += 1
        return super().data(index, role)

    def multiData(self, index, role_data_span):  # noqa: N802 (Qt override)
        self.calls["multiData"] += 1
        super().multiData(index, role_data_span)


def test_a_painted_cell_is_one_call_into_the_table(qtbot):
    table = _CountingTable(ColumnRegistry.standard())
    proxy = VmFilterProxyModel()
    proxy.setSourceModel(table)
    pane = VmTablePane(table, proxy, QAction())
    qtbot.addWidget(pane)
    pane.resize(800, 300)
    table.apply_diff("hv1", VmDiff(added=tuple(_vms(50))))
    with qtbot.waitExposed(pane):
        pane.show()
    view = pane.table
    rows = view.rowAt(view.viewport().height() - 1) - view.rowAt(0) + 1
    columns = sum(1 for section in range(proxy.columnCount())
                  if view.columnViewportPosition(section) < view.viewport().width())
    table.calls.update(data=0, multiData=0)
    view.viewport().repaint()
    assert table.calls["data"] == 0
    assert rows * columns <= table.calls["multiData"] <= (rows + 1) * proxy.columnCount()
