"""StalePool.run_reopening: a forgotten pool that we had used is reopened once; a new one is a failure."""

import pytest

from hvmanager.remoting.errors import HostUnreachable
from hvmanager.remoting.stale_pool import StalePool


def _forgets_once(calls: list[int]):
    def run_once() -> str:
        calls.append(len(calls))
        if len(calls) == 1:
            raise StalePool(HostUnreachable("HV01 no longer knows the pool.", "", "HV01"))
        return "ran"
    return run_once


def test_a_reused_pool_the_host_forgot_runs_the_pipeline_once_more():
    calls: list[int] = []
    assert StalePool.run_reopening(_forgets_once(calls), True, "HV01") == "ran"
    assert calls == [0, 1]


def test_a_new_pool_rejected_is_reported_with_the_user_facing_error_and_not_run_again():
    calls: list[int] = []
    with pytest.raises(HostUnreachable, match="no longer knows the pool"):
        StalePool.run_reopening(_forgets_once(calls), False, "HV01")
    assert calls == [0]


def test_a_second_rejection_is_reported_with_its_user_facing_error_and_not_retried_again():
    calls: list[int] = []

    def always_forgets() -> str:
        calls.append(len(calls))
        raise StalePool(HostUnreachable("gone again", "", "HV01"))
    with pytest.raises(HostUnreachable, match="gone again"):
        StalePool.run_reopening(always_forgets, True, "HV01")
    assert calls == [0, 1]
