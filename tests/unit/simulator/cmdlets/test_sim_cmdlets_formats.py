"""ConvertTo-Json (as Windows PowerShell 5.1), ConvertTo-Csv, Out-String."""

from __future__ import annotations

import datetime
import json

from hvmanager.simulator.hyperv.sim_host import SimHost

from unit.simulator.sim_engine_harness import cmd, run


def _host() -> SimHost:
    # A clock that stands still: the uptime text must not move with the machine's load.
    host = SimHost("HV01", clock=lambda: 1000.0)
    host.add_vm("web's <1> & co", state="Running", uptime_s=90061.5)
    host.add_vm("db")
    return host


def _select(*names: str):
    return cmd("Select-Object", Property=list(names))


def test_json_pretty_layout_of_5_1() -> None:
    [text] = run(_host(), cmd("Get-VM"), _select("Name", "State"), cmd("ConvertTo-Json")).output
    assert text == (
        "[\n"
        "    {\n"
        '        "Name":  "db",\n'
        '        "State":  3\n'
        "    },\n"
        "    {\n"
        '        "Name":  "web\\u0027s \\u003c1\\u003e \\u0026 co",\n'
        '        "State":  2\n'
        "    }\n"
        "]")
    assert [item["Name"] for item in json.loads(text)] == ["db", "web's <1> & co"]


def test_json_nested_containers_indent_past_their_bracket() -> None:
    [text] = run(_host(), cmd("Get-VM", "db"), _select("Name", "HardDrives"), cmd("ConvertTo-Json", Depth=1)).output
    lines = text.split("\n")
    opening = next(line for line in lines if line.endswith('"HardDrives":  ['))
    column = len(opening) - 1
    item = lines[lines.index(opening) + 1]
    assert len(item) - len(item.lstrip()) == column + 4
    # Beyond -Depth an object becomes its ToString.
    assert json.loads(text)["HardDrives"][0].startswith("HardDiskDrive (Name = 'Hard Drive on SCSI")


def test_json_compress_numbers_dates_timespans_and_guids() -> None:
    host = SimHost("HV01", clock=lambda: 1000.0)  # a stopped clock: the uptime stays exact
    host.add_vm("web's <1> & co", state="Running", uptime_s=90061.5)
    vm = host.vms[0]
    [text] = run(host, cmd("Get-VM", Id=vm.vm_id),
                 _select("Id", "State", "Uptime", "CreationTime", "Generation", "IntegrationServicesVersion"),
                 cmd("ConvertTo-Json", Compress=True)).output
    assert "\n" not in text and text.startswith('{"Id":"')
    data = json.loads(text)
    assert data["Id"] == str(vm.vm_id) and data["State"] == 2 and data["Generation"] == 2
    assert data["Uptime"]["Days"] == 1 and data["Uptime"]["Hours"] == 1 and data["Uptime"]["Seconds"] == 1
    assert data["Uptime"]["Ticks"] == 900615000000
    assert '"CreationTime":"\\/Date(' in text  # 5.1 escapes the slashes of its date form
    millis = int(data["CreationTime"][6:-2])
    created = datetime.datetime.fromtimestamp(millis / 1000, datetime.timezone.utc)
    assert abs((created - vm.creation_time).total_seconds()) < 1
    assert data["IntegrationServicesVersion"] == {"Major": 0, "Minor": 0, "Build": -1, "Revision": -1,
                                                  "MajorRevision": -1, "MinorRevision": -1}


def test_json_single_object_and_depth_limit() -> None:
    [text] = run(_host(), cmd("Get-VMHost"), cmd("ConvertTo-Json")).output
    data = json.loads(text)
    assert data["Name"] == "HV01" and isinstance(data["ResourceMeteringSaveInterval"], dict)


def test_csv_without_and_with_type_information() -> None:
    host = _host()
    lines = run(host, cmd("Get-VM"), _select("Name", "State", "MemoryStartup"),
                cmd("ConvertTo-Csv", NoTypeInformation=True)).output
    assert lines == ['"Name","State","MemoryStartup"',
                     '"db","Off","2147483648"', '"web\'s <1> & co","Running","2147483648"']
    typed = run(host, cmd("Get-VM", "db"), _select("Name"), cmd("ConvertTo-Csv")).output
    assert typed[0] == "#TYPE Selected.Microsoft.HyperV.PowerShell.VirtualMachine"


def test_csv_quotes_quotes_and_uses_the_culture_only_when_asked() -> None:
    host = SimHost("HV02", locale="de-DE")
    host.add_vm('say "hi"')
    lines = run(host, cmd("Get-VM"), _select("Name", "CreationTime"), cmd("ConvertTo-Csv", NoTypeInformation=True,
                                                                        UseCulture=True)).output
    assert lines[1].startswith('"say ""hi""";"') and lines[1][-21:-1].count(".") == 2


def test_csv_of_full_objects_names_nested_collections_by_type() -> None:
    lines = run(_host(), cmd("Get-VM", "db"), cmd("ConvertTo-Csv", NoTypeInformation=True)).output
    header = lines[0].split('","')
    row = lines[1].split('","')
    assert row[header.index("HardDrives")] == "Microsoft.HyperV.PowerShell.HardDiskDrive[]"
    assert row[header.index("NetworkAdapters")] == \
        "System.Collections.Generic.List`1[Microsoft.HyperV.PowerShell.VMNetworkAdapter]"


def test_out_string_tables_and_lists() -> None:
    [table] = run(_host(), cmd("Get-VM"), cmd("Out-String")).output
    lines = table.split("\r\n")
    assert lines[1].split() == ["Name", "State", "CPUUsage(%)", "MemoryAssigned(M)", "Uptime", "Status", "Version"]
    assert lines[3].startswith("db             Off     0           0                 00:00:00")  # by name, left
    assert lines[4].startswith("web's <1> & co Running") and "1.01:01:01.5000000" in lines[4]
    [small] = run(_host(), cmd("Get-VM", "db"), _select("Name", "State"), cmd("Out-String")).output
    assert small.split("\r\n")[1:4] == ["Name State", "---- -----", "db   Off"]
    [wide] = run(_host(), cmd("Get-VM", "db"), _select("Name", "State", "Version", "Generation", "Notes"),
                 cmd("Out-String")).output
    assert "Name       : db" in wide and "Generation : 2" in wide
    assert run(_host(), cmd("Get-Service", "vmms"), cmd("Out-String", Stream=True)).output[1].split() == \
        ["Status", "Name", "DisplayName"]


def test_out_string_shows_collections_in_braces() -> None:
    [text] = run(_host(), cmd("Get-VMHost"), cmd("Out-String")).output
    line = next(line for line in text.split("\r\n") if line.startswith("SupportedVmVersions"))
    assert line.endswith("{5.0, 6.2, 7.0, 7.1, 8.0, 8.1, 8.2, 8.3, 9.0, 9.1, 9.2, 9.3, 10.0, 11.0, 12.0}")
