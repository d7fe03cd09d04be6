"""Our names and explanations for the six integration services, keyed by GUID.

Hosts translate the service ``Name`` (German: "Takt" for Heartbeat), so the UI never
shows or matches that name for known services: it shows these labels, translated by us
(context ``IntegrationServiceTexts``), as the VM Settings page does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hvmanager.domain.integration_service import IntegrationService
from hvmanager.domain.known_integration_service import KnownIntegrationService

translate = QCoreApplication.translate


def service_label(known: KnownIntegrationService) -> str:
    """The VM Settings label ("Operating system shutdown"), in the UI language."""
    labels = {
        KnownIntegrationService.SHUTDOWN: translate("IntegrationServiceTexts",
                                                    "Operating system shutdown"),
        KnownIntegrationService.TIME_SYNCHRONIZATION: translate("IntegrationServiceTexts",
                                                                "Time synchronization"),
        KnownIntegrationService.DATA_EXCHANGE: translate("IntegrationServiceTexts",
                                                         "Data Exchange"),
        KnownIntegrationService.HEARTBEAT: translate("IntegrationServiceTexts", "Heartbeat"),
        KnownIntegrationService.BACKUP: translate("IntegrationServiceTexts",
                                                  "Backup (volume shadow copy)"),
        KnownIntegrationService.GUEST_SERVICES: translate("IntegrationServiceTexts",
                                                          "Guest services"),
    }
    return labels[known]


def service_explanation(known: KnownIntegrationService) -> str:
    """What the service lets the host do, in plain words."""
    texts = {
        KnownIntegrationService.SHUTDOWN: translate(
            "IntegrationServiceTexts", "Lets the host ask the guest to shut down cleanly "
            "(Shut Down, Stop-VM without -TurnOff)."),
        KnownIntegrationService.TIME_SYNCHRONIZATION: translate(
            "IntegrationServiceTexts", "Keeps the guest's clock in step with the host's."),
        KnownIntegrationService.DATA_EXCHANGE: translate(
            "IntegrationServiceTexts", "Exchanges small facts with the guest, such as its "
            "IP addresses and computer name (Key-Value Pair Exchange)."),
        KnownIntegrationService.HEARTBEAT: translate(
            "IntegrationServiceTexts", "The guest reports regularly that it is alive; shown "
            "as the Heartbeat of the VM."),
        KnownIntegrationService.BACKUP: translate(
            "IntegrationServiceTexts", "Lets the host back up a running VM consistently "
            "through the guest's Volume Shadow Copy Service."),
        KnownIntegrationService.GUEST_SERVICES: translate(
            "IntegrationServiceTexts", "Lets the host copy files into the guest "
            "(Copy-VMFile). Off by default."),
    }
    return texts[known]


def label_of(service: IntegrationService) -> str:
    """Our label for a known service; the host's own name for one we do not know."""
    known = service.known
    return service_label(known) if known is not None else service.name
