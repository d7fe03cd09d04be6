"""Soak: the app's core and Qt models against 50 simulated hosts for minutes, with faults.

    timeout 900 .venv/bin/python -m bench.soak [--minutes 10] [--hosts 50] [--vms 8]
            [--time-scale 0.05] [--refresh-s 2] [--json FILE]

Not part of the test suite (it runs for minutes). The lab runs in its own process
(``bench.soak_lab``), faults switched through its stdin, so the figures below are the
client's alone. The client is the real stack the window uses: ``Inventory`` ->
``InventoryBridge`` -> the server tree, VM table, filter proxy and log models, on a qasync
loop in an offscreen ``QApplication``, cyclic GC on the Qt thread as the app does.

While it runs: every few seconds a random host gets a random fault (blackhole, refused,
reset, HTTP 500, malformed XML, slow cmdlets, latency, wrong property types, deep XML, a
DTD, vmms stopped through the client, a host restart) for 3–25 s, at most a few at once;
about once a second a random action allowed by the VMs' states runs on 1–3 random VMs of a
usable host. At the end every fault is cleared and every host must come back.

Reported: refreshes done (successful ones, counted in core's listener), pipelines run,
faults injected and survived (the host came back to Connected with a fresh refresh
after the fault ended), actions and their outcomes, errors shown (host statuses that
entered an error, failed action results), RSS and threads at start, after the warm-up,
half-way and at the end, and every exception that escaped (asyncio's handler,
``sys.excepthook``, ``threading.excepthook``). Exit 1 when an exception escaped, a host did
not recover, threads grew, or RSS grew more than the noise allowance over the second half.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
# (kind, options) of the lab's faults the soak switches; "vmms" and "restart" are special.
FAULTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("blackhole", {}), ("refused", {}), ("reset", {}), ("http500", {}), ("malformed_xml", {}),
    ("slow_cmdlets", {"delay_s": 4.0}), ("latency", {"latency_ms": 400}), ("wrong_types", {}),
    ("deep_xml", {}), ("entity_xml", {}), ("vmms", {}), ("restart", {}))
RSS_NOISE_MB = 15.0


def rss_mb() -> float:
    """Resident set size of this process now."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def os_threads() -> int:
    """Threads of this process as the kernel counts them (Qt's and Python's)."""
    return len(os.listdir("/proc/self/task"))


def os_thread_names() -> dict[str, int]:
    """How many threads of each kernel name (comm, 15 characters) this process has."""
    names: Counter[str] = Counter()
    for task in os.listdir("/proc/self/task"):
        try:
            names[Path(f"/proc/self/task/{task}/comm").read_text().strip()] += 1
        except OSError:
            pass  # ended meanwhile
    return dict(names)


class LabChild:
    """The lab process: host list, and fault commands over its stdin (one answer each)."""

    def __init__(self, hosts: int, vms: int, time_scale: float) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench.soak_lab", "--hosts", str(hosts), "--vms-per-host",
             str(vms), "--time-scale", str(time_scale)],
            cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.hosts: list[dict[str, Any]] = []
        for line in self._process.stdout:
            entry = json.loads(line)
            if entry.get("ready"):
                break
            self.hosts.append(entry)
        if len(self.hosts) != hosts:
            self.stop()
            raise RuntimeError("the lab did not start")
        self._lock = threading.Lock()

    def command(self, **command: Any) -> dict[str, Any]:
        """Send one command, read its answer (blocking: call from an executor)."""
        with self._lock:
            self._process.stdin.write(json.dumps(command) + "\n")
            self._process.stdin.flush()
            return json.loads(self._process.stdout.readline())

    def stop(self) -> None:
        """Close stdin (the lab stops), then make sure it is gone."""
        try:
            self._process.stdin.close()
            self._process.wait(15)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait(5)


