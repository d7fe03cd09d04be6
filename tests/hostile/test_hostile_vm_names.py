"""Names and notes with quotes, ; | $() backticks, newlines, RTL and combining marks, 1,000
characters and duplicates: listed, filtered, sorted, acted on, renamed and logged exactly,
and they reach the host as typed parameters, never as script text."""

from __future__ import annotations

import asyncio

from hostile_names import HOSTILE_NAMES, HOSTILE_NOTES, recording_backend
from PySide6.QtCore import Qt
from unit.hyperv.powershell_argument_reader import read_argument

from hvmanager.hyperv.vm_action import VmAction
from hvmanager.models import roles
from hvmanager_testing.gui_app import connect_lab, shown_rows

COLUMNS = ["name", "state", "notes"]


def _hostile_lab(make_lab, runners=None):
    options = {"backend": recording_backend(runners)} if runners is not None else {}
    lab = make_lab(hosts=1, vms_per_host=1, **options)
    model = lab.hosts[0].model
    ids = [model.add_vm(name, notes=f"{index}:{HOSTILE_NOTES}").vm_id
           for index, name in enumerate(HOSTILE_NAMES)]
    return lab, ids


def _show_columns(desktop) -> None:
    desktop.window.vm_pane.set_visible_columns([(key, 120) for key in COLUMNS])
    desktop.inventory.set_properties(desktop.registry.properties_for(COLUMNS))
    desktop.inventory.refresh_all()


def _shown(desktop) -> dict:
    return {vm.vm_id: vm for _, vm in shown_rows(desktop.models.proxy)}


def test_hostile_names_and_notes_are_listed_filtered_and_sorted_exactly(make_lab, make_app, qtbot):
    lab, ids = _hostile_lab(make_lab)
    desktop = make_app()
    connect_lab(desktop, lab)
    _show_columns(desktop)
    qtbot.waitUntil(lambda: all(vm_id in _shown(desktop) and _shown(desktop)[vm_id].notes
                                for vm_id in ids), timeout=10000)
    table, proxy = desktop.models.table, desktop.models.proxy
    name_section, notes_section = table.section_of("name"), table.section_of("notes")
    for index, (vm_id, name) in enumerate(zip(ids, HOSTILE_NAMES)):
        row = table.row_of(table.vms()[0].host, vm_id)
        assert table.vm_at(row).name == name
        assert table.index(row, name_section).data(Qt.ItemDataRole.DisplayRole) == name
        assert table.index(row, notes_section).data(Qt.ItemDataRole.DisplayRole) == \
            f"{index}:{HOSTILE_NOTES}"
    assert sum(vm.name == "dup" for vm in _shown(desktop).values()) == 2  # names are not unique

    # The filter matches every visible cell: names and notes (the notes hold "$(", "|", ";").
    texts = {vm_id: f"{name}\n{index}:{HOSTILE_NOTES}".lower()
             for index, (vm_id, name) in enumerate(zip(ids, HOSTILE_NAMES))}
    for needle in ("$(", "|", "Stop-Computer", "`whoami", "\u05e9\u05dc\u05d5\u05dd", "L" * 500,
                   "dup", "\u2018typo", "e\u0301\u0301", "<xml/>", "two\nlines"):
        proxy.set_filter_text(needle)
        qtbot.waitUntil(lambda: not proxy.warming_up(), timeout=5000)
        expected = {vm_id for vm_id, text in texts.items() if needle.strip().lower() in text}
        assert expected and set(_shown(desktop)) == expected, needle
    proxy.set_filter_text("")

    column = table.registry.column("name")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(name_section, order)
        keys = [column.sort_key(vm) for _, vm in shown_rows(proxy)]
        assert keys == sorted(keys, reverse=order is Qt.SortOrder.DescendingOrder)
        assert len(keys) == len(HOSTILE_NAMES) + 1


def test_actions_and_renames_travel_as_typed_parameters_and_log_exactly(make_lab, make_app, qtbot):
    runners: list = []
    lab, ids = _hostile_lab(make_lab, runners)
    desktop = make_app()
    key, = connect_lab(desktop, lab)
    qtbot.waitUntil(lambda: all(vm_id in _shown(desktop) for vm_id in ids), timeout=10000)
    session = desktop.catalog.session(key)
    model = lab.hosts[0].model

    started = asyncio.ensure_future(session.run_action(VmAction.START, ids))
    qtbot.waitUntil(started.done, timeout=15000)
    results = started.result()
    assert all(result.ok for result in results), results
    assert [result.vm_name for result in results] == list(HOSTILE_NAMES)

    # Each VM takes the next one's name: every hostile string as -NewName, once.
    new_names = HOSTILE_NAMES[1:] + HOSTILE_NAMES[:1]
    renames = [asyncio.ensure_future(session.run_action(VmAction.RENAME, [vm_id], new_name=name))
               for vm_id, name in zip(ids, new_names)]
    qtbot.waitUntil(lambda: all(task.done() for task in renames), timeout=20000)
    assert all(task.result()[0].ok for task in renames), [task.result() for task in renames]
    assert [model.vm(vm_id).name for vm_id in ids] == list(new_names)
    qtbot.waitUntil(lambda: [_shown(desktop)[vm_id].name for vm_id in ids] == list(new_names),
                    timeout=10000)

    # The host received typed parameters equal to the exact strings, never a script.
    received = [pipeline for runner in runners for pipeline in runner.pipelines]
    assert not any(command.is_script for pipeline in received for command in pipeline)
    renamed = {pipeline[0].parameters[0][1]: pipeline[1].parameters for pipeline in received
               if len(pipeline) == 2 and pipeline[1].name == "Rename-VM"}
    for vm_id, name in zip(ids, new_names):
        assert renamed[vm_id] == (("NewName", name),)

    # The log pane shows PowerShell that reads back as the same string.
    log = desktop.models.log
    texts = [log.index(row, 2).data(Qt.ItemDataRole.DisplayRole) for row in range(log.rowCount())]
    for vm_id, name in zip(ids, new_names):
        prefix = f"Get-VM -Id {vm_id} | Rename-VM -NewName "
        text, = [line for line in texts if line.startswith(prefix)]
        value, end = read_argument(text, len(prefix))
        assert value == name and end == len(text), text
        assert log.index(texts.index(text), 2).data(roles.CopyTextRole).endswith(text)
