"""CommandLogModel: rows per pipeline, capped with batch drops, copyable PowerShell."""

from datetime import datetime, timezone

from PySide6.QtCore import Qt

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.models import roles
from hvmanager.models.command_log_model import CommandLogModel


def entry(n: int, ok: bool = True) -> CommandLogEntry:
    return CommandLogEntry("hv1", "HV1", f"Get-VM -Id '{n}' | Start-VM",
                           datetime(2026, 1, 1, 12, 0, n % 60, tzinfo=timezone.utc), 0.125, ok,
                           "1 object" if ok else "The operation cannot be performed")


def test_columns_and_cells(qtmodeltester):
    model = CommandLogModel()
    model.append(entry(1))
    model.append(entry(2, ok=False))
    qtmodeltester.check(model)
    headers = [model.headerData(s, Qt.Orientation.Horizontal) for s in range(5)]
    assert headers == ["Time", "Host", "Command", "Duration", "Result"]
    assert model.index(0, 1).data() == "HV1"
    assert model.index(0, 2).data() == "Get-VM -Id '1' | Start-VM"
    assert model.index(0, 3).data() == "0.12 s"
    assert model.index(0, 4).data() == "OK: 1 object"
    assert model.index(1, 4).data().startswith("Failed: ")
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, 0).data(roles.LogEntryRole) == entry(2, ok=False)


def test_copy_text_is_runnable_powershell_with_a_comment():
    model = CommandLogModel()
    model.extend([entry(1), entry(2)])
    text = model.copy_text([1, 0])
    lines = text.splitlines()
    assert lines[0].startswith("# ") and "HV1" in lines[0]
    assert lines[1] == "Get-VM -Id '1' | Start-VM"
    assert lines[3] == "Get-VM -Id '2' | Start-VM"
    assert model.index(0, 0).data(roles.CopyTextRole) == "\n".join(lines[:2])


def test_capacity_drops_oldest_in_batches(qtmodeltester):
    model = CommandLogModel(capacity=100)
    removals = []
    model.rowsRemoved.connect(lambda p, first, last: removals.append((first, last)))
    for n in range(109):
        model.append(entry(n))
    assert removals == [] and model.rowCount() == 109
    model.append(entry(109))
    assert removals == [(0, 9)]
    assert model.rowCount() == 100
    assert model.entry_at(0).powershell == "Get-VM -Id '10' | Start-VM"
    model.extend(entry(n) for n in range(500))
    assert model.rowCount() == 100
    assert model.entry_at(99).powershell == "Get-VM -Id '499' | Start-VM"
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0


def test_retranslate_repaints_titles_and_results(qtbot):
    model = CommandLogModel()
    model.append(entry(1))
    with qtbot.waitSignals([model.headerDataChanged, model.dataChanged], timeout=100):
        model.retranslate()


def test_every_role_of_a_cell_in_one_call_answers_as_data_does():
    from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan
    model = CommandLogModel()
    model.extend([entry(1), entry(2, ok=False)])
    every_role = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                  Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole,
                  Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, roles.LogEntryRole,
                  roles.CopyTextRole, roles.ServerKeyRole)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in every_role:
                role_data = QModelRoleData(int(role))
                role_data.setData("stale")
                model.multiData(index, QModelRoleDataSpan(role_data))
                assert role_data.data() == index.data(role), (row, column, role)
    role_data = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
    model.multiData(QModelIndex(), QModelRoleDataSpan(role_data))
    assert role_data.data() is None
    assert not model.index(2, 0).isValid() and not model.index(0, 5).isValid()
