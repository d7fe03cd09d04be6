"""``python -m hvmanager.simulator``: start a lab and print one JSON line per host, then ``{"ready": true}``."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import signal
import sys
import threading
from typing import Callable, TextIO

from hvmanager.simulator.engine_backends import EngineBackends
from hvmanager.simulator.host_backend import BackendFactory
from hvmanager.simulator.host_spec import DEMO_SPECS, HostSpec
from hvmanager.simulator.lab import Lab
from hvmanager.simulator.stdio.stdio_server import StdioServer
from hvmanager.simulator.wsman import fault_plan as fp


def build_parser() -> argparse.ArgumentParser:
    """The command line (a contract: other tools and the demo rely on it)."""
    parser = argparse.ArgumentParser(
        prog="python -m hvmanager.simulator",
        description="Simulated Hyper-V hosts that speak real WinRM (WS-Man + PSRP) on loopback.",
    )
    parser.add_argument("--hosts", type=int, default=1, help="number of hosts (HV01, HV02, ...)")
    parser.add_argument("--vms-per-host", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1, help="same seed, same VMs")
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=0, help="first port (hosts take P, P+1, ...); 0 = free ports")
    parser.add_argument("--https", action="store_true", help="HTTPS with a generated CA (its file is printed)")
    parser.add_argument("--user", default="alice")
    parser.add_argument("--password", default=None, help="generated when omitted")
    parser.add_argument("--locale", default="en-US", help="e.g. de-DE for a German host")
    parser.add_argument("--latency-ms", type=int, default=0, help="added to every answer")
    parser.add_argument("--fault", action="append", default=[], metavar="HOST=KIND",
                        help=f"inject a fault from the start, KIND[:VALUE] (latency:200 ms, slow_cmdlets:1.5 s, "
                             f"reset:2 times); kinds: {', '.join(fp.ALL_FAULTS)}")
    parser.add_argument("--time-scale", type=float, default=1.0, help="speed of VM state transitions")
    parser.add_argument("--demo", action="store_true",
                        help="three hosts: English, German and legacy (Generation 1, checkpoints)")
    parser.add_argument("--stdio", action="store_true",
                        help="serve one host over stdin/stdout like 'powershell.exe -s'")
    parser.add_argument("--verbose", action="store_true", help="log to stderr")
    return parser


def lab_from_args(args: argparse.Namespace, backend: BackendFactory | None = None) -> Lab:
    """The Lab the arguments describe."""
    specs = list(DEMO_SPECS) if args.demo else None
    if args.password is not None and not args.password:
        raise SystemExit("--password must not be empty")
    return Lab(
        specs,
        hosts=args.hosts,
        vms_per_host=args.vms_per_host,
        seed=args.seed,
        transport="https" if args.https else "http",
        user=args.user,
        password=args.password,
        bind=args.bind,
        port=args.port,
        locale=args.locale,
        latency_ms=args.latency_ms,
        faults=args.fault,
        time_scale=args.time_scale,
        backend=backend,
    )


def serve_lab(lab: Lab, out: TextIO, stop: threading.Event,
              on_started: Callable[[], None] | None = None) -> None:
    """Start ``lab``, print its hosts and the ready line, serve until ``stop`` is set.

    ``on_started`` runs once the hosts are up, before the ready line.
    """
    with lab:
        if on_started is not None:
            on_started()
        for host in lab.hosts:
            out.write(json.dumps(host.describe()) + "\n")
        out.write(json.dumps({"ready": True}) + "\n")
        out.flush()
        while not stop.wait(0.5):
            pass


def serve_stdio(args: argparse.Namespace, backend: BackendFactory | None = None) -> None:
    """One host over stdin/stdout; stdout carries only OutOfProc packets."""
    spec = HostSpec("HV01", vm_count=args.vms_per_host, locale=args.locale)
    host = (backend or EngineBackends())(spec, args.seed, args.time_scale)
    StdioServer(host.runner, sys.stdin.buffer, sys.stdout.buffer).serve()


def main(argv: list[str] | None = None, backend: BackendFactory | None = None) -> int:
    """Entry point; returns the exit code (0 after SIGINT/SIGTERM)."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr)
    if args.stdio:
        try:
            serve_stdio(args, backend)
        except KeyboardInterrupt:
            pass  # Ctrl+C in a terminal: end like the pool was closed
        return 0
    stop = threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        lab = lab_from_args(args, backend)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        # The hosts' data (every VM, disk, adapter...) lives as long as the process: frozen out
        # of the garbage collector's reach, a full collection no longer walks it (the lab's
        # own objects of a request or a pipeline are collected as before).
        serve_lab(lab, sys.stdout, stop, on_started=gc.freeze)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
