"""Per-VM results: failures first, with their messages, in one reused non-modal window."""

import uuid

from hvmanager.core.action_result import ActionResult
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.ui.dialogs.action_results_dialog import ActionResultsDialog


def result(name, ok, message=""):
    return ActionResult("http://hv01:5985", uuid.uuid4(), name, VmAction.START, ok, message,
                        "" if ok else "InvalidState")


def test_failures_first_with_messages_and_host_titles(qtbot):
    dialog = ActionResultsDialog(host_title=lambda key: {"http://hv01:5985": "HV01"}[key])
    qtbot.addWidget(dialog)
    results = [result("a-ok", True), result("b-bad", False, "The operation cannot be performed "
                                            "while the object is in its current state."),
               result("c-ok", True)]
    assert ActionResultsDialog.has_failures(results)
    assert not ActionResultsDialog.has_failures([r for r in results if r.ok])
    dialog.show_results(results)
    assert dialog.isVisible() and not dialog.isModal()
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert rows[0][:4] == ["b-bad", "HV01", "Start", "Failed"]
    assert "current state" in rows[0][4]
    assert [row[0] for row in rows[1:]] == ["a-ok", "c-ok"]
    assert dialog.summary_label.text() == "1 of 3 action(s) failed."
    assert dialog.result_at(0).vm_name == "b-bad"

    # Reused, not stacked: a second batch replaces the first in the same window.
    dialog.show_results([result("z", True)])
    assert table.rowCount() == 1
    assert dialog.summary_label.text() == "All 1 action(s) succeeded."
