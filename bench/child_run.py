"""Run one contestant as a child process: wall time from spawn, its CPU (rusage), its JSON line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.lab_process import REPO


@dataclass
class ChildRun:
    """What one child process did: when it was spawned (monotonic), how long it ran, the
    CPU seconds it used (user+system, from ``wait4``), its peak RSS, output and exit code."""

    spawned_mono: float
    seconds: float
    cpu_s: float
    max_rss_mb: float
    exit_code: int
    stdout: str
    stderr: str
    json: dict[str, Any] = field(default_factory=dict)


def isolated_environment(directory: Path) -> dict[str, str]:
    """The environment for app children: settings and keyring kept out of the user's."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(directory),
            "HVMANAGER_CONFIG_DIR": str(directory / "hvmanager"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "PYTHONPATH": str(REPO)}


def run_child(arguments: list[str], *, timeout_s: float = 600.0,
              environment: dict[str, str] | None = None, parse_json: bool = True) -> ChildRun:
    """Run ``python <arguments>`` from the repo root and wait for it (killed after ``timeout_s``)."""
    with tempfile.TemporaryDirectory(prefix="hvbench-") as directory, \
            tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        env = environment if environment is not None else isolated_environment(Path(directory))
        spawned = time.monotonic()
        process = subprocess.Popen([sys.executable, *arguments], cwd=REPO, stdout=out, stderr=err, env=env)
        deadline = spawned + timeout_s
        try:
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    break
                time.sleep(0.005)
        finally:
            if process.returncode is None and process.poll() is None:
                process.kill()
        seconds = time.monotonic() - spawned
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    run = ChildRun(spawned, seconds, usage.ru_utime + usage.ru_stime, round(usage.ru_maxrss / 1024, 1),
                   process.returncode, stdout, stderr)
    if parse_json:
        lines = [line for line in stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(f"{' '.join(arguments[:3])} printed no JSON (exit {run.exit_code}): "
                               f"{stderr[-1500:]}")
        run.json = json.loads(lines[-1])
    return run
