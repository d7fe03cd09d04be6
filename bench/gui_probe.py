"""The real desktop app, offscreen, with a probe inside: run as its own process by the benchmarks.

    python -m bench.gui_probe fanout|refresh|actions HOSTS_JSON --expect-rows N [options]
    python -m bench.gui_probe startup -       (no servers: as a user starts it, until shown)

The app is built exactly as ``hvmanager --server URL ... --user U --password-env VAR``
builds it (``AppRunner``); the probe only watches (a 5 ms ``LoopTicker``, the bridge's
``vms_applied`` signal, a listener on core's fan-out) and, for ``actions``, selects rows
and triggers the Start action as a user would. Prints one JSON line: monotonic
timestamps (comparable with the parent's), this process's CPU seconds and RSS at the
moments that matter, and the figures of the mode. With ``HVBENCH_PROFILE=<directory>``
it also writes cProfile files of the Qt thread and of the worker threads
(``bench.thread_profiler``): from the app's start (``fanout``, ``actions``), in ``refresh``
mode only of the measured steady window.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PASSWORD_VARIABLE = "HVBENCH_PASSWORD"


def rss_mb() -> dict[str, float]:
    """Resident set size now and at its peak, in MB (``/proc/self/status``)."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, amount = line.split(":", 1)
            values["rss_mb" if key == "VmRSS" else "peak_rss_mb"] = round(int(amount.split()[0]) / 1024, 1)
    return values


