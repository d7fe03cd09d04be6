"""Simulator hosts in network namespaces of their own, joined by a bridge, reached by IP.

Topology (names unique per run): a bridge ``hvb-<id>`` in the test's namespace with
10.213.<net>.1/24; per host a namespace ``hvns-<id>-<n>`` holding one end of a veth pair
(10.213.<net>.<10+n>/24) and a simulator process bound to that address on the WinRM
ports; the other end is a port of the bridge. The addresses exist only on these links:
no packet goes anywhere else. ``close`` kills every process and deletes every namespace,
veth and the bridge, whatever happened before.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import select
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
USER = "alice"
_READY_S = 20.0


def unavailable_reason() -> str:
    """Why LAN tests cannot run here ("" when they can)."""
    if sys.platform != "linux":
        return "LAN tests need Linux network namespaces"
    if os.geteuid() != 0:
        return "LAN tests need root to create network namespaces (ip netns)"
    if shutil.which("ip") is None:
        return "LAN tests need the ip command (iproute2)"
    probe = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"ip netns does not work here: {probe.stderr.strip()}"
    return ""


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["ip", *args], capture_output=True, text=True, timeout=10)
    if check and result.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {result.stderr.strip()}")
    return result


@dataclass
class LanHost:
    """One simulated host in its namespace."""

    name: str
    number: int
    namespace: str
    link: str  # the bridge-side end of its veth pair
    address: str
    https: bool = False
    password: str = ""
    latency_ms: int = 0
    ca_file: str | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def port(self) -> int:
        return 5986 if self.https else 5985


class LanLab:
    """Creates the network and the hosts; a context manager that always cleans up."""

    def __init__(self, specs: list[dict]) -> None:
        self.run_id = secrets.token_hex(3)
        self.net = self._free_subnet()
        self.bridge = f"hvb-{self.run_id}"
        self.password = f"Lan{secrets.token_hex(6)}"
        self.hosts = [
            LanHost(name=spec["name"], number=n, namespace=f"hvns-{self.run_id}-{n}",
                    link=f"hvv-{self.run_id}-{n}", address=f"10.213.{self.net}.{10 + n}",
                    https=spec.get("https", False), latency_ms=spec.get("latency_ms", 0),
                    password=spec.get("password", self.password))
            for n, spec in enumerate(specs, start=1)]

    @staticmethod
    def _free_subnet() -> int:
        used = _ip("-4", "addr").stdout
        for _ in range(50):
            net = random.randint(1, 254)
            if f"10.213.{net}." not in used:
                return net
        raise RuntimeError("no free 10.213.x.0/24 subnet")

    def __enter__(self) -> "LanLab":
        try:
            self._build_network()
            for host in self.hosts:
                self._spawn(host)
            for host in self.hosts:
                self._wait_ready(host)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _build_network(self) -> None:
        _ip("link", "add", self.bridge, "type", "bridge")
        _ip("addr", "add", f"10.213.{self.net}.1/24", "dev", self.bridge)
        _ip("link", "set", self.bridge, "up")
        for host in self.hosts:
            inner = f"hvi-{self.run_id}-{host.number}"
            _ip("netns", "add", host.namespace)
            _ip("link", "add", host.link, "type", "veth", "peer", "name", inner)
            _ip("link", "set", inner, "netns", host.namespace)
            _ip("link", "set", host.link, "master", self.bridge)
            _ip("link", "set", host.link, "up")
            _ip("-n", host.namespace, "addr", "add", f"{host.address}/24", "dev", inner)
            _ip("-n", host.namespace, "link", "set", inner, "up")
            _ip("-n", host.namespace, "link", "set", "lo", "up")

    def _spawn(self, host: LanHost) -> None:
        command = ["ip", "netns", "exec", host.namespace, sys.executable, "-m", "hvmanager.simulator",
                   "--bind", host.address, "--port", str(host.port), "--vms-per-host", "3",
                   "--seed", str(host.number), "--time-scale", "0.01", "--user", USER,
                   "--password", host.password]
        if host.https:
            command.append("--https")
        if host.latency_ms:
            command += ["--latency-ms", str(host.latency_ms)]
        host.process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, start_new_session=True)

    def _wait_ready(self, host: LanHost) -> None:
        assert host.process is not None and host.process.stdout is not None
        deadline = time.monotonic() + _READY_S
        descriptor = host.process.stdout.fileno()
        pending = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([descriptor], [], [], 0.2)
            if not ready:
                if host.process.poll() is not None:
                    raise RuntimeError(f"the simulator in {host.namespace} ended ({host.process.returncode})")
                continue
            pending += os.read(descriptor, 65536)  # unbuffered: select sees every line
            *lines, pending = pending.split(b"\n")
            for line in (json.loads(text) for text in lines if text.strip()):
                if "url" in line:
                    host.ca_file = line.get("ca_file")
                if line.get("ready"):
                    return
        raise RuntimeError(f"the simulator in {host.namespace} was not ready within {_READY_S} s")

    # --- what tests do to the network -------------------------------------------------

    def cut(self, host: LanHost) -> None:
        """Pull the host's cable: its link on the bridge goes down."""
        _ip("link", "set", host.link, "down")

    def restore(self, host: LanHost) -> None:
        """Plug it back in."""
        _ip("link", "set", host.link, "up")

    def restart(self, host: LanHost) -> None:
        """Reboot the host: a new process on the same address and port (HTTPS: a new CA)."""
        self._stop(host)
        self._spawn(host)
        self._wait_ready(host)

    def _stop(self, host: LanHost) -> None:
        process, host.process = host.process, None
        if process is None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(5)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(5)
        if process.stdout is not None:
            process.stdout.close()

    def close(self) -> None:
        """Kill every process, delete every namespace (their veths go with them) and the bridge."""
        for host in self.hosts:
            try:
                self._stop(host)
            except Exception:  # keep cleaning up the rest
                pass
        for host in self.hosts:
            _ip("netns", "del", host.namespace, check=False)
            _ip("link", "del", host.link, check=False)
        _ip("link", "del", self.bridge, check=False)
        deadline = time.monotonic() + 3.0  # the kernel removes veth pairs asynchronously
        while self.leftovers() and time.monotonic() < deadline:
            time.sleep(0.05)

    def leftovers(self) -> list[str]:
        """Namespaces or links of this run still present (after ``close``: none)."""
        names = _ip("netns", "list").stdout + _ip("link").stdout
        return [word for word in names.split() if self.run_id in word]
