"""The WinRM transports alone: client CPU and HTTP exchanges per host, pypsrp's against ours.

    python -m bench.transport [--hosts 20] [--vms 40] [--latency-ms 0] [--rounds 5] [--table]

A lab of ``--hosts`` hosts with ``--vms`` VMs each runs in its own process (NTLM with
message encryption over HTTP). In this process, one contestant after the other opens a
session per host, all at once from one event loop, and runs the app's refresh pipeline
(``hyperv.inventory_query.refresh_pipeline`` with the default columns' properties), then
``--rounds`` steady refreshes of every host. Our sessions share one ``NetworkLoop`` (as the
window's inventory gives them); pypsrp's have a worker thread each. Reported per contestant:

* ``connect_first_cpu_ms_per_host``: client CPU (``time.process_time``, every thread) from
  the sessions' creation until every host's first refresh is back, per host;
* ``refresh_cpu_ms_per_host``: client CPU of the steady rounds (the release of each
  pipeline, which our transport sends after the result is handed back, included) per host
  and refresh; ``refresh_wall_ms`` the wall time of one round over all hosts;
* ``exchanges_connect_first`` and ``exchanges_per_refresh``: HTTP request/answer pairs per
  host (counted where each transport reads an answer: ``http.client`` for pypsrp's
  requests/urllib3, ``HttpConnection.post`` for ours), releases included. Ours: NTLM's
  first leg, Create, the pool's Receive, Command, Receive, release; then Command, Receive,
  release per refresh.

``ratio`` divides pypsrp's figures by ours. Prints one JSON object (or a table).
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import time
from typing import Any, Callable

from bench.lab_process import LabHostInfo, LabProcess, process_cpu_seconds
from bench.machine import header_rows, load_average, machine, markdown_table
from hvmanager.hyperv.inventory_query import refresh_pipeline
from hvmanager.hyperv.vm_property import VmProperty
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.network_loop import NetworkLoop
from hvmanager.remoting.powershell_session import PowerShellSession
from hvmanager.remoting.winrm.http_connection import HttpConnection
from hvmanager.remoting.winrm_session import WinRMSession
from hvmanager.remoting.wsman_session import WSManSession

# The app's default columns: name state cpu_usage memory_assigned uptime status version generation.
DEFAULT_PROPERTIES = (VmProperty.NAME, VmProperty.STATE, VmProperty.CPU_USAGE, VmProperty.MEMORY_ASSIGNED,
                      VmProperty.UPTIME, VmProperty.STATUS, VmProperty.VERSION, VmProperty.GENERATION)
CONTESTANTS: dict[str, Callable[[ConnectionInfo, NetworkLoop], PowerShellSession]] = {
    "pypsrp_wsman_session": lambda info, _network: WSManSession(info),
    "psrpcore_winrm_session": lambda info, network: WinRMSession(info, network=network),
}
TARGETS = {"connect_first_cpu_ms_per_host": 4.0, "refresh_cpu_ms_per_host": 1.5}


class ExchangeCounter:
    """Counts HTTP answers read, by wrapping the one method of each transport that reads one."""

    def __init__(self) -> None:
        self.count = 0
        self._originals = ((http.client.HTTPConnection, "getresponse", http.client.HTTPConnection.getresponse),
                           (HttpConnection, "post", HttpConnection.post))

    def __enter__(self) -> "ExchangeCounter":
        for owner, name, original in self._originals:
            setattr(owner, name, self._counting(original))
        return self

    def __exit__(self, *exc: Any) -> None:
        for owner, name, original in self._originals:
            setattr(owner, name, original)

    def _counting(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1  # only worker threads of one contestant run; a lost increment is noise
            return original(*args, **kwargs)
        return counted


def _info(host: LabHostInfo) -> ConnectionInfo:
    return ConnectionInfo(host.address, port=host.port, auth="ntlm", user=host.user, password=host.password,
                          connect_timeout_s=10, operation_timeout_s=60)


async def _measure(factory: Callable[[ConnectionInfo, NetworkLoop], PowerShellSession],
                   hosts: tuple[LabHostInfo, ...], vms: int, rounds: int, counter: ExchangeCounter) -> dict[str, Any]:
    pipeline = refresh_pipeline(DEFAULT_PROPERTIES)
    count = len(hosts)
    counter.count = 0
    network = NetworkLoop()
    cpu_start, wall_start = time.process_time(), time.monotonic()
    sessions = [factory(_info(host), network) for host in hosts]
    try:
        first = await asyncio.gather(*(session.run(pipeline, timeout=60) for session in sessions))
        connect_cpu = time.process_time() - cpu_start
        connect_wall = time.monotonic() - wall_start
        _check(first, vms)
        await asyncio.sleep(0.3)  # our transport releases the first pipelines now (counted here)
        connect_exchanges = counter.count
        counter.count = 0
        cpu_start, wall_start = time.process_time(), time.monotonic()
        for _ in range(rounds):
            _check(await asyncio.gather(*(session.run(pipeline, timeout=60) for session in sessions)), vms)
        refresh_wall = time.monotonic() - wall_start
        await asyncio.sleep(0.3)  # the last round's releases
        refresh_cpu = time.process_time() - cpu_start
        refresh_exchanges = counter.count
    finally:
        await asyncio.gather(*(session.close() for session in sessions))
        await network.aclose(5.0)
    return {
        "connect_first_cpu_ms_per_host": round(connect_cpu * 1000 / count, 2),
        "connect_first_wall_s": round(connect_wall, 3),
        "refresh_cpu_ms_per_host": round(refresh_cpu * 1000 / (count * rounds), 2),
        "refresh_cpu_ms_per_vm": round(refresh_cpu * 1000 / (count * rounds * vms), 4),
        "refresh_wall_ms": round(refresh_wall * 1000 / rounds, 1),
        "exchanges_connect_first": round(connect_exchanges / count, 2),
        "exchanges_per_refresh": round(refresh_exchanges / (count * rounds), 2),
    }


def _check(results: list, vms: int) -> None:
    # The CSV shape: a header line, then one line per VM.
    short = [len(result.records) for result in results if len(result.records) < vms]
    if short:
        raise RuntimeError(f"a refresh returned too few lines: {short}")


def run(hosts: int, vms: int, latency_ms: int, rounds: int) -> dict[str, Any]:
    """Both contestants against one lab; the JSON-ready result."""
    result: dict[str, Any] = {"benchmark": "transport", "machine": machine(),
                              "parameters": {"hosts": hosts, "vms": vms, "latency_ms": latency_ms, "rounds": rounds},
                              "load_before": load_average()}
    with LabProcess(hosts=hosts, vms_per_host=vms, latency_ms=latency_ms) as lab, ExchangeCounter() as counter:
        lab_cpu = process_cpu_seconds(lab.pid)
        for name, factory in CONTESTANTS.items():
            result[name] = asyncio.run(_measure(factory, lab.hosts, vms, rounds, counter))
        result["lab_cpu_s"] = round(process_cpu_seconds(lab.pid) - lab_cpu, 2)
    baseline, ours = result["pypsrp_wsman_session"], result["psrpcore_winrm_session"]
    result["ratio"] = {key: round(baseline[key] / ours[key], 2) for key in
                       ("connect_first_cpu_ms_per_host", "refresh_cpu_ms_per_host", "exchanges_per_refresh",
                        "exchanges_connect_first") if ours[key]}
    result["targets"] = {key: {"target": limit, "measured": ours[key],
                               "status": "met" if ours[key] <= limit else "MISSED"}
                         for key, limit in TARGETS.items()}
    result["load_after"] = load_average()
    return result


def _table(result: dict[str, Any]) -> str:
    rows = header_rows(result)
    for name in CONTESTANTS:
        rows += [(f"{name}: {key}", value) for key, value in result[name].items()]
    rows += [(f"ratio {key}", value) for key, value in result["ratio"].items()]
    rows += [(f"target {key}", f"{value['measured']} (<= {value['target']}: {value['status']})")
             for key, value in result["targets"].items()]
    rows.append(("lab CPU s", result["lab_cpu_s"]))
    return markdown_table(rows)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--vms", type=int, default=40)
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.hosts, args.vms, args.latency_ms, args.rounds)
    print(_table(result) if args.table else json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
