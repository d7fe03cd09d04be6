"""RefreshParser: unchanged CSV rows keep their VM objects; any change is parsed again."""

import random
import uuid

from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.inventory_query import parse_refresh
from hvmanager.hyperv.refresh_parser import RefreshParser
from hvmanager.remoting.record import Record

PROPERTIES = ("cpu_usage", "memory_assigned", "uptime", "status", "version", "generation", "notes")
HEADER = ('"Id","Name","State","CPUUsage","MemoryAssigned","Uptime","Status","Version",'
          '"Generation","Notes"')
IDS = [uuid.UUID(int=0x3F2504E04F8911D39A0C0305E82C3300 + n) for n in range(6)]


def _row(n: int, **changes: str) -> str:
    values = {"Id": str(IDS[n]), "Name": f"vm{n}", "State": "Running", "CPUUsage": "3",
              "MemoryAssigned": "1073741824", "Uptime": "1.02:03:04.5000000",
              "Status": "Operating normally", "Version": "9.0", "Generation": "2", "Notes": ""}
    values.update(changes)
    return ",".join('"' + value.replace('"', '""') + '"' for value in values.values())


def _output(*rows: str) -> list[Record]:
    return [Record(value=text, to_string=text) for text in (HEADER, *rows)]


def test_the_same_rows_again_are_unchanged_and_keep_their_objects():
    parser = RefreshParser("hv01")
    output = _output(_row(0), _row(1))
    first = parser.parse(output, PROPERTIES)
    assert not first.unchanged
    assert first.vms == parse_refresh(output, "hv01", PROPERTIES)
    again = parser.parse(_output(_row(0), _row(1)), PROPERTIES)
    assert again.unchanged
    assert all(a is b for a, b in zip(again.vms, first.vms))


def test_a_change_in_any_column_is_parsed_again_and_only_that_row():
    columns = {"Name": "renamed", "State": "Off", "CPUUsage": "77", "MemoryAssigned": "2147483648",
               "Uptime": "1.02:03:05.5000000", "Status": "Paused-Critical", "Version": "10.0",
               "Generation": "1", "Notes": 'say "hi"\r\nsecond line'}
    for column, value in columns.items():
        parser = RefreshParser("hv01")
        before = parser.parse(_output(_row(0), _row(1)), PROPERTIES)
        changed_output = _output(_row(0, **{column: value}), _row(1))
        after = parser.parse(changed_output, PROPERTIES)
        assert not after.unchanged, column
        assert after.vms == parse_refresh(changed_output, "hv01", PROPERTIES), column
        assert after.vms[0] != before.vms[0], column
        assert after.vms[1] is before.vms[1], column
    assert after.vms[0].notes == 'say "hi"\r\nsecond line'


def test_added_and_removed_rows():
    parser = RefreshParser("hv01")
    parser.parse(_output(_row(0), _row(1)), PROPERTIES)
    added = parser.parse(_output(_row(0), _row(1), _row(2)), PROPERTIES)
    assert not added.unchanged and [vm.vm_id for vm in added.vms] == IDS[:3]
    removed = parser.parse(_output(_row(0), _row(2)), PROPERTIES)
    assert not removed.unchanged and [vm.vm_id for vm in removed.vms] == [IDS[0], IDS[2]]
    # Fewer rows, each of them seen last time: still a change.
    fewer = parser.parse(_output(_row(0)), PROPERTIES)
    assert not fewer.unchanged and [vm.vm_id for vm in fewer.vms] == [IDS[0]]
    assert not parser.parse([], PROPERTIES).unchanged
    assert parser.parse([], PROPERTIES).unchanged


def test_another_selection_or_a_reset_parses_everything_again():
    parser = RefreshParser("hv01")
    first = parser.parse(_output(_row(0)), PROPERTIES)
    fewer = parser.parse(_output(_row(0)), ("cpu_usage",))
    assert not fewer.unchanged and fewer.vms[0] is not first.vms[0]
    assert not fewer.vms[0].is_fetched("notes")
    parser.reset()
    assert not parser.parse(_output(_row(0)), ("cpu_usage",)).unchanged


def test_objects_are_parsed_in_full_every_time():
    parser = RefreshParser("hv01")
    record = Record(properties={"Id": IDS[0], "Name": "app", "State": "Saved", "Generation": 2})
    first = parser.parse([record], ["generation"])
    second = parser.parse([record], ["generation"])
    assert not second.unchanged and second.vms == first.vms
    assert second.vms[0].state is VMState.SAVED


def test_random_refreshes_parse_as_the_plain_parser_does():
    rng = random.Random(6)
    parser = RefreshParser("hv01")
    rows = {n: _row(n) for n in range(4)}
    for _ in range(200):
        n = rng.randrange(6)
        action = rng.choice(("change", "change", "remove", "keep"))
        if action == "remove":
            rows.pop(n, None)
        elif action == "change":
            rows[n] = _row(n, CPUUsage=str(rng.randrange(3)), Name=rng.choice(("a", "b")),
                           Notes=rng.choice(("", "x\ny", '"q"')))
        order = list(rows.values())
        rng.shuffle(order)
        output = _output(*order)
        assert parser.parse(output, PROPERTIES).vms == parse_refresh(output, "hv01", PROPERTIES)


def test_an_answer_that_is_not_our_csv_is_no_vms_not_the_last_refresh():
    # One odd line of text (a hostile host's entity-laden CLIXML kept as a string) has
    # another "header" and no rows: the host has no VMs now, and that is a change.
    parser = RefreshParser("hv01")
    parser.parse(_output(_row(0), _row(1)), PROPERTIES)
    odd = '<?xml version="1.0"?><!DOCTYPE S [<!ENTITY a0 "lol">]><S>&a0;</S>'
    result = parser.parse([Record(value=odd, to_string=odd)], PROPERTIES)
    assert result.vms == ()
    assert not result.unchanged
