"""Benchmark of the Hyper-V host simulator through the real pypsrp client on loopback.

    python -m bench.simulator [--table] [--rounds N] [--seconds S]
    python -m bench.simulator --lab-cost [--hosts 50] [--vms 40] [--refreshes 5] [--table]

Prints one JSON object: pool-open times (Basic over HTTPS, NTLM over HTTP), time and
bytes on the wire for ``Get-VM`` on 50 and 500 VMs (full objects and ``Select-Object``
with 10 properties), and pipelines / HTTP requests per second against one host.
Bytes are HTTP bodies as sent (sealed with NTLM message encryption over HTTP).

``--lab-cost`` measures what the lab costs the machine instead: a lab process as the
fan-out benchmark starts it (``--hosts`` x ``--vms``, NTLM with encryption over HTTP),
driven by plain pypsrp from a thread pool in this process, and the lab process's own
CPU (``/proc``) per host for connect + first refresh, per steady refresh, per action
pipeline, and while idle with every pool open. The refresh is the app's:
``Get-VM | Select-Object <default columns> | ConvertTo-Csv -NoTypeInformation``.
``--py-spy FILE`` records the lab process meanwhile (py-spy's raw format, GIL samples).
``--app-client`` drives a second lab the app's way instead of pypsrp's: our ``WinRMSession``
on one network loop, every host at once (at most 64 connecting, as ``Inventory``), the
refresh as ``core`` runs it; lab CPU per host for connect + first refresh and per steady
refresh. Hundreds of concurrent pipelines cost the lab more per refresh than 16 do.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from pypsrp.powershell import PowerShell, RunspacePool
from pypsrp.wsman import WSMan

from bench.lab_process import LabHostInfo, LabProcess
from bench.machine import load_average
from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.lab import Lab
from hvmanager.simulator.lab_host import LabHost

#: The app's default columns as Get-VM properties (as bench.pypsrp_baseline selects them).
REFRESH_PROPERTIES = ["Id", "Name", "State", "CPUUsage", "MemoryAssigned", "Uptime", "Status",
                      "Version", "Generation"]
SELECTED = ["Name", "State", "CPUUsage", "MemoryAssigned", "Uptime", "Status", "Version", "Generation", "VMId",
            "ProcessorCount"]


def _connection(host: LabHost, auth: str) -> WSMan:
    https = host.transport == "https"
    return WSMan(host.address, port=host.port, username=host.user, password=host.password, ssl=https, auth=auth,
                 cert_validation=host.ca_file if https else False, operation_timeout=20, read_timeout=60)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def pool_open(host: LabHost, auth: str, rounds: int) -> dict[str, float]:
    """Median/min/max of RunspacePool.open() on a fresh connection (auth handshake included)."""
    timings = []
    for _ in range(rounds):
        pool = RunspacePool(_connection(host, auth))
        started = time.perf_counter()
        pool.open()
        timings.append(time.perf_counter() - started)
        pool.close()
    return {"median_ms": _ms(statistics.median(timings)), "min_ms": _ms(min(timings)), "max_ms": _ms(max(timings))}


def get_vm(host: LabHost, pool: RunspacePool, selected: bool, rounds: int) -> dict[str, Any]:
    """Time and wire bytes of one Get-VM pipeline (median over rounds)."""
    timings, sent, received, count = [], 0, 0, 0
    for _ in range(rounds):
        ps = PowerShell(pool)
        ps.add_cmdlet("Get-VM")
        if selected:
            ps.add_cmdlet("Select-Object").add_parameter("Property", SELECTED)
        before = (host.server.bytes_in, host.server.bytes_out)
        started = time.perf_counter()
        count = len(ps.invoke())
        timings.append(time.perf_counter() - started)
        sent, received = host.server.bytes_in - before[0], host.server.bytes_out - before[1]
        if ps.had_errors or ps.streams.error:
            raise RuntimeError(f"Get-VM failed: {ps.streams.error}")
    return {"objects": count, "median_ms": _ms(statistics.median(timings)), "min_ms": _ms(min(timings)),
            "bytes_to_host": sent, "bytes_from_host": received}


def throughput(host: LabHost, clients: int, seconds: float) -> dict[str, float]:
    """Pipelines per second (Get-VM -Name <one VM>) with ``clients`` connections in parallel."""
    done = [0] * clients
    requests_before = host.server.requests
    stop_at = time.perf_counter() + seconds
    pools = [RunspacePool(_connection(host, "ntlm")) for _ in range(clients)]
    for pool in pools:
        pool.open()

    def work(index: int) -> None:
        while time.perf_counter() < stop_at:
            ps = PowerShell(pools[index])
            ps.add_cmdlet("Get-VM").add_parameter("Name", "*1")
            ps.add_cmdlet("Select-Object").add_parameter("Property", ["Name", "State"])
            ps.invoke()
            done[index] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    requests = host.server.requests - requests_before
    for pool in pools:
        pool.close()
    return {"clients": clients, "pipelines_per_s": round(sum(done) / elapsed, 1),
            "http_requests_per_s": round(requests / elapsed, 1)}


def run(rounds: int, seconds: float) -> dict[str, Any]:
    """Every figure, as one dict."""
    specs = [HostSpec("HV01", vm_count=50), HostSpec("HV02", vm_count=500),
             HostSpec("HV03", vm_count=10, transport="https")]
    result: dict[str, Any] = {}
    with Lab(specs, transport="http") as lab:
        small, large, tls = lab.host("HV01"), lab.host("HV02"), lab.host("HV03")
        result["pool_open"] = {"basic_https": pool_open(tls, "basic", rounds),
                               "ntlm_http": pool_open(small, "ntlm", rounds)}
        for host, label in ((small, "vms_50"), (large, "vms_500")):
            with RunspacePool(_connection(host, "ntlm")) as pool:
                result[label] = {"full": get_vm(host, pool, False, rounds),
                                 "select_10_properties": get_vm(host, pool, True, rounds)}
        result["throughput"] = [throughput(small, 1, seconds), throughput(small, 4, seconds)]
    return result


def _lab_connection(host: LabHostInfo) -> WSMan:
    return WSMan(host.address, port=host.port, username=host.user, password=host.password, ssl=False,
                 auth="ntlm", encryption="always", cert_validation=False, operation_timeout=20,
                 read_timeout=60, no_proxy=True)


def _refresh(pool: RunspacePool) -> list[dict[str, str]]:
    """The app's refresh pipeline; the rows it returned."""
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-VM")
    ps.add_cmdlet("Select-Object").add_parameter("Property", REFRESH_PROPERTIES)
    ps.add_cmdlet("ConvertTo-Csv").add_parameter("NoTypeInformation", True)
    lines = ps.invoke()
    if ps.had_errors:
        raise RuntimeError(f"refresh failed: {ps.streams.error[:1]}")
    return list(csv.DictReader(str(line) for line in lines))


def _action(pool: RunspacePool, cmdlet: str, vm_id: str, *switches: str) -> None:
    """``Get-VM -Id <id> | <cmdlet> [-switch]``, as the app runs one action on one VM."""
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-VM").add_parameter("Id", vm_id)
    ps.add_cmdlet(cmdlet)
    for switch in switches:
        ps.add_parameter(switch, True)
    ps.invoke()
    if ps.had_errors:
        raise RuntimeError(f"{cmdlet} failed: {ps.streams.error[:1]}")


class _LabMeter:
    """Lab CPU (and this process's) around one phase of work."""

    def __init__(self, lab: LabProcess) -> None:
        self._lab = lab

    def measure(self, work: Callable[[], int]) -> dict[str, float]:
        """Run ``work`` (it returns how many units it did); CPU and wall per unit."""
        lab_before, client_before, began = self._lab.cpu_seconds(), time.process_time(), time.perf_counter()
        units = work()
        wall = time.perf_counter() - began
        lab = self._lab.cpu_seconds() - lab_before
        client = time.process_time() - client_before
        return {"units": units, "wall_s": round(wall, 2), "lab_cpu_s": round(lab, 2),
                "lab_cpu_ms_per_unit": round(lab * 1000 / max(units, 1), 2),
                "client_cpu_ms_per_unit": round(client * 1000 / max(units, 1), 2)}


