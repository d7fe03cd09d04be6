"""Hostile VM names in one bulk pipeline: exact per-VM results by id, typed parameters on the
wire (ids and the new name, never a VM's name) and a log line that reads back exactly."""

from __future__ import annotations

import asyncio
import uuid

from hostile_names import HOSTILE_NAMES, recording_backend
from PySide6.QtCore import Qt
from unit.hyperv.powershell_argument_reader import read_argument

from hvmanager.hyperv.vm_action import VmAction
from hvmanager_testing.gui_app import connect_lab, shown_rows


def _log_texts(desktop) -> list[str]:
    log = desktop.models.log
    return [log.index(row, 2).data(Qt.ItemDataRole.DisplayRole) for row in range(log.rowCount())]


def _run(qtbot, coroutine):
    task = asyncio.ensure_future(coroutine)
    qtbot.waitUntil(task.done, timeout=15000)
    return task.result()


def test_hostile_names_in_one_bulk_pipeline(make_lab, make_app, qtbot):
    runners: list = []
    lab = make_lab(hosts=1, vms_per_host=0, backend=recording_backend(runners))
    model = lab.hosts[0].model
    # Every other VM runs: Pause fails on the others, whatever their names say.
    vms = [model.add_vm(name, state="Running" if index % 2 else "Off")
           for index, name in enumerate(HOSTILE_NAMES)]
    ids = [vm.vm_id for vm in vms]
    desktop = make_app()
    key, = connect_lab(desktop, lab)
    qtbot.waitUntil(lambda: {vm.vm_id for _, vm in shown_rows(desktop.models.proxy)} >= set(ids),
                    timeout=10000)
    session = desktop.catalog.session(key)

    paused = _run(qtbot, session.run_action(VmAction.PAUSE, ids + ids[:2]))
    assert [(r.vm_id, r.vm_name) for r in paused] == list(zip(ids, HOSTILE_NAMES))
    assert [r.ok for r in paused] == [bool(index % 2) for index in range(len(ids))]
    assert {r.error_kind for r in paused if not r.ok} == {"InvalidState"}
    assert [model.vm_state(vm).name for vm in vms] == [
        "Paused" if index % 2 else "Off" for index in range(len(ids))]

    new_name = HOSTILE_NAMES[0] + HOSTILE_NAMES[3]
    renamed = _run(qtbot, session.run_action(VmAction.RENAME, ids[:3], new_name=new_name))
    assert all(r.ok for r in renamed) and [model.vm(i).name for i in ids[:3]] == [new_name] * 3

    # On the wire: one pipeline per call, the VMs by typed id, the name as one typed value.
    received = [pipeline for runner in runners for pipeline in runner.pipelines
                if any(command.name in ("Suspend-VM", "Rename-VM") for command in pipeline)]
    assert len(received) == 2
    assert not any(command.is_script for pipeline in received for command in pipeline)
    pause, rename = received
    assert [command.name for command in pause] == [
        "Get-VM", "Where-Object", "Suspend-VM", "Select-Object"]
    assert pause[0].parameters == ()
    picked = dict(pause[1].parameters)
    assert [uuid.UUID(str(value)) for value in picked["Value"]] == ids
    assert pause[2].parameters == (("Passthru", True),)
    assert dict(rename[2].parameters)["NewName"] == new_name

    # The log pane: one line per call, which reads back as the same ids and name.
    def action_lines():
        return [text for text in _log_texts(desktop) if "Suspend-VM" in text or "Rename-VM" in text]
    qtbot.waitUntil(lambda: len(action_lines()) == 2, timeout=5000)
    texts = action_lines()
    prefix = "Get-VM | Where-Object -Property Id -In -Value "
    assert texts[0] == (prefix + ", ".join(map(str, ids))
                        + " | Suspend-VM -Passthru | Select-Object -Property VMId")
    position, read = len(prefix), []
    while True:
        value, position = read_argument(texts[0], position)
        read.append(uuid.UUID(value))
        if not texts[0].startswith(", ", position):
            break
        position += 2
    assert read == ids
    name_at = texts[1].index(" | Rename-VM -NewName ") + len(" | Rename-VM -NewName ")
    value, end = read_argument(texts[1], name_at)
    assert value == new_name
    assert texts[1][end:] == " -Passthru | Select-Object -Property VMId"
