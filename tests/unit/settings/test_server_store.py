import json
import os
from datetime import datetime, timezone

import pytest

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.settings.config_dir import config_dir
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.settings.server_store import SCHEMA_VERSION, ServerStore
from hvmanager.settings.settings_errors import (SettingsCorrupt, SettingsPartlyRead,
                                                SettingsTooNew, SettingsUnreadable)

FIXED = datetime(2026, 11, 27, 8, 30, 0, tzinfo=timezone.utc)
LAB = ServerConfig("hv-lab01", Transport.HTTPS, auth=AuthMethod.NTLM, user_name="HV-LAB01\\student",
                   certificate_validation=CertificateValidation.SKIP, display_name="Lab 1")
CA = ServerConfig("hv02.corp", Transport.HTTPS, port=443,
                  certificate_validation=CertificateValidation.CA_FILE, ca_file="/etc/corp-ca.pem")


def store(tmp_path, **kw):
    return ServerStore(tmp_path / "servers.json", clock=lambda: FIXED, **kw)


def test_round_trip_and_missing_file(tmp_path):
    s = store(tmp_path)
    assert s.load().servers == () and s.load().problem is None
    s.save([LAB, CA, ServerConfig.local()])
    result = store(tmp_path).load()
    assert result.servers == (LAB, CA, ServerConfig.local()) and result.problem is None
    document = json.loads((tmp_path / "servers.json").read_text(encoding="utf-8"))
    assert document["schema_version"] == SCHEMA_VERSION


def test_add_replaces_same_key_in_place_and_remove(tmp_path):
    s = store(tmp_path)
    s.add(LAB)
    s.add(CA)
    renamed = ServerConfig("HV-LAB01", Transport.HTTPS, display_name="renamed")
    assert [x.display_name for x in s.add(renamed)] == ["renamed", ""]
    assert s.remove(CA.key) == (renamed,)
    assert store(tmp_path).load().servers == (renamed,)


def test_no_secret_ever_lands_in_the_file(tmp_path):
    secret = "Pa55-w0rd-that-must-not-leak"
    s = store(tmp_path)
    CredentialStore().save(LAB.key, LAB.user_name, secret)
    s.save([LAB])
    # A hand-edited password key is ignored on load and dropped on the next save.
    path = tmp_path / "servers.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["servers"][0]["password"] = secret
    path.write_text(json.dumps(document), encoding="utf-8")
    s.save(s.load().servers)
    for file in tmp_path.iterdir():
        assert secret not in file.read_text(encoding="utf-8", errors="replace")
    assert CredentialStore().get(LAB.key, LAB.user_name) == secret


def test_writes_are_atomic_and_private(tmp_path):
    s = store(tmp_path)
    s.save([LAB])
    s.save([LAB, CA])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["servers.json"]  # no temp left over
    if os.name == "posix":
        assert (tmp_path / "servers.json").stat().st_mode & 0o077 == 0


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    s = store(tmp_path)
    s.save([LAB])
    before = (tmp_path / "servers.json").read_bytes()

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        s.save([LAB, CA])
    monkeypatch.undo()
    assert (tmp_path / "servers.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["servers.json"]


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"servers": []}',
                                     b'{"schema_version": "1", "servers": []}',
                                     b'{"schema_version": 1, "servers": {}}', b"\xff\xfe"])
def test_corrupt_file_is_moved_aside_and_reported(tmp_path, content):
    path = tmp_path / "servers.json"
    path.write_bytes(content)
    result = store(tmp_path).load()
    assert result.servers == ()
    assert isinstance(result.problem, SettingsCorrupt)
    moved = result.problem.moved_to
    assert moved.name == "servers.json.corrupt-20261127T083000Z"
    assert moved.read_bytes() == content and not path.exists()
    assert result.problem.message
    # A second corrupt file the same second does not overwrite the first one kept.
    path.write_bytes(content)
    second = store(tmp_path).load().problem.moved_to
    assert second != moved and moved.read_bytes() == content


def test_invalid_entries_are_skipped_reported_and_backed_up(tmp_path):
    path = tmp_path / "servers.json"
    document = {"schema_version": 1, "servers": [
        {"address": "good"}, {"address": "hv", "transport": "http", "auth": "basic"},
        {"address": "x", "transport": "carrier-pigeon"}, "nonsense"]}
    path.write_text(json.dumps(document), encoding="utf-8")
    result = store(tmp_path).load()
    assert [s.address for s in result.servers] == ["good"]
    assert isinstance(result.problem, SettingsPartlyRead) and len(result.problem.skipped) == 3
    assert json.loads(result.problem.backup.read_text(encoding="utf-8")) == document
    # Loading the same file again (every start) keeps one backup, not one per load.
    again = store(tmp_path).load()
    assert again.problem.backup == result.problem.backup
    assert len([p for p in tmp_path.iterdir() if ".invalid-" in p.name]) == 1


def test_a_newer_file_is_left_untouched_and_not_overwritten(tmp_path):
    path = tmp_path / "servers.json"
    path.write_text('{"schema_version": 99, "servers": [], "future": true}', encoding="utf-8")
    s = store(tmp_path)
    result = s.load()
    assert isinstance(result.problem, SettingsTooNew) and result.servers == ()
    with pytest.raises(SettingsTooNew):
        s.save([LAB])
    with pytest.raises(SettingsTooNew):
        s.add(LAB)
    assert "future" in path.read_text(encoding="utf-8")


def test_migrations_run_in_order_up_to_the_current_schema(tmp_path):
    path = tmp_path / "servers.json"
    path.write_text('{"schema_version": 1, "hosts": ["hv01", "hv02"]}', encoding="utf-8")

    def v1_to_v2(doc):
        return {"servers": [{"address": name} for name in doc["hosts"]]}

    def v2_to_v3(doc):
        doc["servers"] = [dict(entry, transport="https") for entry in doc["servers"]]
        return doc

    s = store(tmp_path, schema_version=3, migrations={1: v1_to_v2, 2: v2_to_v3})
    assert [x.key for x in s.load().servers] == ["https://hv01:5986", "https://hv02:5986"]
    s.save(s.load().servers)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 3
    missing = store(tmp_path, schema_version=4, migrations={})
    assert isinstance(missing.load().problem, SettingsCorrupt)


def test_an_unreadable_file_is_reported_and_never_overwritten(tmp_path):
    # A directory where the file should be: unreadable for any user, root included.
    (tmp_path / "servers.json").mkdir()
    s = store(tmp_path)
    result = s.load()
    assert isinstance(result.problem, SettingsUnreadable) and result.servers == ()
    with pytest.raises(SettingsUnreadable):
        s.save([LAB])
    assert (tmp_path / "servers.json").is_dir()


def test_config_dir_override(tmp_path):
    assert config_dir({"HVMANAGER_CONFIG_DIR": str(tmp_path)}) == tmp_path
    assert config_dir({}).name == "hvmanager"
    assert ServerStore().path.parent == config_dir()
