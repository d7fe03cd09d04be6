"""A lab's hosts share one RunnerThreads: one host's restart leaves the others' idle threads alone."""

from __future__ import annotations

import time

from pypsrp.powershell import PowerShell, RunspacePool

from hvmanager.simulator.lab import Lab
from hvmanager_testing.polling import poll_until

from integration.simulator.toy_backend import toy_backend
from integration.simulator.wsman_client import client_for


def _run(pool: RunspacePool) -> int:
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-Toy").add_parameter("Count", 1)
    return len(ps.invoke())


def test_restarting_one_host_keeps_the_other_hosts_idle_runner_threads() -> None:
    lab = Lab(hosts=2, backend=toy_backend, password="Pa55w.rd")
    lab.start()
    try:
        threads = lab.runner_threads
        with RunspacePool(client_for(lab.host("HV02"))) as pool:
            other = RunspacePool(client_for(lab.host("HV01")))
            other.open()  # never closed: the restart drops its shell
            assert _run(other) == 1
            assert _run(pool) == 1
            # Each pipeline's thread goes idle (with both done, at least one is idle).
            assert poll_until(lambda: threads.idle_count() >= 1)
            idle = threads.idle_count()
            lab.restart_host("HV01")
            time.sleep(0.1)  # an idle thread told to leave would be gone by now
            assert threads.idle_count() == idle  # HV01's restart ended none of them
            assert _run(pool) == 1  # reuses an idle thread: none started, none lost
            assert poll_until(lambda: threads.idle_count() == idle)
    finally:
        lab.stop()
    # The lab's stop ends the threads it shared between its hosts.
    assert threads.idle_count() == 0
