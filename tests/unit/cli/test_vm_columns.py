"""CLI columns: PowerShell names, Host first, JSON-ready cells."""

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from hvmanager.cli.vm_columns import (DEFAULT_COLUMNS, json_value, properties_for, resolve_columns,
                                      text_value, timespan_text)
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.vm_property import VmProperty


def test_names_are_case_insensitive_canonical_deduplicated_and_host_first():
    assert resolve_columns("name, STATE,generation,Name") == ("Host", "Name", "State", "Generation")
    assert resolve_columns("Name,host,Id") == ("Name", "Host", "Id")


def test_unknown_or_empty_columns_say_what_is_valid():
    with pytest.raises(KeyError) as caught:
        resolve_columns("Name,Colour")
    assert "'Colour'" in caught.value.args[0] and "Generation" in caught.value.args[0]
    with pytest.raises(KeyError):
        resolve_columns(" , ")


def test_properties_for_columns():
    assert properties_for(DEFAULT_COLUMNS)[:2] == (VmProperty.NAME, VmProperty.STATE)
    assert VmProperty.GENERATION in properties_for(DEFAULT_COLUMNS)


def test_cells_as_json_values():
    vm_id = uuid.UUID("3f2504e0-4f89-41d3-9a0c-0305e82c3301")
    vm = VirtualMachine(vm_id, "key", "DC01", VMState.RUNNING, memory_assigned=2 ** 33,
                        uptime=timedelta(days=2, hours=3, seconds=4.6), dynamic_memory_enabled=False,
                        heartbeat=HeartbeatStatus.OK_APPLICATIONS_HEALTHY,
                        creation_time=datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc))
    cells = {c: json_value(vm, c, "hv01") for c in (
        "Host", "Id", "State", "MemoryAssigned", "Uptime", "DynamicMemoryEnabled", "Heartbeat",
        "CreationTime", "Generation")}
    assert cells == {"Host": "hv01", "Id": str(vm_id), "State": "Running",
                     "MemoryAssigned": 8589934592, "Uptime": "2.03:00:04",
                     "DynamicMemoryEnabled": False, "Heartbeat": "OkApplicationsHealthy",
                     "CreationTime": "2024-03-01T09:00:00+00:00", "Generation": None}


def test_text_values_and_timespans():
    assert [text_value(v) for v in (None, True, False, 5, "x")] == ["", "True", "False", "5", "x"]
    assert timespan_text(timedelta(0)) == "00:00:00"
    assert timespan_text(timedelta(hours=25, minutes=1)) == "1.01:01:00"
    assert timespan_text(timedelta(seconds=-61)) == "-00:01:01"
