"""The dummy payload, its releases and the one MSI build script, for the packaging tests.

A module of its own (not conftest) so test modules can import it by a name no other suite uses.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD_MSI = ROOT / "packaging" / "windows" / "build-msi.sh"
SPEC = ROOT / "packaging" / "windows" / "hvmanager.spec"


@dataclass(frozen=True)
class DummyRelease:
    """One MSI built from the dummy payload, with the files it ships (relative, '/'-separated)."""

    version: str
    msi: Path
    files: tuple[str, ...]


def build_msi(dist: Path, version: str, output: Path) -> subprocess.CompletedProcess[str]:
    """Run build-msi.sh, the one build script of every MSI, and return the finished process."""
    return subprocess.run([str(BUILD_MSI), str(dist), version, str(output)], capture_output=True,
                          text=True, timeout=120, check=False)


def make_dummy_payload(folder: Path, version: str) -> tuple[str, ...]:
    """A small onedir look-alike: the exe, nested folders, a name with a space, a per-version file."""
    files = {
        "hvmanager.exe": b"MZ dummy " + version.encode(),
        "_internal/python311.dll": b"dummy dll",
        "_internal/hvmanager/resources/icons/hvmanager.svg": b"<svg/>",
        "_internal/PySide6/plugins/platforms/qwindows dummy.dll": b"name with a space",
        f"_internal/only-in-{version}.txt": version.encode(),
    }
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return tuple(sorted(files))