class Probe:
    """Watches the app the runner builds; ends the run when its mode is done."""

    def __init__(self, runner: Any, args: argparse.Namespace) -> None:
        from bench.gc_watch import GcWatch
        from bench.loop_ticker import LoopTicker

        self.runner = runner
        self.args = args
        self.ticker = LoopTicker(5)
        self.gc_watch = GcWatch()
        self.turns: Any = None  # the TurnTimer main() installed
        self.result: dict[str, Any] = {"mode": args.mode}
        self.desktop: Any = None
        self._phase = "rows"
        self._refresh_logs: dict[str, int] = {}
        self._action_started = 0.0
        self._action_results: Any = None
        self.profiler: Any = None  # a ThreadProfiler when HVBENCH_PROFILE is set

    # -- listener on core's fan-out (called on the event loop's thread) --------------------

    def host_status_changed(self, server_key: str, status: Any) -> None:
        """Unused: statuses are read from the sessions."""

    def vms_changed(self, server_key: str, diff: Any) -> None:
        """Unused: the table is what counts (``vms_applied``)."""

    def command_logged(self, entry: Any) -> None:
        """Count refresh pipelines per host while the refresh window is open."""
        if self._phase == "steady" and entry.ok and entry.powershell.startswith("Get-VM |"):
            self._refresh_logs[entry.server_key] = self._refresh_logs.get(entry.server_key, 0) + 1

    # -- the run ------------------------------------------------------------------------------

    def begin(self) -> None:
        """Wait for the window, then start watching."""
        from PySide6.QtCore import QTimer

        desktop = self.runner.desktop
        if desktop is None or not desktop.window.isVisible():
            QTimer.singleShot(1, self.begin)
            return
        self.desktop = desktop
        self.result["window_shown_mono"] = time.monotonic()
        self.result["cpu_s_at_window_shown"] = time.process_time()
        if self.args.mode == "startup":
            self.result.update(rss_mb())
            self.runner.finish(0)
            return
        desktop.fanout.listeners = [*desktop.fanout.listeners, self]
        desktop.bridge.vms_applied.connect(self._rows_changed)
        self.ticker.start()
        self.gc_watch.start()
        self.turns.mark()
        QTimer.singleShot(int(self.args.rows_timeout_s * 1000), self._rows_timeout)

    def _rows_changed(self) -> None:
        rows = self.desktop.models.table.rowCount()
        if self._phase != "rows":
            if self._phase == "action":
                self._check_action_done()
            return
        if rows and "first_rows_mono" not in self.result:
            self.result["first_rows_mono"] = time.monotonic()
        if rows >= self.args.expect_rows:
            self.result["all_rows_mono"] = time.monotonic()
            self.result["cpu_s_at_all_rows"] = time.process_time()
            self.result["qt_thread_cpu_s_at_all_rows"] = round(time.thread_time(), 3)
            self.result["rows"] = rows
            self.result.update(rss_mb())
            self.result.update(self.ticker.figures())
            self.result.update(self.gc_watch.figures())
            self.result.update(self.turns.figures())
            self._phase = "after_rows"
            getattr(self, f"_after_rows_{self.args.mode}")()

    def _rows_timeout(self) -> None:
        if self._phase == "rows":
            self.result["error"] = (f"only {self.desktop.models.table.rowCount()} of "
                                    f"{self.args.expect_rows} rows after {self.args.rows_timeout_s} s")
            states: dict[str, int] = {}
            for session in self.desktop.inventory.sessions:
                status = session.status
                label = f"{status.state.value}: {status.message[:120]}"
                states[label] = states.get(label, 0) + 1
            self.result["host_states"] = states
            self.runner.finish(3)

    # -- fanout: rows in, then how the dead hosts end -----------------------------------------

    def _after_rows_fanout(self) -> None:
        self._dead_deadline = time.monotonic() + self.args.dead_wait_s
        self._watch_dead()

    def _watch_dead(self) -> None:
        from PySide6.QtCore import QTimer

        from hvmanager.core.host_state import HostState

        dead = [s for s in self.desktop.inventory.sessions if s.config.port in self.args.dead_ports]
        reported = [s for s in dead if s.status.state is HostState.ERROR]
        if len(reported) == len(dead) or time.monotonic() > self._dead_deadline:
            self.result["dead_hosts"] = {
                "count": len(dead), "reported": len(reported),
                "reported_mono": time.monotonic() if len(reported) == len(dead) and dead else None,
                "messages": sorted({s.status.message for s in reported})[:3]}
            self.runner.finish(0)
            return
        QTimer.singleShot(50, self._watch_dead)

    # -- refresh: every host every N s for a while ------------------------------------------------

    def _after_rows_refresh(self) -> None:
        from PySide6.QtCore import QTimer

        self.desktop.inventory.set_refresh_interval(self.args.refresh_interval_s)
        QTimer.singleShot(int(self.args.settle_s * 1000), self._refresh_window_opens)

    def _refresh_window_opens(self) -> None:
        from PySide6.QtCore import QTimer

        self._phase = "steady"
        self._steady = (time.monotonic(), time.process_time())
        self._steady_qt_cpu = time.thread_time()  # this is the Qt thread
        if self.profiler is not None:
            # The steady state only: the fan-out before it has its own benchmark. (Worker
            # threads started earlier are not profiled: the Qt thread is what counts here.)
            self.profiler.start()
        self.ticker.mark()
        self.gc_watch.mark()
        self.turns.mark()
        QTimer.singleShot(int(self.args.duration_s * 1000), self._refresh_window_closes)

    def _refresh_window_closes(self) -> None:
        began, cpu = self._steady
        elapsed = time.monotonic() - began
        refreshes = sum(self._refresh_logs.values())
        self._phase = "done"
        self.result["steady"] = {
            "seconds": round(elapsed, 2), "cpu_s": round(time.process_time() - cpu, 3),
            "qt_thread_cpu_s": round(time.thread_time() - self._steady_qt_cpu, 3),
            "cpu_percent_of_one_core": round((time.process_time() - cpu) / elapsed * 100, 1),
            "refreshes": refreshes, "hosts_refreshed": len(self._refresh_logs),
            **self.ticker.figures(), **self.gc_watch.figures(),
            **self.turns.figures(), **rss_mb()}
        self.runner.finish(0)

    # -- actions: Start on every row ----------------------------------------------------------------

    def _after_rows_actions(self) -> None:
        self._task = asyncio.ensure_future(self._prepare_actions_or_fail())

    async def _prepare_actions_or_fail(self) -> None:
        try:
            await self._prepare_actions()
        except Exception as error:  # end the run, say why
            self.result["error"] = f"{type(error).__name__}: {error}"
            self.runner.finish(3)

    async def _prepare_actions(self) -> None:
        from hvmanager.hyperv.vm_action import VmAction

        sessions = self.desktop.inventory.sessions
        # Every VM off first (not measured), so Start applies to all of them.
        await asyncio.gather(*(s.run_action(VmAction.TURN_OFF, list(s.vms)) for s in sessions))
        await asyncio.gather(*(s.refresh() for s in sessions))
        await self._until(lambda: self._count_state("Off") >= self.args.expect_rows, 30)
        window = self.desktop.window
        window.vm_table.selectAll()
        action = window.registry.vm(VmAction.START)
        await self._until(action.isEnabled, 10)
        window.bulk.finished.connect(self._action_finished)
        self._phase = "action"
        self.ticker.mark()
        self._action_started = time.monotonic()
        self._action_cpu = time.process_time()
        action.trigger()

    async def _until(self, condition: Any, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the actions benchmark did not reach its starting point")
            await asyncio.sleep(0.01)

    def _count_state(self, state_name: str) -> int:
        table = self.desktop.models.table
        return sum(1 for row in range(table.rowCount()) if table.vm_at(row).state.value == state_name)

    def _action_finished(self, results: Any) -> None:
        self._action_results = results
        self.result["results_back_s"] = round(time.monotonic() - self._action_started, 3)
        self._check_action_done()

    def _check_action_done(self) -> None:
        if self._action_results is None or self._phase != "action":
            return
        running = self._count_state("Running")
        if running < self.args.expect_rows:
            return
        self._phase = "done"
        ok = sum(1 for r in self._action_results if r.ok)
        self.result["action"] = {"vms": len(self._action_results), "ok": ok,
                                 "done_and_shown_s": round(time.monotonic() - self._action_started, 3),
                                 "results_back_s": self.result.pop("results_back_s"),
                                 "cpu_s": round(time.process_time() - self._action_cpu, 3),
                                 **self.ticker.figures()}
        self.runner.finish(0)


def main(argv: list[str] | None = None) -> int:
    """Build the app as ``hvmanager --server ...`` does, probe it, print the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("fanout", "refresh", "actions", "startup"))
    parser.add_argument("hosts_json")
    parser.add_argument("--expect-rows", type=int, default=0)
    parser.add_argument("--dead", default="", help="comma-separated names of blackholed hosts")
    parser.add_argument("--dead-wait-s", type=float, default=40.0)
    parser.add_argument("--rows-timeout-s", type=float, default=120.0)
    parser.add_argument("--refresh-interval-s", type=float, default=2.0)
    parser.add_argument("--settle-s", type=float, default=4.0)
    parser.add_argument("--duration-s", type=float, default=30.0)
    parser.add_argument("--switch-interval-ms", type=float, default=0.0,
                        help="experiment: sys.setswitchinterval for this process (0 = Python's default)")
    args = parser.parse_args(argv)
    if args.switch_interval_ms:
        sys.setswitchinterval(args.switch_interval_ms / 1000)
    hosts = json.loads(Path(args.hosts_json).read_text()) if args.hosts_json != "-" else []
    # Every lab host has the address 127.0.0.1: the dead ones are known by their ports.
    dead_names = {name.strip().upper() for name in args.dead.split(",") if name.strip()}
    args.dead_ports = {urlsplit(h["url"]).port for h in hosts if h["name"].upper() in dead_names}
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ[PASSWORD_VARIABLE] = hosts[0]["password"] if hosts else ""

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hvmanager.app.app_runner import AppRunner
    from bench.thread_profiler import ThreadProfiler
    from bench.turn_timer import TurnTimer
    from hvmanager.app.arguments import Arguments
    from hvmanager.app.batched_event_loop import BatchedEventLoop
    from hvmanager.app.qt_thread_garbage_collector import QtThreadGarbageCollector
    from hvmanager.models.inventory_bridge import InventoryBridge
    from hvmanager.models.vm_filter_proxy_model import VmFilterProxyModel
    from hvmanager.ui.main_window import MainWindow

    turns = TurnTimer()
    if args.mode != "startup":
        # Before the app is built: Qt connects the bound methods its objects create.
        turns.install((InventoryBridge, "flush"), (QtThreadGarbageCollector, "check"),
                      (VmFilterProxyModel, "_warm_up_step"), (MainWindow, "_selection_changed"))

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hvmanager")
    loop = BatchedEventLoop(app)  # the app's own loop, as hvmanager.app.main makes it
    asyncio.set_event_loop(loop)
    arguments = Arguments(servers=tuple(h["url"] for h in hosts), user=hosts[0]["user"],
                          password_env=PASSWORD_VARIABLE) if hosts else Arguments()
    runner = AppRunner(app, loop, arguments)
    probe = Probe(runner, args)
    probe.turns = turns
    probe.profiler = ThreadProfiler.from_environment(args.mode)
    if probe.profiler is not None and args.mode in ("fanout", "actions"):
        # From the start: the network thread may start with the first connects, before the
        # probe sees the window shown.
        probe.profiler.start()
    QTimer.singleShot(0, probe.begin)
    try:
        code = runner.run()
    finally:
        loop.close()
    probe.result["exit_code"] = code
    if probe.profiler is not None:
        probe.result["profiles"] = probe.profiler.stop()
    probe.result["cpu_s_total"] = time.process_time()
    print(json.dumps(probe.result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
