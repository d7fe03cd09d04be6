"""A simulator lab in its own process whose faults are switched through stdin (for the soak).

    python -m bench.soak_lab --hosts 50 --vms-per-host 8 --time-scale 0.05

Prints one JSON line per host (as ``python -m hvmanager.simulator`` does), then
``{"ready": true}``, then answers each JSON command read from stdin with one JSON line:

    {"op": "fault", "host": "HV03", "kind": "blackhole", "options": {}}
    {"op": "clear", "host": "HV03"}
    {"op": "restart", "host": "HV03"}

The simulator's command line has no fault switch over the wire; a pipe to the parent is
the smallest honest control channel and keeps the lab's CPU and memory out of the
client's figures. End of stdin (the parent died or closed it) stops the lab.
"""

from __future__ import annotations

import argparse
import json
import sys

from hvmanager.simulator.lab import Lab


def _apply(lab: Lab, command: dict) -> dict:
    op, host = command.get("op"), command.get("host", "")
    if op == "fault":
        lab.set_fault(host, command["kind"], **command.get("options", {}))
    elif op == "clear":
        lab.clear_faults(host)
    elif op == "ping":
        pass
    elif op == "restart":
        lab.restart_host(host)
    else:
        raise ValueError(f"unknown op {op!r}")
    return {"ok": True}


def main(argv: list[str] | None = None) -> int:
    """Serve the lab until stdin ends."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--vms-per-host", type=int, default=8)
    parser.add_argument("--time-scale", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with Lab(hosts=args.hosts, vms_per_host=args.vms_per_host, time_scale=args.time_scale,
             seed=args.seed) as lab:
        for host in lab.hosts:
            print(json.dumps(host.describe()), flush=True)
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                answer = _apply(lab, json.loads(line))
            except Exception as error:  # a bad command is reported, the lab keeps serving
                answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
