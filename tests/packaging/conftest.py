"""Fixtures of the fast packaging tier: tools, a dummy payload and its MSIs, a frozen app.

Everything heavy is built once per run (session scope) into temp directories; nothing is
left running (every Wine prefix kills its own wineserver).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from msi_builds import ROOT, SPEC, DummyRelease, build_msi, make_dummy_payload


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "packaging: builds, freezes or installs the app (the MSI fast tier)")


@pytest.fixture(scope="session")
def packaging_tools() -> None:
    """msitools, wixl, Wine and PyInstaller, installed by the project's own script if missing."""
    subprocess.run([str(ROOT / "packaging" / "setup-tools.sh")], check=True, timeout=900)


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
        # The suite's PYTHONPATH (tests/) must not leak test helpers into the analysis.
        env={key: value for key, value in os.environ.items() if key != "PYTHONPATH"})
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    executable = work / "dist" / "hvmanager" / "hvmanager"
    assert executable.is_file(), result.stderr[-4000:]
    return executable
