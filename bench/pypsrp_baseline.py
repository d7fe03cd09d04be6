"""The plain pypsrp scripts hvmanager is measured against (run as their own process).

    python -m bench.pypsrp_baseline sequential|threaded HOSTS_JSON [--threads N] [--timeout S]

``HOSTS_JSON`` is a file with ``[{"name", "url", "user", "password"}, ...]``.

* ``sequential``: what the pypsrp README shows, one host after another: open a runspace
  pool, ``Get-VM`` (full objects), close.
* ``threaded``: the best plain script a competent user would write: a thread pool, one
  pool per host, ``Get-VM | Select-Object`` with the columns the app shows by default.

Prints one JSON line: per-host seconds since this process's start (``done``), VM counts,
failures, and the CPU seconds of this process when the last reachable host had answered.
Nothing here uses hvmanager's code: it is the script a user would write instead.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from pypsrp.powershell import PowerShell, RunspacePool
from pypsrp.wsman import WSMan

#: The app's default columns (models.ColumnRegistry default keys) as Get-VM properties, plus Id.
DEFAULT_PROPERTIES = ["Id", "Name", "State", "CPUUsage", "MemoryAssigned", "Uptime", "Status",
                      "Version", "Generation"]


def query(host: dict[str, str], selected: bool, timeout_s: float) -> int:
    """Open a pool on ``host``, run Get-VM (optionally selected), close; the object count."""
    url = urlsplit(host["url"])
    wsman = WSMan(url.hostname, port=url.port, username=host["user"], password=host["password"],
                  ssl=False, auth="ntlm", encryption="auto", cert_validation=False,
                  connection_timeout=timeout_s, read_timeout=timeout_s, operation_timeout=max(1, int(timeout_s) - 1),
                  no_proxy=True)
    with RunspacePool(wsman) as pool:
        shell = PowerShell(pool)
        shell.add_cmdlet("Get-VM")
        if selected:
            shell.add_cmdlet("Select-Object").add_parameter("Property", DEFAULT_PROPERTIES)
        output = shell.invoke()
        if shell.had_errors:
            raise RuntimeError(str(shell.streams.error[:1]))
        return len(output)


def main(argv: list[str] | None = None) -> int:
    """Run one baseline and print its JSON line."""
    began, cpu_at_start = time.monotonic(), time.process_time()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("sequential", "threaded"))
    parser.add_argument("hosts_json")
    parser.add_argument("--threads", type=int, default=64)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--reachable", type=int, default=-1,
                        help="how many hosts (the first ones) answer; CPU is sampled when they did")
    args = parser.parse_args(argv)
    with open(args.hosts_json, encoding="utf-8") as file:
        hosts = json.load(file)
    reachable = len(hosts) if args.reachable < 0 else args.reachable
    results: dict[str, dict[str, Any]] = {}
    cpu_at: list[float] = []

    def one(host: dict[str, str]) -> None:
        try:
            count = query(host, args.mode == "threaded", args.timeout)
            results[host["name"]] = {"vms": count, "done_s": time.monotonic() - began}
        except Exception as error:  # a baseline reports failures, it does not stop
            results[host["name"]] = {"error": f"{type(error).__name__}: {error}"[:200],
                                     "done_s": time.monotonic() - began}
        if sum(1 for name in results if name in reachable_names) == reachable and not cpu_at:
            cpu_at.append(time.process_time())

    reachable_names = {h["name"] for h in hosts[:reachable]}
    if args.mode == "sequential":
        for host in hosts:
            one(host)
    else:
        with ThreadPoolExecutor(max_workers=args.threads) as executor:
            list(executor.map(one, hosts))
    json.dump({"began_mono": began, "hosts": results, "cpu_s_at_reachable_done": cpu_at[0] if cpu_at else None,
               "cpu_s_at_start": cpu_at_start,
               "cpu_s_total": time.process_time()}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
