"""Can this machine run Hyper-V? The course's first chapter, as data."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.domain.optional_feature import OptionalFeature

#: Edition ids (``EditionID``) that can never run Hyper-V: the Home family.
_HOME_PREFIX = "core"
#: Prefixes of edition ids that include Hyper-V.
_SUPPORTED_PREFIXES = ("professional", "enterprise", "education", "server", "iot enterprise",
                       "iotenterprise")


def edition_supports_hyper_v(edition_id: str | None) -> bool | None:
    """True for Pro/Enterprise/Education/Server, False for Home (``Core*``), None if unknown."""
    if not edition_id:
        return None
    lowered = edition_id.strip().lower()
    if lowered.startswith(_HOME_PREFIX):
        return False
    if lowered.startswith(_SUPPORTED_PREFIXES):
        return True
    return None


@dataclass(frozen=True)
class HostReadiness:
    """Everything the readiness dialog explains; None means "could not be read".

    Firmware virtualization, VM monitor mode extensions and SLAT read False whenever a
    hypervisor already runs, so ``virtualization_ok`` trusts ``hypervisor_present`` first.
    """

    hypervisor_present: bool | None = None
    firmware_virtualization_enabled: bool | None = None
    vm_monitor_mode_extensions: bool | None = None
    second_level_address_translation: bool | None = None
    edition_id: str | None = None
    os_caption: str | None = None
    os_version: str | None = None
    features: tuple[OptionalFeature, ...] = ()

    @property
    def edition_supported(self) -> bool | None:
        """Whether the Windows edition includes Hyper-V (None when unknown)."""
        return edition_supports_hyper_v(self.edition_id)

    @property
    def virtualization_ok(self) -> bool | None:
        """The processor and firmware can host a hypervisor (or one already runs)."""
        if self.hypervisor_present:
            return True
        flags = (self.firmware_virtualization_enabled, self.vm_monitor_mode_extensions,
                 self.second_level_address_translation)
        if any(flag is False for flag in flags):
            return False
        return True if all(flag is True for flag in flags) else None

    def feature(self, feature_name: str) -> OptionalFeature | None:
        """One feature by name (case-insensitive)."""
        for feature in self.features:
            if feature.feature_name.lower() == feature_name.lower():
                return feature
        return None

    @property
    def hyper_v_enabled(self) -> bool | None:
        """``Microsoft-Hyper-V-All`` (or ``Microsoft-Hyper-V``) is enabled; None if unread."""
        feature = self.feature("Microsoft-Hyper-V-All") or self.feature("Microsoft-Hyper-V")
        return feature.state.enabled if feature else None

    @property
    def ready(self) -> bool | None:
        """Hyper-V can run VMs here: supported edition, capable CPU, feature on, hypervisor up.

        A hypervisor alone is not enough (WSL2 or VBS start one without Hyper-V).
        """
        checks = (self.edition_supported, self.virtualization_ok, self.hyper_v_enabled,
                  self.hypervisor_present)
        if any(check is False for check in checks):
            return False
        return None if any(check is None for check in checks) else True
