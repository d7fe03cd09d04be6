"""A servers.json written by the schema-1 release (the committed sample) is read, saved as
schema 2 after a copy of the original is kept, and a newer schema is never overwritten."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.settings.server_store import SCHEMA_VERSION, ServerStore
from hvmanager.settings.settings_errors import SettingsPartlyRead, SettingsTooNew

SAMPLE = Path(__file__).with_name("servers-schema-1.json")
EXPECTED = (
    ServerConfig("hv01.corp.example"),
    ServerConfig("hv-lab01", Transport.HTTPS, auth=AuthMethod.NTLM, user_name="HV-LAB01\\student",
                 certificate_validation=CertificateValidation.SKIP,
                 display_name="Lab 1 (self-signed)"),
    ServerConfig("hv02.corp.example", Transport.HTTPS, port=443, auth=AuthMethod.KERBEROS,
                 user_name="CORP\\admin", certificate_validation=CertificateValidation.CA_FILE,
                 ca_file="/etc/pki/corp-ca.pem", display_name="Höst 2 — ünïcode"),
    ServerConfig.local(),
)
NEW = ServerConfig("hv03.corp.example", Transport.HTTPS, auth=AuthMethod.NTLM, user_name="u")


@pytest.fixture
def v1_file(tmp_path) -> Path:
    path = tmp_path / "servers.json"
    shutil.copyfile(SAMPLE, path)
    return path


def test_schema_1_sample_reads_unchanged_and_loading_writes_nothing(v1_file):
    assert SCHEMA_VERSION == 2
    result = ServerStore(v1_file).load()
    assert result.problem is None and result.servers == EXPECTED
    assert v1_file.read_bytes() == SAMPLE.read_bytes()
    assert sorted(p.name for p in v1_file.parent.iterdir()) == ["servers.json"]


def test_next_save_keeps_the_schema_1_file_then_writes_schema_2(v1_file):
    store = ServerStore(v1_file)
    assert store.add(NEW) == (*EXPECTED, NEW)
    backup = v1_file.with_name("servers.json.schema-1")
    assert backup.read_bytes() == SAMPLE.read_bytes()
    document = json.loads(v1_file.read_text(encoding="utf-8"))
    assert document["schema_version"] == 2
    entries = {entry["address"]: entry for entry in document["servers"]}
    # Schema 2: the certificate choice is one object, for HTTPS servers; none on HTTP.
    assert all("certificate_validation" not in e and "ca_file" not in e for e in entries.values())
    assert entries["hv02.corp.example"]["certificate"] == {"validation": "ca_file",
                                                          "ca_file": "/etc/pki/corp-ca.pem"}
    assert entries["hv-lab01"]["certificate"] == {"validation": "skip", "ca_file": ""}
    assert entries["hv03.corp.example"]["certificate"] == {"validation": "system", "ca_file": ""}
    assert "certificate" not in entries["hv01.corp.example"]
    assert "certificate" not in entries["localhost"]
    again = ServerStore(v1_file)
    assert again.load().servers == (*EXPECTED, NEW)
    # Saving a schema-2 file keeps no further copy, and the first one stays as it was.
    again.remove(NEW.key)
    assert sorted(p.name for p in v1_file.parent.iterdir()) == ["servers.json",
                                                                  "servers.json.schema-1"]
    assert backup.read_bytes() == SAMPLE.read_bytes()
    assert ServerStore(v1_file).load().servers == EXPECTED


def test_another_schema_1_file_later_gets_its_own_copy(v1_file):
    first = ServerStore(v1_file)
    first.save(first.load().servers)
    edited = json.loads(SAMPLE.read_text(encoding="utf-8"))
    edited["servers"] = edited["servers"][:1]
    v1_file.write_text(json.dumps(edited), encoding="utf-8")  # an older hvmanager wrote again
    store = ServerStore(v1_file)
    assert store.load().servers == EXPECTED[:1]
    store.save(EXPECTED[:1])
    copies = sorted(p.name for p in v1_file.parent.iterdir() if ".schema-1" in p.name)
    assert len(copies) == 2 and copies[0] == "servers.json.schema-1", copies


def test_non_default_certificate_choice_on_http_survives_the_round_trip(tmp_path):
    # ServerConfig allows a CA file on an HTTP server (it is used if the transport is
    # switched): schema 2 still writes it, so nothing a user set is dropped.
    odd = ServerConfig("hv09", certificate_validation=CertificateValidation.CA_FILE, ca_file="/ca.pem")
    store = ServerStore(tmp_path / "servers.json")
    store.save([odd])
    assert ServerStore(tmp_path / "servers.json").load().servers == (odd,)


def test_invalid_schema_1_values_are_reported_as_before(v1_file):
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["servers"][1]["certificate_validation"] = "trust-me"
    document["servers"][2]["ca_file"] = 42
    v1_file.write_text(json.dumps(document), encoding="utf-8")
    result = ServerStore(v1_file).load()
    assert isinstance(result.problem, SettingsPartlyRead)
    assert result.servers == (EXPECTED[0], EXPECTED[3])
    assert "'trust-me' is not a valid" in result.problem.message
    assert "ca_file must be text" in result.problem.message


def test_schema_3_file_is_refused_and_never_overwritten(tmp_path):
    path = tmp_path / "servers.json"
    newer = '{"schema_version": 3, "servers": [{"address": "hv01", "groups": ["lab"]}]}'
    path.write_text(newer, encoding="utf-8")
    store = ServerStore(path)
    result = store.load()
    assert isinstance(result.problem, SettingsTooNew) and result.servers == ()
    assert "schema 3" in result.problem.message and "up to 2" in result.problem.message
    with pytest.raises(SettingsTooNew):
        store.add(NEW)
    assert path.read_text(encoding="utf-8") == newer
    assert sorted(p.name for p in tmp_path.iterdir()) == ["servers.json"]
