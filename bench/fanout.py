"""Fan-out: the VMs of many hosts, by plain pypsrp scripts, hvmanager-cli and the real window.

    python -m bench.fanout [--hosts 200] [--vms 40] [--latency-ms 50] [--dead 2] [--table]
                           [--only sequential,threaded,cli,gui] [--sequential-hosts 10]

Starts one simulator lab in its own process (``--hosts`` hosts of ``--vms`` VMs, every
answer delayed ``--latency-ms``, the last ``--dead`` hosts blackholed; NTLM with message
encryption over HTTP), then runs each contestant as its own process against it:

* ``baseline_sequential``: a plain pypsrp script, one host after another, full ``Get-VM``.
  Run on the first ``--sequential-hosts`` reachable hosts and extrapolated (said so in
  the output: a full run would take minutes).
* ``baseline_threaded``: plain pypsrp with a thread pool (``--threads``) and
  ``Get-VM | Select-Object`` with the app's default columns.
* ``hvmanager_cli``: ``hvmanager-cli vms`` over the reachable hosts (``seconds``) and over
  all of them (``seconds_with_dead``, which waits for the dead hosts' timeout).
* ``hvmanager_gui``: the real window offscreen (``bench.gui_probe``) from process spawn
  until every reachable host's rows are in the table.

Seconds are wall time from the contestant's spawn to its last reachable host; dead hosts
are reported apart. Client CPU is the contestant's own process (user+system), up to the
moment its last reachable host was in (the GUI) or for the whole process (the rest);
``lab_cpu_s`` is the simulator's share. Prints one JSON object (``--table``: Markdown).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.child_run import run_child
from bench.lab_process import LabProcess
from bench.machine import load_average, machine, markdown_table

TARGETS = {"all_rows_s": 2.0, "speedup_vs_threaded": 5.0, "speedup_vs_sequential": 50.0,
           "client_cpu_ms_per_vm": 0.1, "max_ui_gap_ms": 50.0, "rss_mb": 300.0}
CONTESTANTS = ("sequential", "threaded", "cli", "gui")


def _per_vm(cpu_s: float, vms: int) -> float:
    return round(cpu_s * 1000 / vms, 3) if vms else 0.0


def baseline(lab: LabProcess, hosts_file: Path, mode: str, hosts: list[dict[str, str]],
             reachable: int, args: argparse.Namespace, vms: int) -> dict[str, Any]:
    """One plain-pypsrp script over ``hosts`` (the first ``reachable`` answer)."""
    hosts_file.write_text(json.dumps(hosts))
    lab_cpu = lab.cpu_seconds()
    load = load_average()
    run = run_child(["-m", "bench.pypsrp_baseline", mode, str(hosts_file), "--threads", str(args.threads),
                     "--timeout", str(args.timeout), "--reachable", str(reachable)])
    answers = run.json["hosts"]
    offset = run.json["began_mono"] - run.spawned_mono
    good = [a for name, a in answers.items() if "vms" in a]
    failed = {name: a["error"] for name, a in answers.items() if "error" in a}
    last_ok = max((a["done_s"] for a in good), default=0.0) + offset
    got = sum(a["vms"] for a in good)
    figures: dict[str, Any] = {
        "seconds": round(last_ok, 3), "seconds_total": round(run.seconds, 3),
        "client_cpu_s": round(run.cpu_s, 3), "client_cpu_ms_per_vm": _per_vm(run.cpu_s, got),
        "hosts_ok": len(good), "vms": got, "failures": len(failed),
        "failure_examples": sorted(set(failed.values()))[:2],
        "lab_cpu_s": round(lab.cpu_seconds() - lab_cpu, 2), "load_before": load,
        "startup_s": round(offset, 3), "startup_cpu_s": round(run.json["cpu_s_at_start"], 3)}
    if got != vms:
        figures["warning"] = f"expected {vms} VMs, got {got}"
    return figures


def cli(lab: LabProcess, urls: list[str], args: argparse.Namespace, vms: int) -> dict[str, Any]:
    """``hvmanager-cli vms`` as a user runs it (the password from an environment variable)."""
    import os

    env = {**os.environ, "HVBENCH_PASSWORD": lab.hosts[0].password}
    command = ["-m", "hvmanager.cli", "vms", "--user", lab.hosts[0].user, "--password-env",
               "HVBENCH_PASSWORD", "--format", "json", "--timeout", str(args.timeout)]
    live = [h.url for h in lab.live_hosts]
    lab_cpu, load = lab.cpu_seconds(), load_average()
    run = run_child(command + [a for url in live for a in ("--server", url)], environment=env, parse_json=False)
    rows = json.loads(run.stdout) if run.stdout.strip().startswith("[") else []
    figures: dict[str, Any] = {
        "seconds": round(run.seconds, 3), "client_cpu_s": round(run.cpu_s, 3),
        "client_cpu_ms_per_vm": _per_vm(run.cpu_s, len(rows)), "vms": len(rows), "exit_code": run.exit_code,
        "max_rss_mb": run.max_rss_mb, "lab_cpu_s": round(lab.cpu_seconds() - lab_cpu, 2), "load_before": load}
    if len(rows) != vms:
        figures["warning"] = f"expected {vms} VMs, got {len(rows)}: {run.stderr[-300:]}"
    if lab.dead_names and not args.skip_cli_dead:
        run = run_child(command + [a for url in urls for a in ("--server", url)], environment=env,
                        parse_json=False)
        figures["seconds_with_dead"] = round(run.seconds, 3)
        figures["dead_exit_code"] = run.exit_code
        figures["dead_messages"] = run.stderr.strip().splitlines()[:2]
    return figures


def gui(lab: LabProcess, hosts_file: Path, args: argparse.Namespace, vms: int) -> dict[str, Any]:
    """The real window (``bench.gui_probe fanout``), from spawn to every reachable row."""
    hosts_file.write_text(json.dumps([h.__dict__ for h in lab.hosts]))
    lab_cpu, load = lab.cpu_seconds(), load_average()
    run = run_child(["-m", "bench.gui_probe", "fanout", str(hosts_file), "--expect-rows", str(vms),
                     "--dead", ",".join(lab.dead_names), "--dead-wait-s", str(args.dead_wait_s),
                     "--switch-interval-ms", str(args.switch_interval_ms)])
    probe = run.json
    if "all_rows_mono" not in probe:
        return {"error": probe.get("error", "no rows"), "host_states": probe.get("host_states"),
                "exit_code": run.exit_code, "lab_cpu_s": round(lab.cpu_seconds() - lab_cpu, 2),
                "client_cpu_s": round(run.cpu_s, 2), "load_before": load}
    cpu = probe["cpu_s_at_all_rows"]
    since_shown = cpu - probe["cpu_s_at_window_shown"]
    dead = probe.get("dead_hosts", {})
    return {
        "window_shown_s": round(probe["window_shown_mono"] - run.spawned_mono, 3),
        "first_rows_s": round(probe["first_rows_mono"] - run.spawned_mono, 3),
        "all_rows_s": round(probe["all_rows_mono"] - run.spawned_mono, 3),
        "all_rows_after_window_shown_s": round(probe["all_rows_mono"] - probe["window_shown_mono"], 3),
        "max_ui_gap_ms": probe["max_ui_gap_ms"], "p99_ui_gap_ms": probe["p99_ui_gap_ms"],
        "rss_mb": probe["rss_mb"], "peak_rss_mb": probe.get("peak_rss_mb"), "rows": probe["rows"],
        "client_cpu_s": round(cpu, 3), "client_cpu_ms_per_vm": _per_vm(cpu, vms),
        "client_cpu_s_after_window_shown": round(since_shown, 3),
        "client_cpu_ms_per_vm_after_window_shown": _per_vm(since_shown, vms),
        "dead_hosts": {"count": dead.get("count"), "reported": dead.get("reported"),
                       "reported_after_s": round(dead["reported_mono"] - run.spawned_mono, 2)
                       if dead.get("reported_mono") else None, "messages": dead.get("messages")},
        "lab_cpu_s": round(lab.cpu_seconds() - lab_cpu, 2), "load_before": load,
        # What the gaps were made of (bench.gc_watch, bench.turn_timer).
        **{key: value for key, value in probe.items()
           if key.startswith(("gc_", "slow", "gaps_", "max_ui_gap_cpu", "qt_thread"))},
        **({"profiles": probe["profiles"]} if "profiles" in probe else {})}


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every contestant against one lab; the lab is always stopped."""
    only = set(args.only.split(",")) if args.only else set(CONTESTANTS)
    result: dict[str, Any] = {"benchmark": "fanout", "machine": machine(),
                              "parameters": {"hosts": args.hosts, "vms_per_host": args.vms,
                                             "latency_ms": args.latency_ms, "dead": args.dead},
                              "load_at_start": load_average()}
    with LabProcess(hosts=args.hosts, vms_per_host=args.vms, latency_ms=args.latency_ms,
                    dead=args.dead) as lab, tempfile.TemporaryDirectory(prefix="hvbench-") as directory:
        hosts_file = Path(directory) / "hosts.json"
        live = [h.__dict__ for h in lab.live_hosts]
        everyone = [h.__dict__ for h in lab.live_hosts] + [h.__dict__ for h in lab.hosts
                                                           if h.name in lab.dead_names]
        vms = len(live) * args.vms
        result["reachable_hosts"], result["reachable_vms"] = len(live), vms
        result["lab_start_s"] = round(lab.start_s, 2)
        if "sequential" in only:
            subset = live[:args.sequential_hosts]
            figures = baseline(lab, hosts_file, "sequential", subset, len(subset), args,
                               len(subset) * args.vms)
            scale = len(live) / len(subset)
            figures["measured_hosts"] = len(subset)
            figures["measured_seconds"] = figures["seconds"]
            figures["measured_client_cpu_s"] = figures["client_cpu_s"]
            figures["extrapolated"] = (f"measured on {len(subset)} of {len(live)} reachable hosts, "
                                       f"seconds and CPU after start-up scaled by {scale:g} (dead hosts not included; "
                                       f"each would add its {args.timeout:g} s timeout)")
            # Interpreter start and imports happen once; the per-host part scales.
            startup, startup_cpu = figures["startup_s"], figures["startup_cpu_s"]
            figures["seconds"] = round(startup + (figures["seconds"] - startup) * scale, 2)
            figures["client_cpu_s"] = round(startup_cpu + (figures["client_cpu_s"] - startup_cpu) * scale, 2)
            figures["client_cpu_ms_per_vm"] = _per_vm(figures["client_cpu_s"], vms)
            result["baseline_sequential"] = figures
        if "threaded" in only:
            result["baseline_threaded"] = baseline(lab, hosts_file, "threaded", everyone, len(live), args, vms)
        if "cli" in only:
            result["hvmanager_cli"] = cli(lab, [h["url"] for h in everyone], args, vms)
        if "gui" in only:
            result["hvmanager_gui"] = gui(lab, hosts_file, args, vms)
    _ratios(result)
    result["load_at_end"] = load_average()
    return result


