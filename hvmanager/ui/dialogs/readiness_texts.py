"""The Host Readiness checks in plain words (the course's first chapter), as rows.

Context ``ReadinessTexts``; every explanation is written for a student who has never
turned on Hyper-V, and names the PowerShell that reads the value.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hvmanager.domain.feature_state import FeatureState
from hvmanager.domain.host_readiness import HostReadiness
from hvmanager.domain.optional_feature import OptionalFeature
from hvmanager.ui.dialogs.readiness_row import ReadinessRow
from hvmanager.ui.dialogs.readiness_verdict import ReadinessVerdict

translate = QCoreApplication.translate

# Features without which no VM runs; the others are management tools.
_ESSENTIAL_FEATURES = frozenset({"microsoft-hyper-v-all", "microsoft-hyper-v",
                                 "microsoft-hyper-v-hypervisor", "microsoft-hyper-v-services"})


def _yes_no(value: bool | None) -> tuple[str, ReadinessVerdict]:
    if value is None:
        return translate("ReadinessTexts", "Unknown"), ReadinessVerdict.UNKNOWN
    if value:
        return translate("ReadinessTexts", "Yes"), ReadinessVerdict.OK
    return translate("ReadinessTexts", "No"), ReadinessVerdict.PROBLEM


def _processor_flag(value: bool | None,
                    hypervisor_present: bool | None) -> tuple[str, ReadinessVerdict]:
    if hypervisor_present and value is not True:
        # Windows cannot see these features once the hypervisor has taken them.
        return translate("ReadinessTexts", "Not visible (a hypervisor runs)"), ReadinessVerdict.OK
    return _yes_no(value)


def feature_state_text(state: FeatureState) -> str:
    """"Enabled", "Disabled", "Enable pending (restart)"..."""
    texts = {
        FeatureState.ENABLED: translate("ReadinessTexts", "Enabled"),
        FeatureState.DISABLED: translate("ReadinessTexts", "Disabled"),
        FeatureState.ENABLE_PENDING: translate("ReadinessTexts", "Enable pending (restart)"),
        FeatureState.DISABLE_PENDING: translate("ReadinessTexts", "Disable pending (restart)"),
        FeatureState.DISABLED_WITH_PAYLOAD_REMOVED: translate(
            "ReadinessTexts", "Disabled (files removed)"),
        FeatureState.UNKNOWN: translate("ReadinessTexts", "Unknown"),
    }
    return texts[state]


def _feature_explanation(name: str) -> str:
    texts = {
        "microsoft-hyper-v-all": translate(
            "ReadinessTexts", "Hyper-V as a whole. Turn it on in \"Turn Windows features on "
            "or off\", or with Enable-WindowsOptionalFeature -Online -FeatureName "
            "Microsoft-Hyper-V-All, then restart the computer."),
        "microsoft-hyper-v": translate(
            "ReadinessTexts", "The Hyper-V platform: the hypervisor and the services that run "
            "virtual machines."),
        "microsoft-hyper-v-hypervisor": translate(
            "ReadinessTexts", "The hypervisor itself, which Windows starts before itself."),
        "microsoft-hyper-v-services": translate(
            "ReadinessTexts", "The services that create and manage virtual machines, such as "
            "vmms (Hyper-V Virtual Machine Management)."),
        "microsoft-hyper-v-tools-all": translate(
            "ReadinessTexts", "The management tools: Hyper-V Manager and the PowerShell "
            "module."),
        "microsoft-hyper-v-management-clients": translate(
            "ReadinessTexts", "Hyper-V Manager (virtmgmt.msc) and Virtual Machine Connection."),
        "microsoft-hyper-v-management-powershell": translate(
            "ReadinessTexts", "The Hyper-V PowerShell module (Get-VM, Start-VM and the other "
            "cmdlets hvmanager runs)."),
    }
    return texts.get(name.lower(), translate("ReadinessTexts", "A part of Hyper-V."))


def _feature_row(feature: OptionalFeature) -> ReadinessRow:
    state = feature.state
    if state is FeatureState.ENABLED:
        verdict = ReadinessVerdict.OK
    elif state in (FeatureState.ENABLE_PENDING, FeatureState.DISABLE_PENDING):
        verdict = ReadinessVerdict.NOTE
    elif feature.feature_name.lower() in _ESSENTIAL_FEATURES:
        verdict = ReadinessVerdict.PROBLEM
    else:
        verdict = ReadinessVerdict.NOTE
    title = f"{feature.display_name} ({feature.feature_name})" if feature.display_name \
        else feature.feature_name
    return ReadinessRow(f"feature:{feature.feature_name}", title, feature_state_text(state),
                        verdict, _feature_explanation(feature.feature_name),
                        f"Get-WindowsOptionalFeature -Online -FeatureName {feature.feature_name}")


def _edition_row(readiness: HostReadiness) -> ReadinessRow:
    supported = readiness.edition_supported
    edition = readiness.edition_id or translate("ReadinessTexts", "Unknown")
    if readiness.os_caption:
        edition = f"{edition} ({readiness.os_caption})"
    verdict = {True: ReadinessVerdict.OK, False: ReadinessVerdict.PROBLEM,
               None: ReadinessVerdict.UNKNOWN}[supported]
    explanation = translate(
        "ReadinessTexts", "Hyper-V is part of Windows Pro, Enterprise, Education and Server. "
        "Windows Home cannot run Hyper-V: upgrade to Pro first.")
    if supported is False:
        explanation = translate("ReadinessTexts", "This is Windows Home, which cannot run "
                                "Hyper-V. Upgrade to Windows Pro, Education or Enterprise.")
    return ReadinessRow("edition", translate("ReadinessTexts", "Windows edition"), edition,
                        verdict, explanation, "(Get-ComputerInfo).WindowsEditionId")


def readiness_rows(readiness: HostReadiness) -> list[ReadinessRow]:
    """Every check, in the order the course explains them."""
    hypervisor = readiness.hypervisor_present
    rows = [
        ReadinessRow("hypervisor", translate("ReadinessTexts", "Hypervisor running"),
                     *_yes_no(hypervisor), translate(
                         "ReadinessTexts", "With Hyper-V on, Windows starts the hypervisor "
                         "first and then runs on top of it, beside the virtual machines. If it "
                         "does not run, Hyper-V is off or the computer was not restarted "
                         "after turning it on."),
                     "(Get-CimInstance Win32_ComputerSystem).HypervisorPresent"),
        ReadinessRow("firmware", translate("ReadinessTexts",
                                           "Virtualization enabled in firmware (VT-x / AMD-V)"),
                     *_processor_flag(readiness.firmware_virtualization_enabled, hypervisor),
                     translate("ReadinessTexts", "The processor's virtualization must be "
                               "switched on in the BIOS/UEFI setup (often called \"Intel "
                               "Virtualization Technology\" or \"SVM Mode\"). Once a hypervisor "
                               "runs, Windows reads this as False: that is normal."),
                     "(Get-CimInstance Win32_Processor).VirtualizationFirmwareEnabled"),
        ReadinessRow("monitor_mode", translate("ReadinessTexts", "VM monitor mode extensions"),
                     *_processor_flag(readiness.vm_monitor_mode_extensions, hypervisor),
                     translate("ReadinessTexts", "The processor has the instructions that run "
                               "virtual machines (Intel VT-x or AMD-V). Like the line above, "
                               "it reads False while a hypervisor runs."),
                     "(Get-CimInstance Win32_Processor).VMMonitorModeExtensions"),
        ReadinessRow("slat", translate("ReadinessTexts",
                                       "Second Level Address Translation (SLAT)"),
                     *_processor_flag(readiness.second_level_address_translation, hypervisor),
                     translate("ReadinessTexts", "The processor translates the virtual "
                               "machines' memory addresses itself (Intel EPT, AMD RVI). "
                               "Hyper-V on Windows 10 and 11 requires it."),
                     "(Get-CimInstance Win32_Processor).SecondLevelAddressTranslationExtensions"),
        _edition_row(readiness),
    ]
    if readiness.features:
        rows.extend(_feature_row(feature) for feature in readiness.features)
    else:
        rows.append(ReadinessRow(
            "features", translate("ReadinessTexts", "Hyper-V features"),
            translate("ReadinessTexts", "Unknown"), ReadinessVerdict.UNKNOWN,
            translate("ReadinessTexts", "The optional features could not be read. "
                      "Get-WindowsOptionalFeature needs administrator rights; on Windows "
                      "Server use Get-WindowsFeature Hyper-V."),
            "Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V*"))
    return rows


def overall_text(readiness: HostReadiness) -> str:
    """One sentence at the top of the dialog."""
    ready = readiness.ready
    if ready is True:
        return translate("ReadinessTexts", "This computer is ready: it can run Hyper-V "
                         "virtual machines.")
    if ready is False:
        return translate("ReadinessTexts", "This computer cannot run Hyper-V virtual machines "
                         "yet. The checks marked No say what is missing.")
    return translate("ReadinessTexts", "Some checks could not be read, so readiness is not "
                     "certain. Reading them may need administrator rights.")
