"""Each cell converter, and the row plans' inline code, read text as vm_parser's converters."""

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st
from refresh_answers import GUIDS, cells, cells_for

from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv import values
from hvmanager.hyperv.csv_row_plan import CsvRowPlan
from hvmanager.hyperv.csv_values import CELL_CONVERTERS, guid_of, state
from hvmanager.hyperv.vm_parser import CONVERTERS, parse_state
from hvmanager.hyperv.vm_property import ALL, VmProperty


def _outcome(convert, value):
    try:
        result = convert(value)
    except Exception as error:  # noqa: BLE001 - the exception is the outcome compared
        return "raises", type(error)
    return type(result), result


_CELL_PROPERTIES = [p for p in ALL if p in CONVERTERS]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(_CELL_PROPERTIES).flatmap(
    lambda prop: st.tuples(st.just(prop), st.one_of(cells_for(prop.powershell_name), cells))))
def test_cell_converters_read_as_the_record_converters(case):
    prop, text = case
    assert _outcome(CELL_CONVERTERS[prop], text) == _outcome(CONVERTERS[prop], text or None)


@settings(max_examples=800, deadline=None)
@given(st.one_of(cells_for("Id"), cells, st.uuids().map(str), st.uuids().map(lambda u: str(u).upper())))
def test_guids_read_as_as_uuid(text):
    got, expected = guid_of(text), values.as_uuid(text or None)
    assert got == expected and type(got) is type(expected)
    if got is not None:
        assert got.is_safe is expected.is_safe and repr(got) == repr(expected) and hash(got) == hash(expected)


@settings(max_examples=500, deadline=None)
@given(st.one_of(cells_for("State"), cells))
def test_states_read_as_parse_state(text):
    assert _outcome(state, text) == _outcome(parse_state, text or None)


_PLAN_HEADER = ["Id", "Name", "State", "CPUUsage", "Uptime", "Notes", "Heartbeat", "IsClustered"]
_PLAN_PROPERTIES = (VmProperty.ID, VmProperty.NAME, VmProperty.STATE, VmProperty.CPU_USAGE, VmProperty.UPTIME,
                    VmProperty.NOTES, VmProperty.HEARTBEAT, VmProperty.IS_CLUSTERED)


@settings(max_examples=600, deadline=None)
@given(st.tuples(*(cells_for(name) for name in _PLAN_HEADER[1:])))
def test_a_plans_inline_code_reads_cells_as_the_converters(row_cells):
    plan = CsvRowPlan(_PLAN_HEADER, len(_PLAN_HEADER), "hv01", _PLAN_PROPERTIES)
    row = [str(GUIDS[0]), *row_cells]
    expected: list = []
    for prop, text in zip(_PLAN_PROPERTIES[3:], row[3:]):
        expected.append(_outcome(CONVERTERS[prop], text or None))
        if expected[-1][0] == "raises":
            break
    else:
        expected.append(_outcome(parse_state, row[2] or None))
    try:
        vm = plan.vm(row, {})
    except Exception as error:  # noqa: BLE001 - the first failing cell's exception
        assert expected[-1] == ("raises", type(error))
        return
    got = [(type(getattr(vm, p.field)), getattr(vm, p.field)) for p in _PLAN_PROPERTIES[3:]]
    assert got + [(VMState, vm.state)] == expected
    assert vm.name == (row[1] or "") and vm.host == "hv01" and vm.vm_id == GUIDS[0]


def test_canonical_timespans_round_as_timedelta_does():
    # Float seconds round to the nearest microsecond, to even on a tie, in the sum.
    plan = CsvRowPlan(["Id", "Uptime"], 2, "hv01", (VmProperty.UPTIME,))
    for text in ("00:00:00.0000005", "00:00:01.0000005", "1.00:00:00.0000015", "23:59:59.9999995",
                 "-00:00:00.0000025", "12:34:56.7890125", "00:00:59.99999995"[:16]):
        assert plan.vm([str(uuid.UUID(int=1)), text], {}).uptime == values.as_timedelta(text), text
