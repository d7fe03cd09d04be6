"""Fixtures of the fast packaging tier: tools, a dummy payload and its MSIs, a frozen app.

Everything heavy is built once per run (session scope) into temp directories; nothing is
left running (every Wine prefix kills its own wineserver).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_MSI = ROOT / "packaging" / "windows" / "build-msi.sh"
SPEC = ROOT / "packaging" / "windows" / "hvmanager.spec"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "packaging: builds, freezes or installs the app (the MSI fast tier)")


@dataclass(frozen=True)
class DummyRelease:
    """One MSI built from the dummy payload, with the files it ships (relative, '/'-separated)."""

    version: str
    msi: Path
    files: tuple[str, ...]


@pytest.fixture(scope="session")
def packaging_tools() -> None:
    """msitools, wixl, Wine and PyInstaller, installed by the project's own script if missing."""
    subprocess.run([str(ROOT / "packaging" / "setup-tools.sh")], check=True, timeout=900)


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


@pytest.fixture(scope="session")
def dummy_releases(packaging_tools: None,
                   tmp_path_factory: pytest.TempPathFactory) -> dict[str, DummyRelease]:
    """MSIs 1.0.0 and 1.1.0 of the dummy payload (1.1.0 drops a file and adds one)."""
    releases = {}
    for version in ("1.0.0", "1.1.0"):
        folder = tmp_path_factory.mktemp(f"dummy-{version}")
        dist = folder / "hvmanager"
        files = make_dummy_payload(dist, version)
        msi = folder / f"hvmanager-{version}-x64.msi"
        result = build_msi(dist, version, msi)
        assert result.returncode == 0, result.stdout + result.stderr
        releases[version] = DummyRelease(version, msi, files)
    return releases


@pytest.fixture(scope="session")
def frozen_app(packaging_tools: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real app frozen on Linux with hvmanager.spec (once per run); returns the executable."""
    work = tmp_path_factory.mktemp("freeze")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    executable = work / "dist" / "hvmanager" / "hvmanager"
    assert executable.is_file(), result.stderr[-4000:]
    return executable
