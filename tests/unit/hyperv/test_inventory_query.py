import json
import uuid
from datetime import timedelta

from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.inventory_query import (inventory_csv_pipeline, inventory_json_pipeline,
                                              inventory_pipeline, parse_inventory_csv,
                                              parse_inventory_json)
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.hyperv.vm_property import VmProperty
from hvmanager.remoting.record import Record


def test_refresh_selects_exactly_what_columns_need():
    pipeline = inventory_pipeline([VmProperty.GENERATION, "cpu_usage"])
    assert [c.name for c in pipeline.commands] == ["Get-VM", "Select-Object"]
    assert pipeline.commands[1].parameter("Property") == ["Id", "Name", "State", "CPUUsage",
                                                          "Generation"]
    assert render_pipeline(pipeline) == \
        "Get-VM | Select-Object -Property Id, Name, State, CPUUsage, Generation"


def test_fast_variants_render():
    assert render_pipeline(inventory_json_pipeline()) == \
        "Get-VM | Select-Object -Property Id, Name, State | ConvertTo-Json -Compress -Depth 2"
    assert render_pipeline(inventory_csv_pipeline()).endswith("| ConvertTo-Csv -NoTypeInformation")


def test_json_as_windows_powershell_writes_it():
    # PS 5.1: enums as numbers, TimeSpan as an object, DateTime as /Date(ms)/.
    rows = [{"Id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Name": "web-01", "State": 2,
             "Uptime": {"Ticks": 40235000000, "Days": 0, "Hours": 1, "TotalSeconds": 4023.5},
             "CreationTime": "\\/Date(1772357400000)\\/"},
            {"Id": "7b1e2a4c-0d3e-4b59-a8e2-9b7c1f0e6d21", "Name": "dc-01", "State": 3,
             "Uptime": {"Ticks": 0}, "CreationTime": None}]
    text = json.dumps(rows, separators=(",", ":")).replace("\\\\/", "\\/")
    vms = parse_inventory_json([Record(type_names=("System.String",), to_string=text, value=text)],
                               "hv01", ["uptime", "creation_time"])
    assert [vm.state for vm in vms] == [VMState.RUNNING, VMState.OFF]
    assert vms[0].uptime == timedelta(seconds=4023.5)
    assert vms[0].creation_time.year == 2026
    assert vms[1].is_fetched("creation_time") and vms[1].creation_time is None


def test_json_single_vm_is_an_object_and_no_vm_is_nothing():
    text = json.dumps({"Id": str(uuid.UUID(int=1)), "Name": "only", "State": 2})
    assert [vm.name for vm in parse_inventory_json([text], "h")] == ["only"]
    assert parse_inventory_json([], "h") == ()


def test_csv_keeps_enum_names():
    lines = ['"Id","Name","State","Uptime","Generation"',
             '"3f2504e0-4f89-11d3-9a0c-0305e82c3301","web, ""01""","Running","01:07:03.5000000","2"',
             '"7b1e2a4c-0d3e-4b59-a8e2-9b7c1f0e6d21","dc-01","Hibernated","00:00:00","1"']
    vms = parse_inventory_csv([Record(value=line, to_string=line) for line in lines], "hv01",
                              ["uptime", "generation"])
    assert vms[0].name == 'web, "01"' and vms[0].state is VMState.RUNNING
    assert vms[0].uptime == timedelta(hours=1, minutes=7, seconds=3.5)
    assert vms[1].state is VMState.HIBERNATED and vms[1].generation == 1