class CountingListener:
    """Core's listener: counts, then forwards to the bridge (the models)."""

    def __init__(self, forward: Any) -> None:
        self._forward = forward
        self.refreshes = 0
        self.pipelines = 0
        self.errors_entered: Counter[str] = Counter()
        self.statuses: dict[str, Any] = {}

    def host_status_changed(self, key: str, status: Any) -> None:
        previous = self.statuses.get(key)
        if status.last_refresh is not None and (previous is None
                                                or previous.last_refresh != status.last_refresh):
            self.refreshes += 1
        if status.has_error and not (previous is not None and previous.has_error):
            self.errors_entered[status.error_kind or status.state.value] += 1
        self.statuses[key] = status
        self._forward.host_status_changed(key, status)

    def vms_changed(self, key: str, diff: Any) -> None:
        self._forward.vms_changed(key, diff)

    def command_logged(self, entry: Any) -> None:
        self.pipelines += 1
        self._forward.command_logged(entry)


class Soak:
    """One run; ``report`` holds the figures."""

    def __init__(self, args: argparse.Namespace, lab: LabChild) -> None:
        from hvmanager.app.desktop_app import build_models
        from hvmanager.core.inventory import Inventory
        from hvmanager.domain.auth_method import AuthMethod
        from hvmanager.domain.server_config import ServerConfig
        from hvmanager.models.column_registry import ColumnRegistry

        self.args, self.lab = args, lab
        self.random = random.Random(args.seed)
        self.models, self.bridge = build_models(ColumnRegistry.standard())
        self.listener = CountingListener(self.bridge.listener)
        self.inventory = Inventory(self.listener, refresh_interval_s=args.refresh_s,
                                   call_timeout_s=5.0, retry_initial_s=1.0, retry_max_s=8.0)
        self.configs = {}
        for host in lab.hosts:
            port = int(host["url"].rsplit(":", 1)[1].split("/")[0])
            config = ServerConfig("127.0.0.1", port=port, auth=AuthMethod.NTLM,
                                  user_name=host["user"], display_name=host["name"])
            self.configs[host["name"]] = (config, host["password"])
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="soak-lab-control")
        self.faulted: dict[str, str] = {}
        self.tasks: set[asyncio.Task] = set()
        self.escaped: list[str] = []
        self.report: dict[str, Any] = {"faults": Counter(), "survived": Counter(),
                                       "not_recovered": [], "actions": Counter(),
                                       "action_failures": Counter(), "samples": {}}

    # --- figures ---------------------------------------------------------------------

    def sample(self, label: str) -> None:
        gc.collect()
        if self.args.trace_memory:
            self._trace(label)
        self.report["samples"][label] = {
            "t_s": round(time.monotonic() - self.began, 1), "rss_mb": round(rss_mb(), 1),
            "threads_py": threading.active_count(), "threads_os": os_threads(),
            "thread_names": os_thread_names(),
            "tasks": len([t for t in asyncio.all_tasks() if not t.done()]),
            "table_rows": self.models.table.rowCount(), "log_rows": self.models.log.rowCount()}
        print(f"[{label}] {self.report['samples'][label]}", flush=True)

    def _trace(self, label: str) -> None:
        # Diagnosis (--trace-memory): Python allocations that grew since the last sample.
        import tracemalloc
        if not tracemalloc.is_tracing():
            tracemalloc.start(8)
        snapshot = tracemalloc.take_snapshot()
        previous = getattr(self, "_snapshot", None)
        self._snapshot = snapshot
        if previous is None:
            return
        traced = tracemalloc.get_traced_memory()[0] / 2 ** 20
        print(f"[{label}] traced {traced:.1f} MiB; grew most since the last sample:", flush=True)
        for stat in snapshot.compare_to(previous, "traceback")[:6]:
            print(f"  {stat.size_diff / 1024:+.0f} KiB {stat.count_diff:+d} blocks", flush=True)
            for line in stat.traceback.format()[-8:]:
                print("    " + line, flush=True)

    def connected(self) -> int:
        from hvmanager.core.host_state import HostState
        return sum(1 for s in self.inventory.sessions
                   if s.status.state in (HostState.CONNECTED, HostState.REFRESHING)
                   and not s.status.error_kind and s.status.last_refresh is not None)

    # --- the run ---------------------------------------------------------------------

    async def run(self) -> None:
        self.began = time.monotonic()
        await self._lab(op="ping")  # starts the control thread before the first sample
        self.sample("start")
        for name, (config, password) in self.configs.items():
            self.bridge.add_server(config.key, name)
            self.inventory.add(config, password)
        await self._until(lambda: self.connected() == len(self.configs), 120)
        self.sample("warmed_up")
        end = self.began + self.args.minutes * 60
        half = (time.monotonic() + end) / 2
        half_done = False
        next_fault = time.monotonic()
        while time.monotonic() < end:
            now = time.monotonic()
            if not half_done and now >= half:
                self.sample("half")
                half_done = True
            if now >= next_fault:
                if len(self.faulted) < self.args.max_faults:
                    self._spawn(self._fault_episode())
                next_fault = now + self.random.uniform(1.0, 2.0 * self.args.fault_every_s)
            self._spawn(self._action())
            await asyncio.sleep(self.random.uniform(0.5, 1.5))
        await self._drain(60)
        recovered = await self._until(lambda: self.connected() == len(self.configs), 90)
        if not recovered:
            self.report["not_recovered"] += [s.title for s in self.inventory.sessions
                                             if s.status.error_kind or not s.status.state.is_usable]
        self.sample("end")
        await self.inventory.shutdown(10.0)
        self.sample("after_shutdown")

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.ensure_future(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            self.escaped.append("".join(traceback.format_exception(error)))

    async def _drain(self, timeout_s: float) -> None:
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=timeout_s)

    async def _until(self, condition: Any, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.2)
        return True

    async def _lab(self, **command: Any) -> None:
        answer = await asyncio.get_running_loop().run_in_executor(
            self.executor, lambda: self.lab.command(**command))
        if not answer.get("ok"):
            raise RuntimeError(f"lab refused {command}: {answer}")

    async def _fault_episode(self) -> None:
        free = [n for n in self.configs if n not in self.faulted]
        name = self.random.choice(free)
        kind, options = self.random.choice(FAULTS)
        self.faulted[name] = kind
        session = self.inventory.session(self.configs[name][0].key)
        try:
            if kind == "restart":
                await self._lab(op="restart", host=name)
            elif kind == "vmms":
                if not session.status.state.is_usable:
                    return
                await self._control(session, "stop")
            else:
                await self._lab(op="fault", host=name, kind=kind, options=options)
            self.report["faults"][kind] += 1
            await asyncio.sleep(self.random.uniform(3.0, 25.0))
        finally:
            if kind == "vmms":
                await self._until(lambda: session.status.state.value != "refreshing", 15)
                await self._control(session, "start")
            elif kind != "restart":
                await self._lab(op="clear", host=name)
            cleared = time.monotonic()
            del self.faulted[name]
        if await self._until(lambda: self._fresh_since(session, cleared), 60):
            self.report["survived"][kind] += 1
        else:
            self.report["not_recovered"].append(f"{name} after {kind}: {session.status}")

    async def _control(self, session: Any, control: str) -> None:
        from hvmanager.remoting.errors import RemotingError
        try:
            await session.control_service("vmms", control)
        except RemotingError as error:
            self.report["action_failures"][f"vmms {control}: {error.kind}"] += 1

    def _fresh_since(self, session: Any, moment: float) -> bool:
        status = session.status
        if status.error_kind or not status.state.is_usable or status.last_refresh is None:
            return False
        age = time.time() - status.last_refresh.timestamp()
        return time.monotonic() - age > moment

    async def _action(self) -> None:
        from hvmanager.hyperv.vm_action import VmAction, allowed_actions
        sessions = [s for s in self.inventory.sessions if s.status.state.is_usable and s.vms]
        if not sessions:
            return
        session = self.random.choice(sessions)
        vms = self.random.sample(list(session.vms.values()), min(len(session.vms),
                                                                 self.random.randint(1, 3)))
        common = set(allowed_actions(vms[0].state))
        for vm in vms[1:]:
            common &= set(allowed_actions(vm.state))
        common -= {VmAction.DELETE, VmAction.RENAME}
        if not common:
            return
        action = self.random.choice(sorted(common, key=lambda a: a.key))
        results = await session.run_action(action, [vm.vm_id for vm in vms])
        for result in results:
            self.report["actions"][action.key] += 1
            if not result.ok:
                self.report["action_failures"][result.error_kind or "unknown"] += 1