def _ratios(result: dict[str, Any]) -> None:
    for name in ("hvmanager_gui", "hvmanager_cli"):
        figures = result.get(name)
        if not figures or "error" in figures:
            continue
        seconds = figures.get("all_rows_s", figures.get("seconds"))
        for baseline_name, key in (("baseline_sequential", "speedup_vs_sequential"),
                                   ("baseline_threaded", "speedup_vs_threaded")):
            if baseline_name in result and seconds:
                figures[key] = round(result[baseline_name]["seconds"] / seconds, 2)
    gui_figures = result.get("hvmanager_gui")
    if gui_figures and "error" not in gui_figures:
        result["targets"] = {
            key: {"target": limit, "measured": gui_figures.get(key),
                  "met": gui_figures.get(key) is not None and (
                      gui_figures[key] >= limit if key.startswith("speedup") else gui_figures[key] <= limit)}
            for key, limit in TARGETS.items()}


def table(result: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    rows: list[tuple[str, Any]] = [
        ("machine", f"{result['machine']['cores']} cores, {result['machine']['cpu']}"),
        ("lab", f"{result['parameters']} -> {result.get('reachable_vms')} reachable VMs"),
        ("load at start / end", f"{result['load_at_start']} / {result['load_at_end']}")]
    for name in ("baseline_sequential", "baseline_threaded", "hvmanager_cli", "hvmanager_gui"):
        figures = result.get(name)
        if figures is None:
            continue
        if "error" in figures:
            rows.append((name, f"error: {figures['error']}"))
            continue
        seconds = figures.get("all_rows_s", figures.get("seconds"))
        text = (f"{seconds} s, client CPU {figures['client_cpu_s']} s "
                f"({figures['client_cpu_ms_per_vm']} ms/VM), lab CPU {figures['lab_cpu_s']} s")
        for key in ("speedup_vs_sequential", "speedup_vs_threaded", "first_rows_s", "max_ui_gap_ms",
                    "p99_ui_gap_ms", "rss_mb", "seconds_with_dead", "extrapolated"):
            if key in figures:
                text += f", {key} {figures[key]}"
        rows.append((name, text))
    for key, target in result.get("targets", {}).items():
        rows.append((f"target {key}", f"{target['measured']} vs {target['target']}: "
                                      f"{'met' if target['met'] else 'MISSED'}"))
    return markdown_table(rows)


def main(argv: list[str] | None = None) -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--vms", type=int, default=40)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--dead", type=int, default=2)
    parser.add_argument("--only", default="", help=f"comma-separated subset of {','.join(CONTESTANTS)}")
    parser.add_argument("--sequential-hosts", type=int, default=10)
    parser.add_argument("--threads", type=int, default=64, help="the threaded baseline's pool size")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="per-host timeout of the baselines and the CLI (dead hosts)")
    parser.add_argument("--dead-wait-s", type=float, default=40.0,
                        help="how long the window may take to report the dead hosts")
    parser.add_argument("--switch-interval-ms", type=float, default=0.0,
                        help="experiment: the window's sys.setswitchinterval (0 = the app's own)")
    parser.add_argument("--skip-cli-dead", action="store_true", help="skip the CLI run with dead hosts")
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    parser.add_argument("--table", action="store_true", help="print a Markdown table instead of JSON")
    args = parser.parse_args(argv)
    began = time.monotonic()
    result = run(args)
    result["benchmark_s"] = round(time.monotonic() - began, 1)
    print(table(result) if args.table else json.dumps(result))


if __name__ == "__main__":
    main()
