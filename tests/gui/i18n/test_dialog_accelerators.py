"""Alt+letter reaches one control per dialog, in English and in Dutch (with Qt's own
translations of OK/Cancel installed, as the app does)."""

import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from hvmanager.domain import ServerConfig, VMState, VirtualMachine
from hvmanager.models.column_registry import ColumnRegistry
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.ui.dialogs.columns_dialog import ColumnsDialog
from hvmanager.ui.dialogs.connect_server_dialog import ConnectServerDialog
from hvmanager.ui.dialogs.error_report_dialog import ErrorReportDialog
from hvmanager.ui.dialogs.host_readiness_dialog import HostReadinessDialog
from hvmanager.ui.dialogs.hyper_v_service_dialog import HyperVServiceDialog
from hvmanager.ui.dialogs.import_servers_dialog import ImportServersDialog
from hvmanager.ui.dialogs.integration_services_dialog import IntegrationServicesDialog
from hvmanager.ui.dialogs.rename_dialog import RenameDialog

CONFIG_SAMPLE = Path(__file__).parents[2] / "unit" / "settings" / "virtmgmt.VMBrowser.config"


class OfflineSession:
    """Only what the host dialogs read before they are shown."""

    key = "http://hv01:5985"
    title = "HV01"


def dialogs():
    vm = VirtualMachine(uuid.uuid4(), OfflineSession.key, "web01", VMState.RUNNING)
    report = ErrorReportDialog()
    report.add_error(ValueError, ValueError("boom"), None)
    return [ConnectServerDialog(CredentialStore(), local_available=True,
                                initial=ServerConfig("hv01")),
            ImportServersDialog(path=CONFIG_SAMPLE),
            ColumnsDialog(ColumnRegistry.standard(), ["name"]),
            RenameDialog("web01"), report,
            IntegrationServicesDialog([(OfflineSession(), vm)]),
            HyperVServiceDialog(OfflineSession()),
            HostReadinessDialog(OfflineSession())]


def mnemonic(text: str) -> str | None:
    """The letter after a single '&', lower case; None without one."""
    text = text.replace("&&", "")
    at = text.find("&")
    return text[at + 1].lower() if 0 <= at < len(text) - 1 else None


def marked_texts(dialog):
    """(objectName, text) of every control text that carries an accelerator."""
    texts = [(w.objectName(), w.text()) for w in dialog.findChildren(QAbstractButton)
             if not w.isHidden()]
    texts += [(w.objectName(), w.text()) for w in dialog.findChildren(QLabel)
              if not w.isHidden() and w.buddy() is not None]
    texts += [(w.objectName(), w.title()) for w in dialog.findChildren(QGroupBox)
              if not w.isHidden()]
    return [(name, text) for name, text in texts if mnemonic(text)]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_accelerator_is_unique_within_its_dialog(language, qtbot, switcher):
    assert switcher.apply(language), switcher.problem
    clashes = []
    for dialog in dialogs():
        qtbot.addWidget(dialog)
        texts = marked_texts(dialog)
        letters = [mnemonic(text) for _, text in texts]
        if len(letters) != len(set(letters)):
            clashes.append((dialog.objectName(), sorted(texts, key=lambda t: mnemonic(t[1]))))
    assert clashes == []


def test_the_check_notices_a_clash(qtbot):
    dialog = RenameDialog("web01")
    qtbot.addWidget(dialog)
    assert mnemonic("Re&fresh") == "f" and mnemonic("Tom && Jerry") is None
    dialog.findChild(QAbstractButton).setText("&New")  # clashes with "&New name:"
    letters = [mnemonic(text) for _, text in marked_texts(dialog)]
    assert len(letters) != len(set(letters))