def main(argv: list[str] | None = None) -> int:
    """Run the soak; print the figures as JSON; exit 1 when a check failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--vms", type=int, default=8)
    parser.add_argument("--time-scale", type=float, default=0.05)
    parser.add_argument("--refresh-s", type=float, default=2.0)
    parser.add_argument("--fault-every-s", type=float, default=4.0)
    parser.add_argument("--max-faults", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--trace-memory", action="store_true",
                        help="diagnosis: print the Python allocations that grew between samples")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from hvmanager.app.batched_event_loop import BatchedEventLoop
    from PySide6.QtWidgets import QApplication

    from hvmanager.app.qt_thread_garbage_collector import QtThreadGarbageCollector

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = BatchedEventLoop(app)  # the loop the app runs on
    asyncio.set_event_loop(loop)
    collector = QtThreadGarbageCollector()
    collector.start()
    escaped: list[str] = []
    loop.set_exception_handler(lambda _loop, context: escaped.append(
        f"asyncio: {context.get('message')} {context.get('exception')!r}"))
    sys.excepthook = lambda kind, error, tb: escaped.append(
        "excepthook: " + "".join(traceback.format_exception(kind, error, tb)))
    threading.excepthook = lambda hook: escaped.append(
        f"thread {hook.thread.name if hook.thread else '?'}: {hook.exc_value!r}")

    lab = LabChild(args.hosts, args.vms, args.time_scale)
    try:
        soak = Soak(args, lab)
        with loop:
            loop.run_until_complete(soak.run())
    finally:
        lab.stop()
    soak.executor.shutdown(wait=True)
    collector.stop()
    report = soak.report
    samples = report["samples"]
    escaped += soak.escaped
    figures = {
        "minutes": args.minutes, "hosts": args.hosts, "vms_per_host": args.vms,
        "refresh_interval_s": args.refresh_s, "time_scale": args.time_scale,
        "refreshes_done": soak.listener.refreshes, "pipelines_run": soak.listener.pipelines,
        "faults_injected": dict(report["faults"]), "faults_survived": dict(report["survived"]),
        "faults_injected_total": sum(report["faults"].values()),
        "faults_survived_total": sum(report["survived"].values()),
        "not_recovered": report["not_recovered"],
        "actions_done": dict(report["actions"]), "actions_total": sum(report["actions"].values()),
        "action_failures": dict(report["action_failures"]),
        "host_errors_shown": dict(soak.listener.errors_entered),
        "host_errors_shown_total": sum(soak.listener.errors_entered.values()),
        "exceptions_escaped": escaped, "samples": samples}
    growth = samples["end"]["rss_mb"] - samples["half"]["rss_mb"]
    checks = {
        "no_exception_escaped": not escaped,
        "every_host_recovered": not report["not_recovered"],
        "threads_back_to_start": samples["after_shutdown"]["threads_py"] <= samples["start"]["threads_py"] + 1
        and samples["end"]["threads_py"] <= samples["warmed_up"]["threads_py"],
        f"rss_growth_second_half_under_{RSS_NOISE_MB:g}_mb": growth <= RSS_NOISE_MB}
    figures["checks"] = checks
    text = json.dumps(figures, indent=2, default=str)
    print(text, flush=True)
    if args.json:
        args.json.write_text(text + "\n")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
