"""A simulator lab in its own process, for benchmarks that measure the client alone.

    with LabProcess(hosts=200, vms_per_host=40, latency_ms=50, dead=2) as lab:
        for host in lab.hosts: ...          # name, url, user, password (from its JSON lines)
        lab.dead_names                      # the blackholed ones

The lab runs ``python -m hvmanager.simulator`` so its CPU is not counted as the client's
(both share the machine's cores, though: see ``cpu_seconds``). The process is always
stopped on exit (SIGTERM, then SIGKILL), also when the block raises.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class LabHostInfo:
    """One simulated host as the lab printed it."""

    name: str
    url: str
    user: str
    password: str

    @property
    def address(self) -> str:
        """The host part of the URL."""
        return urlsplit(self.url).hostname or "127.0.0.1"

    @property
    def port(self) -> int:
        """The TCP port of the URL."""
        return urlsplit(self.url).port or 5985


class LabProcess:
    """Starts a lab of ``hosts`` hosts (the last ``dead`` blackholed) and reads its hosts."""

    def __init__(self, *, hosts: int, vms_per_host: int, latency_ms: int = 0, dead: int = 0,
                 seed: int = 1, time_scale: float = 1.0, start_timeout_s: float = 120.0) -> None:
        if dead > hosts:
            raise ValueError("more dead hosts than hosts")
        self.dead_names = tuple(f"HV{i + 1:02d}" for i in range(hosts - dead, hosts))
        self._args = [sys.executable, "-m", "hvmanager.simulator", "--hosts", str(hosts),
                      "--vms-per-host", str(vms_per_host), "--seed", str(seed)]
        if time_scale != 1.0:
            self._args += ["--time-scale", str(time_scale)]
        if latency_ms:
            self._args += ["--latency-ms", str(latency_ms)]
        for name in self.dead_names:
            self._args += ["--fault", f"{name}=blackhole"]
        self._start_timeout_s = start_timeout_s
        self._process: subprocess.Popen[str] | None = None
        self.hosts: tuple[LabHostInfo, ...] = ()
        self.start_s = 0.0

    def __enter__(self) -> "LabProcess":
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()

    @property
    def live_hosts(self) -> tuple[LabHostInfo, ...]:
        """Hosts that answer."""
        return tuple(h for h in self.hosts if h.name not in self.dead_names)

    @property
    def pid(self) -> int:
        """The lab's process id."""
        if self._process is None:
            raise RuntimeError("the lab is not running")
        return self._process.pid

    def start(self) -> None:
        """Start the process and wait for its ``{"ready": true}`` line."""
        began = time.monotonic()
        self._process = subprocess.Popen(self._args, cwd=REPO, stdout=subprocess.PIPE, text=True,
                                         env={**os.environ, "PYTHONUNBUFFERED": "1"})
        hosts = []
        try:
            assert self._process.stdout is not None
            while True:
                line = self._process.stdout.readline()
                if not line:
                    raise RuntimeError(f"the simulator ended before it was ready "
                                       f"(exit {self._process.poll()})")
                entry = json.loads(line)
                if entry.get("ready"):
                    break
                hosts.append(LabHostInfo(entry["name"], entry["url"], entry["user"], entry["password"]))
                if time.monotonic() - began > self._start_timeout_s:
                    raise RuntimeError("the simulator did not get ready in time")
        except BaseException:
            self.stop()
            raise
        self.hosts = tuple(hosts)
        self.start_s = time.monotonic() - began

    def cpu_seconds(self) -> float:
        """User+system CPU seconds the lab process used so far (from /proc)."""
        return process_cpu_seconds(self.pid)

    def stop(self) -> None:
        """Stop the process (bounded; never leaves it running)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        if process.stdout is not None:
            process.stdout.close()


def process_cpu_seconds(pid: int) -> float:
    """User+system CPU seconds of a running process (Linux ``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks
