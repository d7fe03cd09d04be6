"""Host readiness: can this machine run Hyper-V? Several small queries, one result.

Each part is its own pipeline so one failing part (Get-WindowsOptionalFeature needs
elevation; Server uses Get-WindowsFeature) leaves the others readable.
"""

from __future__ import annotations

import enum
from typing import Iterable, Mapping, Sequence

from hvmanager.domain.feature_state import FeatureState
from hvmanager.domain.host_readiness import HostReadiness
from hvmanager.domain.optional_feature import OptionalFeature
from hvmanager.hyperv import values
from hvmanager.hyperv.commands import select
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record

#: OperatingSystemSKU -> EditionID, for when the edition query fails. Common SKUs only.
_SKU_EDITIONS = {
    101: "Core", 100: "CoreSingleLanguage", 98: "CoreN", 99: "CoreCountrySpecific",
    48: "Professional", 49: "ProfessionalN", 161: "ProfessionalWorkstation",
    164: "ProfessionalEducation", 4: "Enterprise", 27: "EnterpriseN", 125: "EnterpriseS",
    121: "Education", 122: "EducationN", 7: "ServerStandard", 8: "ServerDatacenter",
}


class ReadinessPart(enum.Enum):
    """One query of the readiness check."""

    COMPUTER_SYSTEM = "computer_system"
    PROCESSOR = "processor"
    OPERATING_SYSTEM = "operating_system"
    EDITION = "edition"
    FEATURES = "features"


def _cim(class_name: str, properties: Sequence[str]) -> Pipeline:
    return Pipeline.of(Command("Get-CimInstance", (("ClassName", class_name),)), select(properties))


def readiness_pipelines() -> dict[ReadinessPart, Pipeline]:
    """The pipelines to run (independently) for :func:`parse_host_readiness`."""
    return {
        ReadinessPart.COMPUTER_SYSTEM: _cim("Win32_ComputerSystem", ("HypervisorPresent",)),
        ReadinessPart.PROCESSOR: _cim("Win32_Processor", (
            "Name", "VirtualizationFirmwareEnabled", "VMMonitorModeExtensions",
            "SecondLevelAddressTranslationExtensions")),
        ReadinessPart.OPERATING_SYSTEM: _cim("Win32_OperatingSystem", (
            "Caption", "Version", "OperatingSystemSKU")),
        ReadinessPart.EDITION: Pipeline.of(
            Command("Get-ComputerInfo", (("Property", ["WindowsEditionId"]),))),
        ReadinessPart.FEATURES: Pipeline.of(
            Command("Get-WindowsOptionalFeature", (("Online", True),
                                                   ("FeatureName", "Microsoft-Hyper-V*"))),
            select(("FeatureName", "DisplayName", "State"))),
    }


def _all_sockets(records: Sequence[Record], name: str) -> bool | None:
    # A machine with several processors is only as capable as its weakest socket.
    flags = [values.as_bool(record.get(name)) for record in records]
    if any(flag is False for flag in flags):
        return False
    return True if flags and all(flag is True for flag in flags) else None


def parse_host_readiness(parts: Mapping[ReadinessPart, Iterable[Record]]) -> HostReadiness:
    """Combine the answers; a missing part (failed query) leaves its fields None."""
    got = {part: tuple(records) for part, records in parts.items()}
    system = got.get(ReadinessPart.COMPUTER_SYSTEM, ())
    processors = got.get(ReadinessPart.PROCESSOR, ())
    os_records = got.get(ReadinessPart.OPERATING_SYSTEM, ())
    editions = got.get(ReadinessPart.EDITION, ())
    os_record = os_records[0] if os_records else Record()
    edition = next((values.as_str(r.get("WindowsEditionId")) for r in editions), None)
    if not edition:
        edition = _SKU_EDITIONS.get(values.as_int(os_record.get("OperatingSystemSKU")))
    features = []
    for record in got.get(ReadinessPart.FEATURES, ()):
        name = values.as_str(record.get("FeatureName"))
        if name:
            state_name, _ = values.enum_parts(record.get("State"))
            features.append(OptionalFeature(name, FeatureState.parse(state_name),
                                            values.as_str(record.get("DisplayName"))))
    return HostReadiness(
        hypervisor_present=values.as_bool(system[0].get("HypervisorPresent")) if system else None,
        firmware_virtualization_enabled=_all_sockets(processors, "VirtualizationFirmwareEnabled"),
        vm_monitor_mode_extensions=_all_sockets(processors, "VMMonitorModeExtensions"),
        second_level_address_translation=_all_sockets(
            processors, "SecondLevelAddressTranslationExtensions"),
        edition_id=edition or None,
        os_caption=values.as_str(os_record.get("Caption")),
        os_version=values.as_str(os_record.get("Version")),
        features=tuple(features))
