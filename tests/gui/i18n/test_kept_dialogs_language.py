"""The dialogs the app keeps for its whole run (action results, error report) follow
View > Language like the window: built in English, they read Dutch after the switch."""

import uuid

from hvmanager.core.action_result import ActionResult
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.ui.dialogs.action_results_dialog import ActionResultsDialog
from hvmanager.ui.dialogs.error_report_dialog import ErrorReportDialog


def headers(dialog):
    table = dialog.table
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_the_action_results_follow_a_language_switch(qtbot, switcher):
    assert switcher.apply("en")  # as the app starts: English plural forms
    dialog = ActionResultsDialog()
    qtbot.addWidget(dialog)
    dialog.show_results([
        ActionResult("http://hv01:5985", uuid.uuid4(), "web01", VmAction.START, False, "x"),
        ActionResult("http://hv01:5985", uuid.uuid4(), "web02", VmAction.START, True, "")])
    assert dialog.summary_label.text() == "1 of 2 actions failed."
    assert switcher.apply("nl"), switcher.problem
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Resultaten van acties", timeout=3000)
    assert headers(dialog) == ["Virtuele machine", "Host", "Actie", "Resultaat", "Bericht"]
    assert dialog.summary_label.text() == "1 van 2 acties is mislukt."
    assert [dialog.table.item(row, 2).text() for row in range(2)] == ["Starten", "Starten"]
    assert [dialog.table.item(row, 3).text() for row in range(2)] == ["Mislukt", "Geslaagd"]
    assert dialog.result_at(0).vm_name == "web01"
    assert switcher.apply("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Action Results", timeout=3000)
    assert headers(dialog)[0] == "Virtual Machine"


def test_the_error_report_follows_a_language_switch(qtbot, switcher):
    assert switcher.apply("en")
    dialog = ErrorReportDialog()
    qtbot.addWidget(dialog)
    dialog.add_error(ValueError, ValueError("boom"), None)
    dialog.add_error(KeyError, KeyError("key"), None)
    dialog.details_button.setChecked(True)
    assert switcher.apply("nl"), switcher.problem
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Onverwachte fout", timeout=3000)
    assert dialog.summary_label.text() == (
        "Er zijn 2 onverwachte fouten opgetreden. De laatste:\nKeyError: 'key'")
    assert dialog.details_button.text() == "&Details verbergen"
    assert dialog.copy_button.text() == "&Kopiëren naar Klembord"
    assert switcher.apply("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Unexpected Error", timeout=3000)
    assert dialog.summary_label.text().startswith("2 unexpected errors occurred.")
    assert dialog.error_count == 2
