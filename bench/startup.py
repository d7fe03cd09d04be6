"""Start-up: process start to the main window shown, and what the imports cost.

    python -m bench.startup [--runs 5] [--table]

Each run is a fresh process (``bench.gui_probe startup``) that starts the app as a user
does with no saved servers (isolated settings, the null keyring), offscreen, and stops
as soon as the window is visible. Reports the median and every run, the CPU seconds of
the process, and the import time of the app (``hvmanager.app.app_runner`` pulls in
everything the window needs) and of its heaviest dependencies, each in a fresh process.
Target (issue 6): window shown <= 0.6 s median.
"""

from __future__ import annotations

import argparse
import json
import statistics
from typing import Any

from bench.child_run import run_child
from bench.machine import load_average, machine, markdown_table

TARGET_S = 0.6
IMPORTS = ("PySide6.QtWidgets", "pypsrp.powershell", "hvmanager.core.inventory", "hvmanager.app.app_runner")


def import_seconds(module: str) -> float:
    """Seconds to import ``module`` in a fresh interpreter (after the interpreter started)."""
    code = ("import time; began = time.perf_counter(); import " + module
            + "; import json; print(json.dumps({'s': time.perf_counter() - began}))")
    return round(run_child(["-c", code]).json["s"], 3)


def run(runs: int) -> dict[str, Any]:
    """Every figure as one dict."""
    load = load_average()
    shown, cpu, rss = [], [], []
    for _ in range(runs):
        child = run_child(["-m", "bench.gui_probe", "startup", "-"])
        shown.append(child.json["window_shown_mono"] - child.spawned_mono)
        cpu.append(child.json["cpu_s_at_window_shown"])
        rss.append(child.json["rss_mb"])
    bare = [run_child(["-c", "pass"], parse_json=False).seconds for _ in range(3)]
    median = statistics.median(shown)
    return {
        "benchmark": "startup", "machine": machine(), "load_before": load,
        "window_shown_s_median": round(median, 3), "window_shown_s_runs": [round(s, 3) for s in shown],
        "cpu_s_median": round(statistics.median(cpu), 3), "rss_mb_median": statistics.median(rss),
        "python_start_s": round(statistics.median(bare), 3),
        "import_s": {module: import_seconds(module) for module in IMPORTS},
        "target": {"window_shown_s": TARGET_S, "met": median <= TARGET_S},
        "load_after": load_average()}


def table(result: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    rows = [("machine", f"{result['machine']['cores']} cores, {result['machine']['cpu']}"),
            ("load before / after", f"{result['load_before']} / {result['load_after']}"),
            ("window shown (median)", f"{result['window_shown_s_median']} s "
                                      f"(runs {result['window_shown_s_runs']}), target {TARGET_S} s: "
                                      f"{'met' if result['target']['met'] else 'MISSED'}"),
            ("CPU to window shown (median)", f"{result['cpu_s_median']} s"),
            ("RSS at window shown (median)", f"{result['rss_mb_median']} MB"),
            ("bare interpreter start", f"{result['python_start_s']} s")]
    rows += [(f"import {module}", f"{seconds} s") for module, seconds in result["import_s"].items()]
    return markdown_table(rows)


def main(argv: list[str] | None = None) -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    parser.add_argument("--table", action="store_true", help="print a Markdown table instead of JSON")
    args = parser.parse_args(argv)
    result = run(args.runs)
    print(table(result) if args.table else json.dumps(result))


if __name__ == "__main__":
    main()
