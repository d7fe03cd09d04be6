"""hvmanager-cli vms --from-clixml: offline inventory from a host's Export-Clixml file."""

from __future__ import annotations

import json
from pathlib import Path

from integration.cli.cli_runner import REPO, cli

SAMPLE = REPO / "tests" / "data" / "clixml" / "hv01-get-vm.xml"
COLUMNS = "Id,Name,State,Uptime,Generation,CreationTime,Heartbeat,MemoryAssigned,CheckpointType"


def test_rows_from_an_export_clixml_file():
    done = cli("vms", "--from-clixml", str(SAMPLE), "--columns", COLUMNS, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["Name"] for r in rows] == [
        "DC01", "O'Brien & \"co\" <lab>\nsecond line _x0041_ $(x) ; | `", "legacy-fs01"]
    dc01 = rows[0]
    assert dc01 == {
        "Host": "HV01", "Id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "Name": "DC01",
        "State": "Running", "Uptime": "12.03:04:05", "Generation": 2,
        "CreationTime": "2024-03-01T10:15:30.123456+01:00", "Heartbeat": "OkApplicationsHealthy",
        "MemoryAssigned": 4294967296, "CheckpointType": "Production"}
    assert [r["State"] for r in rows] == ["Running", "Off", "Saved"]
    assert rows[1]["Heartbeat"] is None and rows[1]["CheckpointType"] == "Standard"
    assert rows[2]["Generation"] == 1


def test_a_utf16_file_as_windows_powershell_writes_it(tmp_path: Path):
    utf16 = tmp_path / "vms.xml"
    utf16.write_bytes(b"\xff\xfe" + SAMPLE.read_text(encoding="utf-8").encode("utf-16-le"))
    done = cli("vms", "--from-clixml", str(utf16), "--from-clixml", str(SAMPLE), "--format", "csv",
               "--columns", "Name")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("DC01") == 2


def test_a_broken_file_is_one_stderr_line_and_exit_2(tmp_path: Path):
    broken = tmp_path / "broken.xml"
    broken.write_text(SAMPLE.read_text(encoding="utf-8")[:700], encoding="utf-8")
    missing = tmp_path / "missing.xml"
    done = cli("vms", "--from-clixml", str(broken), "--from-clixml", str(SAMPLE),
               "--from-clixml", str(missing), "--format", "json", "--columns", "Name")
    assert done.returncode == 2
    assert [r["Name"] for r in json.loads(done.stdout)][0] == "DC01"
    lines = done.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{broken}: ") and "not valid CLIXML" in lines[0]
    assert lines[1].startswith(f"{missing}: ") and "No such file" in lines[1]
