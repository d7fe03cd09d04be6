"""Words for Windows service states and start types (context ``ServiceTexts``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hvmanager.domain.service_start_type import ServiceStartType
from hvmanager.domain.service_state import ServiceState

translate = QCoreApplication.translate


def state_text(state: ServiceState) -> str:
    """"Running", "Stopping…" and so on, in the UI language."""
    texts = {
        ServiceState.STOPPED: translate("ServiceTexts", "Stopped"),
        ServiceState.START_PENDING: translate("ServiceTexts", "Starting…"),
        ServiceState.STOP_PENDING: translate("ServiceTexts", "Stopping…"),
        ServiceState.RUNNING: translate("ServiceTexts", "Running"),
        ServiceState.CONTINUE_PENDING: translate("ServiceTexts", "Continuing…"),
        ServiceState.PAUSE_PENDING: translate("ServiceTexts", "Pausing…"),
        ServiceState.PAUSED: translate("ServiceTexts", "Paused"),
        ServiceState.UNKNOWN: translate("ServiceTexts", "Unknown"),
    }
    return texts[state]


def start_type_text(start_type: ServiceStartType) -> str:
    """"Automatic", "Manual", "Disabled"..."""
    texts = {
        ServiceStartType.BOOT: translate("ServiceTexts", "Boot"),
        ServiceStartType.SYSTEM: translate("ServiceTexts", "System"),
        ServiceStartType.AUTOMATIC: translate("ServiceTexts", "Automatic"),
        ServiceStartType.MANUAL: translate("ServiceTexts", "Manual"),
        ServiceStartType.DISABLED: translate("ServiceTexts", "Disabled"),
        ServiceStartType.UNKNOWN: translate("ServiceTexts", "Unknown"),
    }
    return texts[start_type]


def service_purpose(name: str) -> str:
    """What the service does, for the two Hyper-V services ("" for others)."""
    purposes = {
        "vmms": translate("ServiceTexts", "Manages the virtual machines. While it is stopped, "
                          "Hyper-V Manager, hvmanager and the Hyper-V cmdlets cannot see or "
                          "change any virtual machine; running VMs keep running."),
        "vmcompute": translate("ServiceTexts", "Runs the virtual machines' worker processes "
                               "and containers for vmms."),
    }
    return purposes.get(name.lower(), "")
