"""Each fault kind on one host: that host gets the right error kind and message, the healthy
host's VMs arrive on time, and nothing waits for the dead one beyond its timeout."""

from __future__ import annotations

import asyncio
import time

import pytest
from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_session import HostSession
from hvmanager.core.host_state import HostState
from hvmanager.core.inventory import Inventory
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager_testing.recording_listener import RecordingListener, wait_for

CALL_TIMEOUT_S = 1.5

# fault, options, expected error kind, words the message must contain
FAULTS = [
    ("blackhole", {}, "timeout", "did not answer within"),
    ("refused", {}, "unreachable", "refused"),
    ("reset", {}, "unreachable", "dropped the connection"),
    ("http500", {}, "protocol", "HTTP 500"),
    ("malformed_xml", {}, "protocol", "not valid PowerShell Remoting"),
    ("slow_cmdlets", {"delay_s": 5.0}, "timeout", "did not finish within"),
]


def _healthy_and_faulty(lab, listener, **options):
    inventory = Inventory(listener, **{"refresh_interval_s": 30, "call_timeout_s": CALL_TIMEOUT_S,
                                       "retry_initial_s": 30, **options})
    healthy = inventory.add(config_for(lab.host("HV01")), lab.host("HV01").password)
    faulty = inventory.add(config_for(lab.host("HV02")), lab.host("HV02").password)
    return inventory, healthy, faulty


@pytest.mark.parametrize("fault,options,kind,words", FAULTS, ids=[f[0] for f in FAULTS])
def test_one_faulty_host_never_delays_the_other(make_lab, fault, options, kind, words):
    lab = make_lab(hosts=2, vms_per_host=3)
    lab.set_fault("HV02", fault, **options)
    listener = RecordingListener()

    async def scenario():
        inventory, healthy, faulty = _healthy_and_faulty(lab, listener)
        began = time.monotonic()
        healthy_s = await wait_for(lambda: healthy.status.last_refresh is not None, 5)
        faulty_s = await wait_for(lambda: faulty.status.state is HostState.ERROR, 10) \
            + healthy_s
        status = faulty.status
        shut_began = time.monotonic()
        await inventory.shutdown(timeout_s=2.0)
        return healthy_s, faulty_s, status, time.monotonic() - shut_began, time.monotonic() - began

    healthy_s, faulty_s, status, shutdown_s, _ = run(scenario())
    assert healthy_s < 1.0, f"the healthy host waited {healthy_s:.2f} s"
    assert status.error_kind == kind, status
    assert words in status.message
    assert status.hint
    # The faulty host fails within its call timeout (plus the time to give up on it).
    assert faulty_s < CALL_TIMEOUT_S + 3.5
    assert shutdown_s < 2.5
    assert listener.last(config_for(lab.host("HV01")).key).state is HostState.DISCONNECTED


def test_wrong_password_is_an_auth_error_that_is_not_retried_on_a_timer(make_lab):
    lab = make_lab(hosts=2, vms_per_host=2)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=0.1, call_timeout_s=CALL_TIMEOUT_S,
                              retry_initial_s=0.05, retry_max_s=0.1)
        good = inventory.add(config_for(lab.host("HV01")), lab.host("HV01").password)
        bad = inventory.add(config_for(lab.host("HV02")), "not the password")
        await wait_for(lambda: bad.status.state is HostState.ERROR, 5)
        await wait_for(lambda: good.status.last_refresh is not None, 5)
        await asyncio.sleep(0.6)
        attempts = listener.states(bad.key).count(HostState.CONNECTING)
        bad.refresh_soon()  # the user asks again: one more attempt
        await wait_for(lambda: listener.states(bad.key).count(HostState.CONNECTING) == 2, 5)
        status = bad.status
        await inventory.shutdown()
        return attempts, status

    attempts, status = run(scenario())
    assert attempts == 1
    assert status.error_kind == "auth" and "rejected the credentials" in status.message
    assert "HOST\\user" in status.hint


@pytest.mark.parametrize("problem", ["expired_cert", "wrong_name_cert", "untrusted"])
def test_certificate_problems(make_lab, problem):
    lab = make_lab(hosts=2, vms_per_host=2, transport="https")
    if problem != "untrusted":
        lab.set_fault("HV02", problem)
    listener = RecordingListener()

    async def scenario():
        inventory = Inventory(listener, refresh_interval_s=30, call_timeout_s=CALL_TIMEOUT_S)
        good = inventory.add(config_for(lab.host("HV01")), lab.host("HV01").password)
        overrides = {}
        if problem == "untrusted":  # the system store does not know the lab's CA
            overrides = {"certificate_validation": CertificateValidation.SYSTEM_STORE, "ca_file": ""}
        bad = inventory.add(config_for(lab.host("HV02"), **overrides), lab.host("HV02").password)
        await wait_for(lambda: bad.status.state is HostState.ERROR, 5)
        await wait_for(lambda: good.status.last_refresh is not None, 5)
        status = bad.status
        await inventory.shutdown()
        return status

    status = run(scenario())
    assert status.error_kind == "certificate", status
    expected = {"expired_cert": "expired", "wrong_name_cert": "another name",
                "untrusted": "not trusted"}[problem]
    assert expected in status.message


def test_opting_out_of_validation_reaches_a_self_signed_host(make_lab):
    lab = make_lab(hosts=1, vms_per_host=2, transport="https")
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0], certificate_validation=CertificateValidation.SKIP,
                                         ca_file=""),
                              listener, password=lab.hosts[0].password, refresh_interval_s=0)
        status = await session.refresh()
        await session.close()
        return status

    assert run(scenario()).state is HostState.CONNECTED


def test_a_host_that_comes_back_is_reconnected_by_the_retry(make_lab):
    lab = make_lab(hosts=1, vms_per_host=3)
    lab.set_fault("HV01", "refused")
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                              refresh_interval_s=30, call_timeout_s=CALL_TIMEOUT_S,
                              retry_initial_s=0.1, retry_max_s=0.2)
        session.start()
        await wait_for(lambda: session.status.state is HostState.ERROR, 5)
        lab.clear_faults("HV01")
        await wait_for(lambda: session.status.state is HostState.CONNECTED and session.vms, 5)
        await session.close()

    run(scenario())
    states = listener.states(config_for(lab.hosts[0]).key)
    assert states[:2] == [HostState.CONNECTING, HostState.ERROR]
    assert HostState.CONNECTED in states[2:]
    # While it retried, the status kept saying why the last attempt failed.
    retrying = [s for s in listener.statuses[config_for(lab.hosts[0]).key][2:]
                if s.state is HostState.CONNECTING]
    assert retrying and all(s.error_kind == "unreachable" for s in retrying)


def test_close_is_bounded_against_a_blackholed_host(make_lab):
    lab = make_lab(hosts=1, vms_per_host=2)
    listener = RecordingListener()

    async def scenario():
        session = HostSession(config_for(lab.hosts[0]), listener, password=lab.hosts[0].password,
                              refresh_interval_s=0, call_timeout_s=20)
        await session.refresh()
        lab.set_fault("HV01", "blackhole")
        session.refresh_soon()
        await wait_for(lambda: session.status.state is HostState.REFRESHING, 5)
        await asyncio.sleep(0.2)  # the worker is now stuck in a read from the blackhole
        began = time.monotonic()
        await session.close(timeout_s=1.0)
        return time.monotonic() - began, session.status.state

    elapsed, state = run(scenario())
    assert elapsed < 1.5
    assert state is HostState.DISCONNECTED

