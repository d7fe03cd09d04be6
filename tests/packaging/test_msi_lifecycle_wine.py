"""Install, upgrade, refuse a downgrade and uninstall the dummy MSIs with msiexec under Wine.

One throwaway prefix walks through the whole life of an installation once (module fixture);
each test then checks what one step left behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from msi_builds import DummyRelease
from msi_database import MsiDatabase
from wine_prefix import WinePrefix

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]

ERROR_INSTALL_FAILURE = 1603  # what msiexec returns when a launch condition refuses


@dataclass(frozen=True)
class Snapshot:
    """What one msiexec run returned and left on the prefix's disk and registry."""

    exit_code: int
    files: frozenset[str]
    shortcuts: tuple[Path, ...]
    uninstall_entries: dict[str, dict[str, str]]
    app_key: dict[str, str] | None
    shortcut_target_exists: bool


@pytest.fixture(scope="module")
def lifecycle(dummy_releases: dict[str, DummyRelease],
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Snapshot]]:
    prefix = WinePrefix(tmp_path_factory.mktemp("wine") / "prefix")
    install_dir = prefix.drive_c / "Program Files" / "hvmanager"

    def snapshot(exit_code: int) -> Snapshot:
        files = frozenset(path.relative_to(install_dir).as_posix()
                          for path in install_dir.rglob("*") if path.is_file()) \
            if install_dir.exists() else frozenset()
        return Snapshot(
            exit_code=exit_code, files=files,
            shortcuts=tuple(prefix.start_menu_shortcuts("hvmanager")),
            uninstall_entries=prefix.uninstall_entries("hvmanager"),
            app_key=prefix.registry().get("Software\\hvmanager"),
            shortcut_target_exists=(install_dir / "hvmanager.exe").is_file())

    old, new = dummy_releases["1.0.0"].msi, dummy_releases["1.1.0"].msi
    try:
        prefix.boot()
        steps = {"install": snapshot(prefix.msiexec("/i", str(old), "/qn"))}
        steps["upgrade"] = snapshot(prefix.msiexec("/i", str(new), "/qn"))
        steps["downgrade"] = snapshot(prefix.msiexec("/i", str(old), "/qn"))
        # Uninstall the way Add/Remove Programs does: by the installed ProductCode.
        product_code = MsiDatabase(new).properties()["ProductCode"]
        steps["uninstall"] = snapshot(prefix.msiexec("/x", product_code, "/qn"))
        yield steps
    finally:
        prefix.close()


def test_install_puts_the_files_in_program_files(lifecycle: dict[str, Snapshot],
                                                 dummy_releases: dict[str, DummyRelease]) -> None:
    step = lifecycle["install"]
    assert step.exit_code == 0
    assert step.files == frozenset(dummy_releases["1.0.0"].files)


def test_install_adds_the_shortcut_the_registry_values_and_one_arp_entry(
        lifecycle: dict[str, Snapshot]) -> None:
    step = lifecycle["install"]
    assert len(step.shortcuts) == 1 and step.shortcut_target_exists
    assert step.app_key == {"InstallDir": "C:\\Program Files\\hvmanager\\", "Version": "1.0.0"}
    (entry,) = step.uninstall_entries.values()
    assert entry["DisplayVersion"] == "1.0.0"
    assert entry["Publisher"] == "hvmanager project"
    assert "MsiExec.exe /X{" in entry["UninstallString"]


def test_upgrade_replaces_the_version_in_place_with_exactly_one_arp_entry(
        lifecycle: dict[str, Snapshot], dummy_releases: dict[str, DummyRelease]) -> None:
    step = lifecycle["upgrade"]
    assert step.exit_code == 0
    # Files 1.1.0 no longer ships are gone, new ones are there.
    assert step.files == frozenset(dummy_releases["1.1.0"].files)
    (entry,) = step.uninstall_entries.values()
    assert entry["DisplayVersion"] == "1.1.0"
    new_code = MsiDatabase(dummy_releases["1.1.0"].msi).properties()["ProductCode"]
    assert list(step.uninstall_entries) == [new_code]
    assert step.app_key is not None and step.app_key["Version"] == "1.1.0"
    assert len(step.shortcuts) == 1


def test_an_older_version_is_refused_and_changes_nothing(lifecycle: dict[str, Snapshot]) -> None:
    step, before = lifecycle["downgrade"], lifecycle["upgrade"]
    # Unix keeps the low 8 bits of Windows' exit code.
    assert step.exit_code == ERROR_INSTALL_FAILURE % 256
    assert step.files == before.files
    assert step.uninstall_entries == before.uninstall_entries
    assert step.app_key == before.app_key


def test_uninstall_removes_files_shortcut_registry_and_arp_entry(
        lifecycle: dict[str, Snapshot]) -> None:
    step = lifecycle["uninstall"]
    assert step.exit_code == 0
    assert step.files == frozenset()
    assert step.shortcuts == ()
    assert step.app_key is None
    assert step.uninstall_entries == {}