def lab_cost(hosts: int, vms: int, refreshes: int, action_hosts: int, action_vms: int, threads: int,
             py_spy: str | None = None) -> dict[str, Any]:
    """Lab CPU per host connect + first refresh, per steady refresh, per action, idle."""
    result: dict[str, Any] = {"hosts": hosts, "vms_per_host": vms, "load_before": load_average()}
    with LabProcess(hosts=hosts, vms_per_host=vms, time_scale=0.01) as lab:
        result["lab_start_s"] = round(lab.start_s, 2)
        result["lab_cpu_at_ready_s"] = round(lab.cpu_seconds(), 2)
        recorder = _start_py_spy(lab.pid, py_spy) if py_spy else None
        meter = _LabMeter(lab)
        pools: dict[str, RunspacePool] = {}
        rows: dict[str, list[dict[str, str]]] = {}
        try:
            with ThreadPoolExecutor(max_workers=threads) as executor:
                def connect(host: LabHostInfo) -> None:
                    pool = RunspacePool(_lab_connection(host))
                    pool.open()
                    pools[host.name] = pool
                    rows[host.name] = _refresh(pool)

                def connect_all() -> int:
                    list(executor.map(connect, lab.hosts))
                    return len(lab.hosts)

                def refresh_all() -> int:
                    for _ in range(refreshes):
                        list(executor.map(lambda name: _refresh(pools[name]), pools))
                    return refreshes * len(pools)

                def act(name: str) -> int:
                    running = [r["Id"] for r in rows[name] if r["State"] == "Running"][:action_vms]
                    for vm_id in running:
                        _action(pools[name], "Stop-VM", vm_id, "TurnOff")
                        _action(pools[name], "Start-VM", vm_id)
                    return 2 * len(running)

                def act_all() -> int:
                    return sum(executor.map(act, list(pools)[:action_hosts]))

                result["connect_and_first_refresh"] = meter.measure(connect_all)
                result["steady_refresh"] = meter.measure(refresh_all)
                result["action_pipeline"] = meter.measure(act_all)
                result["idle_2s_pools_open"] = meter.measure(lambda: time.sleep(2) or 1)
                if rows:
                    result["rows_per_host"] = min(len(r) for r in rows.values())
        finally:
            for pool in pools.values():
                pool.close()
            if recorder is not None:
                _stop_py_spy(recorder)
    result["load_after"] = load_average()
    return result


async def _app_rounds(lab: LabProcess, vms: int, refreshes: int) -> dict[str, Any]:
    """Connect + first refresh of every host (64 at a time), then ``refreshes`` rounds of all at once."""
    # The client's modules only here: the rest of this benchmark is plain pypsrp.
    from bench.transport import DEFAULT_PROPERTIES, _check, _info
    from hvmanager.hyperv.inventory_query import refresh_pipeline
    from hvmanager.remoting.network_loop import NetworkLoop
    from hvmanager.remoting.winrm_session import WinRMSession

    pipeline = refresh_pipeline(DEFAULT_PROPERTIES)
    network = NetworkLoop()
    sessions = [WinRMSession(_info(host), network=network) for host in lab.hosts]
    slots = asyncio.Semaphore(64)

    async def first(session: WinRMSession) -> Any:
        async with slots:
            return await session.run(pipeline, timeout=60)

    async def connect_all() -> int:
        _check(await asyncio.gather(*(first(session) for session in sessions)), vms)
        await asyncio.sleep(0.3)  # the first pipelines' releases
        return len(sessions)

    async def refresh_all() -> int:
        for _ in range(refreshes):
            _check(await asyncio.gather(*(session.run(pipeline, timeout=60) for session in sessions)), vms)
        await asyncio.sleep(0.3)
        return refreshes * len(sessions)

    result: dict[str, Any] = {}
    try:
        for phase, work in (("app_connect_and_first_refresh", connect_all), ("app_steady_refresh", refresh_all)):
            lab_before, client_before, began = lab.cpu_seconds(), time.process_time(), time.perf_counter()
            units = await work()
            wall, lab_cpu = time.perf_counter() - began, lab.cpu_seconds() - lab_before
            result[phase] = {"units": units, "wall_s": round(wall, 2), "lab_cpu_s": round(lab_cpu, 2),
                             "lab_cpu_ms_per_unit": round(lab_cpu * 1000 / units, 2),
                             "client_cpu_ms_per_unit": round((time.process_time() - client_before) * 1000 / units, 2)}
    finally:
        await asyncio.gather(*(session.close() for session in sessions))
        await network.aclose(5.0)
    return result


def app_lab_cost(hosts: int, vms: int, refreshes: int) -> dict[str, Any]:
    """Lab CPU per host with the app's own transport, in a lab of its own."""
    with LabProcess(hosts=hosts, vms_per_host=vms, time_scale=0.01) as lab:
        return asyncio.run(_app_rounds(lab, vms, refreshes))


