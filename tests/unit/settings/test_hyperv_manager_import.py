from pathlib import Path

import pytest

from hvmanager.domain.transport import Transport
from hvmanager.settings.hyperv_manager_import import (import_hyperv_manager_servers,
                                                      read_browser_computer_names,
                                                      virtmgmt_config_path)
from hvmanager.settings.settings_errors import HyperVManagerConfigError

SAMPLE = Path(__file__).with_name("virtmgmt.VMBrowser.config")


def test_reads_browser_computer_names_not_the_autocomplete_list():
    assert read_browser_computer_names(SAMPLE) == (
        "localhost", "HV-LAB01", "hv-lab02.klas.school.local", "192.168.56.10", "bad name")


def test_import_makes_server_configs():
    servers = import_hyperv_manager_servers(SAMPLE, Transport.HTTPS)
    assert [s.key for s in servers] == ["local://localhost", "https://hv-lab01:5986",
                                        "https://hv-lab02.klas.school.local:5986",
                                        "https://192.168.56.10:5986"]


def test_dotnet_user_settings_layout_is_read_too(tmp_path):
    path = tmp_path / "user.config"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><configuration><userSettings>'
        '<Microsoft.Virtualization.Client.Settings>'
        '<setting name="BrowserComputerNames" serializeAs="String"><value>A;B</value></setting>'
        '</Microsoft.Virtualization.Client.Settings></userSettings></configuration>',
        encoding="utf-8")
    assert read_browser_computer_names(path) == ("A", "B")


def test_missing_setting_broken_xml_and_default_location(tmp_path):
    empty = tmp_path / "empty.config"
    empty.write_text("<configuration/>", encoding="utf-8")
    assert read_browser_computer_names(empty) == ()
    broken = tmp_path / "broken.config"
    broken.write_text("<configuration><setting", encoding="utf-8")
    with pytest.raises(HyperVManagerConfigError):
        read_browser_computer_names(broken)
    with pytest.raises(FileNotFoundError):
        import_hyperv_manager_servers(tmp_path / "absent.config")
    assert virtmgmt_config_path({"APPDATA": "C:\\Users\\s\\AppData\\Roaming"}).name == \
        "virtmgmt.VMBrowser.config"
    assert virtmgmt_config_path({}) is None
