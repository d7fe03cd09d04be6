"""The MSI that build-msi.sh makes, read back table by table (msiinfo), from a dummy payload."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from msi_builds import DummyRelease, build_msi, make_dummy_payload
from msi_database import MsiDatabase

# The first test here may install the tools (apt) on a fresh machine: allow for it.
pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]

UPGRADE_CODE = "{2F5CEE22-42C4-4777-91D7-5A58D3AC25E2}"
GUID = re.compile(r"^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$")
MSIDBCOMPONENT_64BIT = 256


@pytest.fixture(scope="module")
def msi(dummy_releases: dict[str, DummyRelease]) -> MsiDatabase:
    return MsiDatabase(dummy_releases["1.0.0"].msi)


def test_summary_says_x64_english_and_compressed(msi: MsiDatabase) -> None:
    summary = msi.summary()
    assert summary["Template"] == "x64;1033"
    assert summary["Subject"] == "hvmanager 1.0.0 installer"
    # Word count 2: compressed files (the embedded cab), long file names.
    assert summary["Source"].startswith("2")


def test_properties_carry_the_fixed_upgrade_code_and_a_fresh_product_code(
        dummy_releases: dict[str, DummyRelease], msi: MsiDatabase) -> None:
    properties = msi.properties()
    assert properties["UpgradeCode"] == UPGRADE_CODE
    assert properties["ProductVersion"] == "1.0.0"
    assert properties["ProductName"] == "hvmanager"
    assert properties["Manufacturer"] == "hvmanager project"
    assert properties["ALLUSERS"] == "1"  # per machine
    assert properties["ARPPRODUCTICON"] == "hvmanager.ico"
    assert GUID.match(properties["ProductCode"])
    # Product Id="*": every build gets its own ProductCode, which a major upgrade needs.
    other = MsiDatabase(dummy_releases["1.1.0"].msi).properties()
    assert other["ProductCode"] != properties["ProductCode"]
    assert other["UpgradeCode"] == UPGRADE_CODE


def test_upgrade_table_finds_older_versions_and_detects_newer_ones(msi: MsiDatabase) -> None:
    rows = {row["ActionProperty"]: row for row in msi.table("Upgrade")}
    assert set(rows) == {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"}
    older, newer = rows["WIX_UPGRADE_DETECTED"], rows["WIX_DOWNGRADE_DETECTED"]
    assert older["UpgradeCode"] == newer["UpgradeCode"] == UPGRADE_CODE
    # Older: any version up to (not including) this one; newer: from this one up, detect only.
    assert (older["VersionMin"], older["VersionMax"]) == ("", "1.0.0")
    assert int(older["Attributes"]) & 0x2 == 0  # VersionMaxInclusive off
    assert (newer["VersionMin"], newer["VersionMax"]) == ("1.0.0", "")
    assert int(newer["Attributes"]) & 0x2 == 0x2  # OnlyDetect


def test_a_newer_installed_version_stops_the_install_with_the_message(msi: MsiDatabase) -> None:
    conditions = msi.table("LaunchCondition")
    assert any(row["Condition"] == "NOT WIX_DOWNGRADE_DETECTED"
               and "A newer version of hvmanager is already installed" in row["Description"]
               for row in conditions), conditions


def test_remove_existing_products_runs_between_validate_and_initialize(msi: MsiDatabase) -> None:
    sequence = {row["Action"]: int(row["Sequence"]) for row in msi.table("InstallExecuteSequence")}
    assert sequence["FindRelatedProducts"] < sequence["LaunchConditions"]
    assert (sequence["InstallValidate"] < sequence["RemoveExistingProducts"]
            < sequence["InstallInitialize"])


def test_the_app_goes_to_program_files_64(msi: MsiDatabase) -> None:
    directories = {row["Directory"]: row for row in msi.table("Directory")}
    assert directories["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert directories["INSTALLDIR"]["DefaultDir"] == "hvmanager"
    assert directories["ProgramFiles64Folder"]["Directory_Parent"] == "TARGETDIR"
    components = msi.table("Component")
    assert components
    assert all(int(row["Attributes"]) & MSIDBCOMPONENT_64BIT for row in components), components


def test_every_payload_file_is_in_the_file_table(dummy_releases: dict[str, DummyRelease],
                                                 msi: MsiDatabase) -> None:
    names = sorted(row["FileName"] for row in msi.table("File"))
    assert names == sorted(Path(name).name for name in dummy_releases["1.0.0"].files)


def test_start_menu_shortcut_starts_the_installed_exe_with_the_icon(msi: MsiDatabase) -> None:
    (shortcut,) = msi.table("Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Name"] == "hvmanager"
    assert shortcut["Target"] == "[INSTALLDIR]hvmanager.exe"
    assert shortcut["WkDir"] == "INSTALLDIR"
    assert shortcut["Icon_"] == "hvmanager.ico"
    assert [row["Name"] for row in msi.table("Icon")] == ["hvmanager.ico"]


def test_registry_records_the_install_dir_in_the_64_bit_view(msi: MsiDatabase) -> None:
    values = {row["Name"]: row for row in msi.table("Registry")}
    assert values["InstallDir"]["Value"] == "[INSTALLDIR]"
    assert values["InstallDir"]["Key"] == "Software\\hvmanager"
    assert values["InstallDir"]["Root"] == "2"  # HKLM
    assert values["Version"]["Value"] == "1.0.0"


def test_the_cab_is_embedded(msi: MsiDatabase) -> None:
    (media,) = msi.table("Media")
    assert media["Cabinet"].startswith("#")


def test_build_refuses_a_version_that_is_not_three_numbers(tmp_path: Path,
                                                           packaging_tools: None) -> None:
    make_dummy_payload(tmp_path / "dist", "1.0.0")
    result = build_msi(tmp_path / "dist", "1.0", tmp_path / "out.msi")
    assert result.returncode == 2
    assert "VERSION must be x.y.z" in result.stderr
    assert not (tmp_path / "out.msi").exists()


def test_build_refuses_a_folder_without_the_exe(tmp_path: Path, packaging_tools: None) -> None:
    make_dummy_payload(tmp_path / "dist", "1.0.0")
    (tmp_path / "dist" / "hvmanager.exe").unlink()
    result = build_msi(tmp_path / "dist", "1.0.0", tmp_path / "out.msi")
    assert result.returncode == 2
    assert "hvmanager.exe not found" in result.stderr
    assert not (tmp_path / "out.msi").exists()


def test_component_guids_stay_the_same_across_builds(tmp_path: Path,
                                                     dummy_releases: dict[str, DummyRelease],
                                                     msi: MsiDatabase) -> None:
    # Guid="*" derives a component's GUID from its install path: a file keeps its component
    # from one release to the next, which keeps upgrades and repairs predictable.
    shutil.copytree(dummy_releases["1.0.0"].msi.parent / "hvmanager", tmp_path / "hvmanager")
    rebuilt = tmp_path / "again.msi"
    assert build_msi(tmp_path / "hvmanager", "1.0.0", rebuilt).returncode == 0
    guids = {row["Component"]: row["ComponentId"] for row in msi.table("Component")}
    assert {row["Component"]: row["ComponentId"]
            for row in MsiDatabase(rebuilt).table("Component")} == guids