def _start_py_spy(pid: int, output: str) -> subprocess.Popen[bytes]:
    """py-spy (from the virtualenv or PATH) sampling the lab's GIL holders into ``output``."""
    executable = os.path.join(os.path.dirname(os.path.abspath(sys.executable)), "py-spy")
    command = [executable if os.path.exists(executable) else "py-spy", "record", "--pid", str(pid),
               "--gil", "--threads", "--rate", "200", "--format", "raw", "--output", output, "--nonblocking"]
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # let it attach before the work starts
    return recorder


def _stop_py_spy(recorder: subprocess.Popen[bytes]) -> None:
    recorder.send_signal(signal.SIGINT)
    try:
        recorder.wait(30)
    except subprocess.TimeoutExpired:
        recorder.kill()
        recorder.wait(5)


def lab_cost_table(result: dict[str, Any]) -> str:
    """The lab-cost figures as a Markdown table."""
    rows = [f"| lab phase ({result['hosts']} hosts x {result['vms_per_host']} VMs) | units | lab CPU | "
            "lab CPU ms / unit | client CPU ms / unit | wall |", "|---|---|---|---|---|---|"]
    for phase in ("connect_and_first_refresh", "steady_refresh", "action_pipeline", "idle_2s_pools_open",
                  "app_connect_and_first_refresh", "app_steady_refresh"):
        figures = result.get(phase)
        if figures is None:
            continue
        rows.append(f"| {phase} | {figures['units']} | {figures['lab_cpu_s']} s | "
                    f"{figures['lab_cpu_ms_per_unit']} | {figures['client_cpu_ms_per_unit']} | {figures['wall_s']} s |")
    rows.append(f"| lab start ({result['lab_start_s']} s) | | {result['lab_cpu_at_ready_s']} s | | | |")
    rows.append(f"| load before / after | {result['load_before']} / {result['load_after']} | | | | |")
    return "\n".join(rows)


def table(result: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    rows = ["| figure | value |", "|---|---|"]
    for name, figures in result["pool_open"].items():
        rows.append(f"| pool open, {name} | {figures['median_ms']} ms (min {figures['min_ms']}) |")
    for label in ("vms_50", "vms_500"):
        for kind, figures in result[label].items():
            rows.append(f"| Get-VM {label[4:]} VMs, {kind} | {figures['median_ms']} ms, "
                        f"{figures['bytes_from_host']:,} B from host, {figures['bytes_to_host']:,} B to host |")
    for figures in result["throughput"]:
        rows.append(f"| {figures['clients']} client(s) | {figures['pipelines_per_s']} pipelines/s, "
                    f"{figures['http_requests_per_s']} HTTP requests/s |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", action="store_true", help="print a Markdown table instead of JSON")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3.0, help="duration of each throughput run")
    parser.add_argument("--lab-cost", action="store_true", help="the lab process's CPU per host, refresh, action")
    parser.add_argument("--hosts", type=int, default=50, help="--lab-cost: hosts in the lab")
    parser.add_argument("--vms", type=int, default=40, help="--lab-cost: VMs per host")
    parser.add_argument("--refreshes", type=int, default=5, help="--lab-cost: steady refreshes per host")
    parser.add_argument("--action-hosts", type=int, default=10, help="--lab-cost: hosts that run actions")
    parser.add_argument("--action-vms", type=int, default=3, help="--lab-cost: VMs turned off and on per host")
    parser.add_argument("--threads", type=int, default=16, help="--lab-cost: client threads")
    parser.add_argument("--py-spy", metavar="FILE", help="--lab-cost: record the lab with py-spy (raw)")
    parser.add_argument("--app-client", action="store_true",
                        help="--lab-cost: also the app's transport, every host at once (a second lab)")
    args = parser.parse_args(argv)
    if args.lab_cost:
        result = lab_cost(args.hosts, args.vms, args.refreshes, args.action_hosts, args.action_vms,
                          args.threads, args.py_spy)
        if args.app_client:
            result.update(app_lab_cost(args.hosts, args.vms, args.refreshes))
            result["load_after"] = load_average()
        print(lab_cost_table(result) if args.table else json.dumps(result))
        return
    result = run(args.rounds, args.seconds)
    print(table(result) if args.table else json.dumps(result))


if __name__ == "__main__":
    main()
