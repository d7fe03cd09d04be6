"""The refresh the app runs: CSV text when every selected property survives it, else objects."""

import uuid
from datetime import timedelta

from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.inventory_query import parse_refresh, refresh_pipeline
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.hyperv.vm_property import VmProperty
from hvmanager.remoting.record import Record

VM_ID = uuid.UUID("3f2504e0-4f89-11d3-9a0c-0305e82c3301")


def test_refresh_is_csv_unless_a_culture_formatted_property_is_selected():
    assert render_pipeline(refresh_pipeline(["uptime", VmProperty.GENERATION])) == (
        "Get-VM | Select-Object -Property Id, Name, State, Uptime, Generation"
        " | ConvertTo-Csv -NoTypeInformation")
    # CreationTime's text is the host's culture ("27.11.2026 08:24"): fetched as objects.
    assert render_pipeline(refresh_pipeline(["creation_time"])) == \
        "Get-VM | Select-Object -Property Id, Name, State, CreationTime"


def test_csv_lines_parse_with_enum_names_and_multi_line_values():
    lines = ['"Id","Name","State","Uptime","Notes"',
             f'"{VM_ID}","web01","RunningCritical","1.02:03:04.5000000","first line\r\nsecond line"',
             '"7b1e2a4c-0d3e-4b59-a8e2-9b7c1f0e6d21","dc-01","Off","00:00:00",""']
    vms = parse_refresh([Record(value=line, to_string=line) for line in lines], "hv01",
                        ["uptime", "notes"])
    assert [vm.vm_id for vm in vms][0] == VM_ID
    assert vms[0].state is VMState.RUNNING_CRITICAL and vms[1].state is VMState.OFF
    assert vms[0].uptime == timedelta(days=1, hours=2, minutes=3, seconds=4.5)
    assert vms[0].notes == "first line\r\nsecond line"
    assert vms[1].notes is None and vms[1].is_fetched("notes")


def test_object_records_still_parse():
    state = Record(type_names=("Microsoft.HyperV.PowerShell.VMState", "System.Enum"),
                   to_string="Saved", value=6)
    record = Record(properties={"Id": VM_ID, "Name": "app", "State": state, "Generation": 2})
    (vm,) = parse_refresh([record], "hv01", ["generation"])
    assert vm.state is VMState.SAVED and vm.generation == 2 and vm.host == "hv01"


def test_no_output_is_no_vms():
    assert parse_refresh([], "hv01") == ()
