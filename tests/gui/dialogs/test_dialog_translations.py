"""Every text the dialogs show goes through Qt translation and is found by pyside6-lupdate;
every named widget has an accessible name (tests and screen readers find them).

The test extracts the dialogs' strings with ``pyside6-lupdate`` (as the Dutch translator
will), "translates" each one into «source», compiles it with ``pyside6-lrelease``,
installs it, builds every dialog and walks its widgets: a visible text without the
marks was either not passed through tr()/translate() or not found by lupdate.
"""

import shutil
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QTableWidget, QTreeWidget, QWidget)

import hvmanager
from hvmanager.core.action_result import ActionResult
from hvmanager.domain import ServerConfig, VMState, VirtualMachine
from hvmanager.hyperv.vm_action import VmAction
from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.ui.dialogs.action_results_dialog import ActionResultsDialog
from hvmanager.ui.dialogs.columns_dialog import ColumnsDialog
from hvmanager.ui.dialogs.confirm_action_dialog import ConfirmActionDialog
from hvmanager.ui.dialogs.connect_server_dialog import ConnectServerDialog
from hvmanager.ui.dialogs.error_report_dialog import ErrorReportDialog
from hvmanager.ui.dialogs.host_readiness_dialog import HostReadinessDialog
from hvmanager.ui.dialogs.hyper_v_service_dialog import HyperVServiceDialog
from hvmanager.ui.dialogs.import_servers_dialog import ImportServersDialog
from hvmanager.ui.dialogs.integration_services_dialog import IntegrationServicesDialog
from hvmanager.ui.dialogs.rename_dialog import RenameDialog

PACKAGE = Path(hvmanager.__file__).parent
# lupdate does not look for .py files in folders: name each file.
SOURCES = [*sorted((PACKAGE / "ui" / "dialogs").glob("*.py")),
           PACKAGE / "models" / "column_registry.py"]
#: Qt translates its standard buttons itself (qtbase_*.qm), not our catalogue.
QT_OWN = {"OK", "&OK", "Cancel", "&Cancel", "Close", "&Close", "Yes", "&Yes", "No", "&No"}


def tool(name):
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else shutil.which(name)


@pytest.fixture(scope="module")
def marked_catalogue(tmp_path_factory):
    folder = tmp_path_factory.mktemp("i18n")
    ts = folder / "marked.ts"
    subprocess.run([tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(ts)], check=True,
                   capture_output=True, timeout=120)
    tree = ElementTree.parse(ts)
    tree.getroot().set("language", "nl_NL")
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for _ in range(2):
                ElementTree.SubElement(translation, "numerusform").text = f"«{source}»"
        else:
            translation.text = f"«{source}»"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "marked.qm"
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True, timeout=120)
    return qm


@pytest.fixture
def marked(qapp, marked_catalogue):
    translator = QTranslator()
    assert translator.load(str(marked_catalogue))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def visible_texts(dialog):
    texts = [("windowTitle", dialog.windowTitle())]
    for label in dialog.findChildren(QLabel):
        texts.append(("label " + label.objectName(), label.text()))
    for button in dialog.findChildren(QAbstractButton):
        texts.append(("button " + button.objectName(), button.text()))
    for box in dialog.findChildren(QGroupBox):
        texts.append(("group " + box.objectName(), box.title()))
    for edit in dialog.findChildren(QLineEdit):
        texts.append(("placeholder " + edit.objectName(), edit.placeholderText()))
    for combo in dialog.findChildren(QComboBox):
        texts.extend(("combo " + combo.objectName(), combo.itemText(i))
                     for i in range(combo.count()))
    for view in dialog.findChildren(QTableWidget):
        texts.extend(("header " + view.objectName(), view.horizontalHeaderItem(c).text())
                     for c in range(view.columnCount()))
    for view in dialog.findChildren(QTreeWidget):
        texts.extend(("header " + view.objectName(), view.headerItem().text(c))
                     for c in range(view.columnCount()))
    return texts


class OfflineSession:
    """Only what the host dialogs read before they are shown."""

    key = "http://hv01:5985"
    title = "HV01"


def dialogs():
    vm = VirtualMachine(uuid.uuid4(), OfflineSession.key, "web01", VMState.RUNNING)
    failed = ActionResult(OfflineSession.key, vm.vm_id, "web01", VmAction.START, False, "x")
    results = ActionResultsDialog()
    results.show_results([failed])
    report = ErrorReportDialog()
    report.add_error(ValueError, ValueError("boom"), None)
    sample = Path(__file__).parents[2] / "unit" / "settings" / "virtmgmt.VMBrowser.config"
    return [ConnectServerDialog(CredentialStore(), local_available=False,
                                initial=ServerConfig("hv01")),
            ImportServersDialog(path=sample),
            ColumnsDialog(ColumnRegistry.standard(), ["name"]),
            RenameDialog("web01"),
            ConfirmActionDialog(VmAction.TURN_OFF, ["web01"]),
            results, report,
            IntegrationServicesDialog([(OfflineSession(), vm)]),
            HyperVServiceDialog(OfflineSession()),
            HostReadinessDialog(OfflineSession())]


def test_every_visible_text_is_extracted_and_translated(marked, qtbot):
    untranslated = []
    data = {"web01", "HV01", "hv01", "web01 (HV01)", "localhost", "HV-LAB01",
            "hv-lab02.klas.school.local", "192.168.56.10"}
    for dialog in dialogs():
        qtbot.addWidget(dialog)
        for where, text in visible_texts(dialog):
            if not text or text in QT_OWN or text in data or "«" in text:
                continue
            untranslated.append((dialog.objectName(), where, text))
    assert untranslated == []


def test_plain_and_plural_texts_reach_the_catalogue(marked_catalogue, marked, qtbot):
    dialog = ConfirmActionDialog(VmAction.RESET, ["a", "b"])
    qtbot.addWidget(dialog)
    assert dialog.question_label.text() == (
        "«Are you sure you want to reset the selected virtual machine(s)?»")
    # Plural forms reach the translator with the count (lupdate marks them as numerus).
    assert dialog.count_label.text() == "«2 virtual machine(s):»"


def test_every_named_widget_has_an_accessible_name(qtbot):
    missing = []
    for dialog in dialogs():
        qtbot.addWidget(dialog)
        for widget in [dialog, *dialog.findChildren(QWidget)]:
            name = widget.objectName()
            if name and not name.startswith("qt_") and not widget.accessibleName():
                missing.append((dialog.objectName(), name))
    assert missing == []
