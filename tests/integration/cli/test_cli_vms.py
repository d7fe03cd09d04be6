"""hvmanager-cli end to end: a subprocess against simulator hosts over real sockets."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import uuid

from integration.cli.cli_runner import PASSWORD_VARIABLE, REPO, cli, login

from hvmanager.simulator.lab import Lab


def _expected(lab_host, label):
    model = lab_host.model
    return [{"Host": label, "Id": str(vm.vm_id), "Name": vm.name, "State": model.vm_state(vm).name}
            for vm in model.vms]


def _label(host):
    return f"{host.address}:{host.port}"


def test_json_rows_of_several_hosts_match_the_simulator_exactly(lab):
    hv01, hv02 = lab.host("HV01"), lab.host("HV02")
    done = cli("vms", "--server", hv01.url, "--server", f"{hv02.address}:{hv02.port}", *login(hv01),
               "--columns", "Id,Name,State", "--format", "json", password=hv01.password)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    rows = json.loads(done.stdout)
    expected = _expected(hv01, _label(hv01)) + _expected(hv02, _label(hv02))
    key = lambda row: (row["Host"], row["Id"])  # noqa: E731 - hosts answer in their own order
    assert sorted(rows, key=key) == sorted(expected, key=key)
    assert [list(row) for row in rows][0] == ["Host", "Id", "Name", "State"]
    assert any("\n" in row["Name"] for row in rows)  # the hostile names came through exactly


def test_csv_round_trips_exactly(lab):
    hv01 = lab.host("HV01")
    done = cli("vms", "--server", hv01.url, *login(hv01), "--columns", "Name,Id,State,Generation",
               "--format", "csv", password=hv01.password)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    by_id = {vm.vm_id: vm for vm in hv01.model.vms}
    assert sorted(r["Id"] for r in rows) == sorted(str(vm_id) for vm_id in by_id)
    for row in rows:
        vm = by_id[uuid.UUID(row["Id"])]
        assert (row["Name"], int(row["Generation"])) == (vm.name, vm.generation)
    assert list(rows[0]) == ["Host", "Name", "Id", "State", "Generation"]


def test_table_is_aligned_one_line_per_vm(lab):
    hv01 = lab.host("HV01")
    # Default authentication (Negotiate) this time.
    done = cli("vms", "--server", hv01.url, "--user", hv01.user, "--password-env",
               PASSWORD_VARIABLE, "--columns", "Id,State,Host,Name", password=hv01.password)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2 + len(hv01.model.vms)  # names with newlines stay on their line
    header, rule = lines[0], lines[1]
    starts = [header.index(name) for name in ("Id", "State", "Host", "Name")]
    assert [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")] == starts
    for line in lines[2:]:
        # Id, State and Host are ASCII: each starts exactly under its header.
        for start in starts[1:]:
            assert line[start - 2:start] == "  " and line[start] != " "
    assert any("two\\nlines" in line for line in lines)


def test_one_dead_and_one_refused_host_exit_2_while_the_others_print(lab):
    hv01, hv02, hv03 = lab.host("HV01"), lab.host("HV02"), lab.host("HV03")
    lab.set_fault("HV03", "blackhole")
    try:
        began = time.monotonic()
        done = cli("vms", "--server", hv01.url, "--server", hv03.url, "--server", "127.0.0.1:9",
                   "--server", hv02.url, *login(hv01), "--columns", "Id", "--format", "json",
                   "--timeout", "1.5", password=hv01.password)
        elapsed = time.monotonic() - began
    finally:
        lab.clear_faults("HV03")
    assert done.returncode == 2
    rows = json.loads(done.stdout)
    assert {r["Host"] for r in rows} == {_label(hv01), _label(hv02)}
    assert len(rows) == 18
    errors = done.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{_label(hv03)}: ") and "did not answer within 1.5 s" in errors[0]
    assert errors[1].startswith("127.0.0.1:9: ") and "refused" in errors[1]
    assert "(" in errors[0] and errors[0].endswith(")")  # the hint follows the message
    # The blackhole costs its timeout once, in parallel with the others; not more.
    assert elapsed < 1.5 + 4.0


def test_wrong_password_is_one_line_and_never_printed(lab):
    hv01 = lab.host("HV01")
    secret = "wrong-Secret-XYZ"
    done = cli("vms", "--server", hv01.url, *login(hv01), password=secret)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert "rejected the credentials" in line
    assert secret not in done.stdout + done.stderr


def test_https_with_ca_file_without_it_and_insecure():
    with Lab(hosts=1, vms_per_host=3, transport="https", time_scale=0.01) as tls:
        host = tls.hosts[0]
        url = host.url
        validated = cli("vms", "--server", url, *login(host), "--ca-file", host.ca_file,
                        "--format", "json", password=host.password)
        untrusted = cli("vms", "--server", url, *login(host), password=host.password)
        insecure = cli("vms", "--server", url, *login(host), "--insecure", "--format", "json",
                       password=host.password)
    assert validated.returncode == 0, validated.stderr
    assert len(json.loads(validated.stdout)) == 3
    assert untrusted.returncode == 2 and "not trusted" in untrusted.stderr
    assert insecure.returncode == 0 and len(json.loads(insecure.stdout)) == 3


def test_local_server_through_the_stdio_simulator():
    command = f"{sys.executable} -m hvmanager.simulator --stdio --vms-per-host 4 --time-scale 0.01"
    done = cli("vms", "--server", "local", "--format", "json", "--columns", "Name,Generation",
               env={"HVMANAGER_LOCAL_POWERSHELL": command})
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 4 and {r["Host"] for r in rows} == {"localhost"}
    assert all(r["Generation"] in (1, 2) for r in rows)
    missing = cli("vms", "--server", "local", env={"HVMANAGER_LOCAL_POWERSHELL": "/nonexistent/pwsh"})
    assert missing.returncode == 2 and missing.stdout == ""
    [line] = missing.stderr.splitlines()
    assert line.startswith("localhost: PowerShell could not be started")


def test_against_a_lab_started_with_python_m_hvmanager_simulator():
    lab = subprocess.Popen([sys.executable, "-m", "hvmanager.simulator", "--hosts", "2",
                            "--vms-per-host", "3", "--password", "pw-from-cmdline"],
                           cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        hosts = [json.loads(lab.stdout.readline()) for _ in range(2)]
        assert json.loads(lab.stdout.readline()) == {"ready": True}
        servers = [arg for host in hosts for arg in ("--server", host["url"])]
        done = cli("vms", *servers, "--user", "alice", "--password-env", "HVMANAGER_TEST_PASSWORD",
                   "--auth", "ntlm", "--format", "csv", password="pw-from-cmdline")
    finally:
        lab.terminate()
        lab.wait(10)
        lab.stdout.close()
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    assert len(rows) == 6 and len({r["Host"] for r in rows}) == 2


def test_usage_errors_exit_1_and_never_echo_secrets(lab):
    # The other usage errors are checked in-process (tests/unit/cli); these go through the
    # real entry point once each.
    hv01 = lab.host("HV01")
    cases = [
        ("vms", "--server", hv01.url, "--columns", "Name,NoSuchThing"),
        ("vms", "--server", hv01.url, "--password", "hunter2-secret"),
        ("vms", "--server", hv01.url, "--password-env", "HVMANAGER_NO_SUCH_VARIABLE"),
    ]
    results = [cli(*args) for args in cases]
    for args, done in zip(cases, results):
        assert done.returncode == 1, (args, done.stderr)
        assert done.stdout == ""
        assert done.stderr.startswith("hvmanager-cli: error: ")
        assert "hunter2" not in done.stderr
    assert "NoSuchThing" in results[0].stderr
