import uuid
from datetime import datetime, timedelta, timezone

import pytest

from hvmanager.hyperv import values
from hvmanager.remoting.record import Record


@pytest.mark.parametrize("text,expected", [
    ("PT0S", timedelta(0)), ("PT1H7M3.5S", timedelta(hours=1, minutes=7, seconds=3.5)),
    ("P2DT3H", timedelta(days=2, hours=3)), ("-PT5S", timedelta(seconds=-5)),
    ("01:07:03.5000000", timedelta(hours=1, minutes=7, seconds=3.5)),
    ("3.04:05:06", timedelta(days=3, hours=4, minutes=5, seconds=6)),
    ("P", None), ("PT", None), ("soon", None), ("", None),
])
def test_durations(text, expected):
    assert values.as_timedelta(text) == expected


def test_timespan_shapes():
    assert values.as_timedelta({"Ticks": 10_000_000}) == timedelta(seconds=1)
    assert values.as_timedelta(Record(properties={"Ticks": 20_000_000})) == timedelta(seconds=2)
    assert values.as_timedelta(5) is None


def test_datetimes():
    assert values.as_datetime("2026-11-27T08:24:11.1234567+01:00") == datetime(
        2026, 11, 27, 8, 24, 11, 123456, tzinfo=timezone(timedelta(hours=1)))
    assert values.as_datetime("\\/Date(0)\\/") == datetime(1970, 1, 1, tzinfo=timezone.utc)
    assert values.as_datetime("/Date(1000)/") == datetime(1970, 1, 1, 0, 0, 1, tzinfo=timezone.utc)
    assert values.as_datetime("27.11.2026 08:24:11") is None
    assert values.as_datetime(3) is None


def test_scalars():
    assert values.as_int("42") == 42 and values.as_int(True) is None and values.as_int(2.5) is None
    assert values.as_int(Record(value=7)) == 7
    assert values.as_bool("False") is False and values.as_bool(1) is None
    assert values.as_uuid("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}") == \
        uuid.UUID("3f2504e0-4f89-11d3-9a0c-0305e82c3301")
    assert values.as_uuid(12) is None
    assert values.as_str_tuple(["10.0.0.5", None, "fe80::1"]) == ("10.0.0.5", "fe80::1")
    assert values.as_str_tuple("x") == ("x",) and values.as_str_tuple("") == ()
    assert values.as_version({"Major": 10, "Minor": 0, "Build": -1, "Revision": -1}) == "10.0"
    assert values.as_version(Record(properties={"Major": 9, "Minor": 0})) == "9.0"


def test_enum_parts():
    assert values.enum_parts(Record(to_string="Running", value=2)) == ("Running", 2)
    assert values.enum_parts(Record(to_string="2", value=2)) == (None, 2)
    assert values.enum_parts("Off") == ("Off", None)
    assert values.enum_parts(3) == (None, 3)
    assert values.enum_parts(True) == (None, None)


def test_guids_in_an_integration_service_id():
    text = "Microsoft:3F2504E0-4F89-11D3-9A0C-0305E82C3301\\84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47"
    assert values.last_guid(text) == uuid.UUID("84eaae65-2f2e-45f5-9bb5-0e857dc8eb47")
    assert len(values.guids_in(text)) == 2
    assert values.last_guid("none") is None
