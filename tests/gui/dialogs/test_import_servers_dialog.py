"""Import from Hyper-V Manager: the names with check boxes, existing ones marked, problems in place."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from hvmanager.domain import ServerConfig, Transport
from hvmanager.ui.dialogs.import_servers_dialog import ImportServersDialog

SAMPLE = Path(__file__).parents[2] / "unit" / "settings" / "virtmgmt.VMBrowser.config"


def texts(dialog):
    return [dialog.server_list.item(r).text() for r in range(dialog.server_list.count())]


def test_lists_names_marks_existing_and_invalid(qtbot):
    dialog = ImportServersDialog(path=SAMPLE, existing_keys={"http://hv-lab01:5985"})
    qtbot.addWidget(dialog)
    dialog.show()
    assert texts(dialog) == ["localhost", "HV-LAB01 (already added)",
                             "hv-lab02.klas.school.local", "192.168.56.10",
                             "bad name (not a valid address)"]
    assert "5 server(s) found" in dialog.status_label.text()
    assert not dialog.server_list.item(4).flags() & Qt.ItemFlag.ItemIsEnabled
    with qtbot.waitSignal(dialog.servers_chosen) as chosen:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert chosen.args[0] == (ServerConfig.local(), ServerConfig("hv-lab02.klas.school.local"),
                              ServerConfig("192.168.56.10"))


def test_https_changes_the_servers_and_what_counts_as_added(qtbot):
    dialog = ImportServersDialog(path=SAMPLE, existing_keys={"http://hv-lab01:5985"})
    qtbot.addWidget(dialog)
    dialog.transport_combo.setCurrentIndex(dialog.transport_combo.findData(Transport.HTTPS))
    assert texts(dialog)[1] == "HV-LAB01"
    servers = dialog.selected_servers()
    assert ServerConfig("HV-LAB01", transport=Transport.HTTPS) in servers


def test_nothing_checked_disables_ok(qtbot):
    dialog = ImportServersDialog(path=SAMPLE)
    qtbot.addWidget(dialog)
    for row in range(dialog.server_list.count()):
        if dialog.server_list.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable:
            dialog.server_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.ok_button.isEnabled()


def test_missing_and_corrupt_files_are_said_in_place(qtbot, tmp_path):
    dialog = ImportServersDialog(path=tmp_path / "nothing.config")
    qtbot.addWidget(dialog)
    assert "does not exist" in dialog.status_label.text()
    assert dialog.server_list.count() == 0 and not dialog.ok_button.isEnabled()
    broken = tmp_path / "broken.config"
    broken.write_text("<configuration><setting")
    dialog.load(broken)
    assert "not valid XML" in dialog.status_label.text()


def test_off_windows_a_copy_of_the_file_can_be_chosen(qtbot, monkeypatch):
    monkeypatch.delenv("APPDATA", raising=False)
    dialog = ImportServersDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Choose File" in dialog.status_label.text()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    picker = dialog.findChild(QFileDialog, "importFileDialog")
    assert picker.isVisible()
    picker.fileSelected.emit(str(SAMPLE))
    picker.reject()
    assert dialog.server_list.count() == 5
