"""Steady state: the window open on many hosts, every host refreshed every 2 s.

    python -m bench.refresh [--hosts 200] [--vms 40] [--latency-ms 50] [--interval-s 2]
                            [--duration-s 30] [--table]

Starts a simulator lab in its own process, then the real window offscreen
(``bench.gui_probe refresh``); once every host's rows are in, sets the refresh interval,
lets it settle, then measures for ``--duration-s``: the window process's CPU as a
percentage of one core, refreshes done (ticks thin out when refreshes get slow, see
``core.refresh_schedule``), and the gaps of a 5 ms timer on the Qt thread. Bytes per
host per refresh are measured apart: the app's refresh pipeline run through its own
``HostCommands`` against one in-process simulator host of ``--vms`` VMs, whose
listener counts the HTTP bodies both ways (sealed with NTLM message encryption). Targets (issue 6): CPU <= 25 % of one core for 200
hosts every 2 s; max_ui_gap_ms <= 50.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from bench.child_run import run_child
from bench.lab_process import LabProcess
from bench.machine import header_rows, load_average, machine, markdown_table

TARGETS = {"cpu_percent_of_one_core": 25.0, "max_ui_gap_ms": 50.0}


def wire_bytes(vms: int, rounds: int = 5) -> dict[str, Any]:
    """HTTP body bytes of one refresh of one host (the app's pipeline and client code)."""
    import asyncio

    from hvmanager.core.host_commands import HostCommands
    from hvmanager.domain.server_config import ServerConfig
    from hvmanager.hyperv.inventory_query import refresh_pipeline
    from hvmanager.models.column_registry import ColumnRegistry
    from hvmanager.simulator.lab import Lab

    registry = ColumnRegistry.standard()
    pipeline = refresh_pipeline(registry.properties_for(registry.default_keys()))

    async def measure(lab: Lab) -> tuple[int, int]:
        host = lab.hosts[0]
        commands = HostCommands(ServerConfig.from_address(host.url, user_name=host.user), host.password,
                                lambda entry: None)
        try:
            await commands.run_checked(pipeline)  # connects first
            before = (host.server.bytes_in, host.server.bytes_out)
            for _ in range(rounds):
                await commands.run_checked(pipeline)
            return host.server.bytes_in - before[0], host.server.bytes_out - before[1]
        finally:
            await commands.close()

    with Lab(hosts=1, vms_per_host=vms) as lab:
        sent, received = asyncio.run(measure(lab))
    return {"to_host": sent // rounds, "from_host": received // rounds,
            "total": (sent + received) // rounds, "pipeline_objects": vms + 1}


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every figure as one dict; the lab is always stopped."""
    result: dict[str, Any] = {"benchmark": "refresh", "machine": machine(),
                              "parameters": {"hosts": args.hosts, "vms_per_host": args.vms,
                                             "latency_ms": args.latency_ms, "interval_s": args.interval_s,
                                             "duration_s": args.duration_s},
                              "load_before": load_average()}
    with LabProcess(hosts=args.hosts, vms_per_host=args.vms, latency_ms=args.latency_ms) as lab, \
            tempfile.TemporaryDirectory(prefix="hvbench-") as directory:
        hosts_file = Path(directory) / "hosts.json"
        hosts_file.write_text(json.dumps([h.__dict__ for h in lab.hosts]))
        lab_cpu = lab.cpu_seconds()
        child = run_child(["-m", "bench.gui_probe", "refresh", str(hosts_file),
                           "--expect-rows", str(args.hosts * args.vms),
                           "--refresh-interval-s", str(args.interval_s), "--settle-s", str(args.settle_s),
                           "--duration-s", str(args.duration_s)])
        result["lab_cpu_s"] = round(lab.cpu_seconds() - lab_cpu, 2)
    probe = child.json
    if "steady" not in probe:
        result["error"] = probe.get("error", "the refresh window never opened")
        return result
    steady = probe["steady"]
    steady["expected_refreshes"] = int(args.hosts * args.duration_s / args.interval_s)
    result["steady"] = steady
    result["bytes_per_host_per_refresh"] = wire_bytes(args.vms)
    result["all_rows_s"] = round(probe["all_rows_mono"] - child.spawned_mono, 2)
    result["targets"] = {key: {"target": limit, "measured": steady[key], "met": steady[key] <= limit}
                         for key, limit in TARGETS.items()}
    result["load_after"] = load_average()
    return result


def table(result: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    rows = header_rows(result)
    if "error" in result:
        return markdown_table(rows + [("error", result["error"])])
    steady = result["steady"]
    rows += [("client CPU", f"{steady['cpu_percent_of_one_core']} % of one core ({steady['cpu_s']} s "
                            f"in {steady['seconds']} s)"),
             ("refreshes", f"{steady['refreshes']} of {steady['expected_refreshes']} expected, "
                           f"{steady['hosts_refreshed']} hosts"),
             ("HTTP body bytes per host per refresh", result["bytes_per_host_per_refresh"]),
             ("max / p99 UI gap", f"{steady['max_ui_gap_ms']} / {steady['p99_ui_gap_ms']} ms"),
             ("RSS", f"{steady['rss_mb']} MB"), ("lab CPU (whole run)", f"{result['lab_cpu_s']} s")]
    rows += [(f"target {key}", f"{t['measured']} vs {t['target']}: {'met' if t['met'] else 'MISSED'}")
             for key, t in result["targets"].items()]
    return markdown_table(rows)


def main(argv: list[str] | None = None) -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--vms", type=int, default=40)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--interval-s", type=float, default=2.0)
    parser.add_argument("--settle-s", type=float, default=12.0,
                        help="after every row is in: time for the ticks to reach the interval")
    parser.add_argument("--duration-s", type=float, default=30.0)
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    parser.add_argument("--table", action="store_true", help="print a Markdown table instead of JSON")
    args = parser.parse_args(argv)
    result = run(args)
    print(table(result) if args.table else json.dumps(result))


if __name__ == "__main__":
    main()
