"""What every benchmark reports about the machine it ran on, and how busy it was."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages (as ``uptime`` prints them); [] where the
    platform has none (Windows)."""
    if not hasattr(os, "getloadavg"):
        return []
    return [round(value, 2) for value in os.getloadavg()]


def header_rows(result: dict[str, Any]) -> list[tuple[str, Any]]:
    """The rows every benchmark's table starts with: machine, parameters, load."""
    return [("machine", f"{result['machine']['cores']} cores, {result['machine']['cpu']}"),
            ("parameters", str(result["parameters"])),
            ("load before / after", f"{result['load_before']} / {result.get('load_after')}")]


def machine() -> dict[str, Any]:
    """Cores, CPU model, memory, Python and library versions."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                      if line.startswith("model name")), "")
    memory_mb = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        first = meminfo.read_text().splitlines()[0].split()
        memory_mb = int(first[1]) // 1024
    versions = {}
    for package in ("PySide6-Essentials", "pypsrp", "psrpcore", "pyspnego", "qasync"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {"cores": os.cpu_count(), "cpu": model, "memory_mb": memory_mb,
            "python": platform.python_version(), **versions}


def markdown_table(rows: list[tuple[str, Any]]) -> str:
    """``| figure | value |`` rows."""
    lines = ["| figure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)
