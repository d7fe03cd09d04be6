"""Display formats as Hyper-V Manager shows them, and version sort keys."""

from datetime import datetime, timedelta

import pytest

from hvmanager.domain.vm_state import VMState
from hvmanager.models import formatting
from hvmanager.models.enum_text import state_text, yes_no_text
from hvmanager.models.state_order import state_rank


@pytest.mark.parametrize("value, text", [(2048 * 1024 * 1024, "2048 MB"), (512 * 1024 * 1024,
                                         "512 MB"), (0, "0 MB"), (None, "")])
def test_memory_in_megabytes(value, text):
    assert formatting.memory_text(value) == text


@pytest.mark.parametrize("value, text", [
    (timedelta(days=1, hours=2, minutes=3, seconds=4), "1.02:03:04"),
    (timedelta(hours=5, seconds=7.9), "05:00:07"),
    (timedelta(days=123), "123.00:00:00"),
    (timedelta(0), "00:00:00"), (None, ""),
])
def test_uptime_like_hyper_v_manager(value, text):
    assert formatting.uptime_text(value) == text


def test_percent_number_datetime():
    assert formatting.percent_text(3) == "3 %"
    assert formatting.number_text(None) == ""
    assert formatting.datetime_text(datetime(2026, 2, 3, 4, 5, 6)) == "2026-02-03 04:05:06"


def test_versions_sort_numerically():
    versions = ["10.0", "9.0", "11.0", "9.10", "8.3", "10.0.17763.1"]
    ordered = sorted(versions, key=formatting.version_sort_key)
    assert ordered == ["8.3", "9.0", "9.10", "10.0", "10.0.17763.1", "11.0"]
    assert formatting.version_sort_key("") is None


def test_every_state_has_text_and_a_rank():
    ranks = {state_rank(s) for s in VMState}
    assert len(ranks) == len(VMState)
    assert state_text(VMState.RUNNING_CRITICAL) == "Running-Critical"
    assert state_rank(VMState.RUNNING) < state_rank(VMState.PAUSED) < state_rank(VMState.SAVED) \
        < state_rank(VMState.OFF) < state_rank(VMState.OFF_CRITICAL)
    assert yes_no_text(True) == "Yes" and yes_no_text(None) == ""
