"""Benchmark of the Hyper-V host simulator through the real pypsrp client on loopback.

    python -m bench.simulator [--table] [--rounds N] [--seconds S]

Prints one JSON object: pool-open times (Basic over HTTPS, NTLM over HTTP), time and
bytes on the wire for ``Get-VM`` on 50 and 500 VMs (full objects and ``Select-Object``
with 10 properties), and pipelines / HTTP requests per second against one host.
Bytes are HTTP bodies as sent (sealed with NTLM message encryption over HTTP).
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from typing import Any

from pypsrp.powershell import PowerShell, RunspacePool
from pypsrp.wsman import WSMan

from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.lab import Lab
from hvmanager.simulator.lab_host import LabHost

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
    args = parser.parse_args(argv)
    result = run(args.rounds, args.seconds)
    print(table(result) if args.table else json.dumps(result))


if __name__ == "__main__":
    main()
