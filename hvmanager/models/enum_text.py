"""Translated display text for the enums shown in VM columns.

Source texts are English and marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate``
extracts them; translation happens at display time, so switching the language only
needs the views to repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.vm_state import VMState

_STATE_CONTEXT = "VMState"
_STATE_TEXT: dict[VMState, str] = {
    VMState.OTHER: QT_TRANSLATE_NOOP("VMState", "Other"),
    VMState.RUNNING: QT_TRANSLATE_NOOP("VMState", "Running"),
    VMState.OFF: QT_TRANSLATE_NOOP("VMState", "Off"),
    VMState.STOPPING: QT_TRANSLATE_NOOP("VMState", "Stopping"),
    VMState.SAVED: QT_TRANSLATE_NOOP("VMState", "Saved"),
    VMState.PAUSED: QT_TRANSLATE_NOOP("VMState", "Paused"),
    VMState.STARTING: QT_TRANSLATE_NOOP("VMState", "Starting"),
    VMState.RESET: QT_TRANSLATE_NOOP("VMState", "Resetting"),
    VMState.SAVING: QT_TRANSLATE_NOOP("VMState", "Saving"),
    VMState.PAUSING: QT_TRANSLATE_NOOP("VMState", "Pausing"),
    VMState.RESUMING: QT_TRANSLATE_NOOP("VMState", "Resuming"),
    VMState.FAST_SAVED: QT_TRANSLATE_NOOP("VMState", "Fast Saved"),
    VMState.FAST_SAVING: QT_TRANSLATE_NOOP("VMState", "Fast Saving"),
    VMState.FORCE_SHUTDOWN: QT_TRANSLATE_NOOP("VMState", "Forced Shutdown"),
    VMState.FORCE_REBOOT: QT_TRANSLATE_NOOP("VMState", "Forced Reboot"),
    VMState.HIBERNATED: QT_TRANSLATE_NOOP("VMState", "Hibernated"),
    VMState.COMPONENT_SERVICING: QT_TRANSLATE_NOOP("VMState", "Servicing"),
    VMState.RUNNING_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Running-Critical"),
    VMState.OFF_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Off-Critical"),
    VMState.STOPPING_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Stopping-Critical"),
    VMState.SAVED_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Saved-Critical"),
    VMState.PAUSED_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Paused-Critical"),
    VMState.STARTING_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Starting-Critical"),
    VMState.RESET_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Resetting-Critical"),
    VMState.SAVING_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Saving-Critical"),
    VMState.PAUSING_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Pausing-Critical"),
    VMState.RESUMING_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Resuming-Critical"),
    VMState.FAST_SAVED_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Fast Saved-Critical"),
    VMState.FAST_SAVING_CRITICAL: QT_TRANSLATE_NOOP("VMState", "Fast Saving-Critical"),
    VMState.UNKNOWN: QT_TRANSLATE_NOOP("VMState", "Unknown"),
}
# By identity: an Enum's __hash__ runs in Python, and the State column asks per painted row.
_STATE_BY_ID: dict[int, str] = {id(state): text for state, text in _STATE_TEXT.items()}

_HEARTBEAT_CONTEXT = "Heartbeat"
_HEARTBEAT_TEXT: dict[HeartbeatStatus, str] = {
    HeartbeatStatus.UNKNOWN: QT_TRANSLATE_NOOP("Heartbeat", "Unknown"),
    HeartbeatStatus.DISABLED: QT_TRANSLATE_NOOP("Heartbeat", "Disabled"),
    HeartbeatStatus.NO_CONTACT: QT_TRANSLATE_NOOP("Heartbeat", "No Contact"),
    HeartbeatStatus.ERROR: QT_TRANSLATE_NOOP("Heartbeat", "Error"),
    HeartbeatStatus.LOST_COMMUNICATION: QT_TRANSLATE_NOOP("Heartbeat", "Lost Communication"),
    HeartbeatStatus.OK_APPLICATIONS_UNKNOWN:
        QT_TRANSLATE_NOOP("Heartbeat", "OK (No Application Data)"),
    HeartbeatStatus.OK_APPLICATIONS_HEALTHY:
        QT_TRANSLATE_NOOP("Heartbeat", "OK (Applications Healthy)"),
    HeartbeatStatus.OK_APPLICATIONS_CRITICAL:
        QT_TRANSLATE_NOOP("Heartbeat", "OK (Applications Critical)"),
    HeartbeatStatus.PAUSED: QT_TRANSLATE_NOOP("Heartbeat", "Paused"),
}

_CHECKPOINT_TYPE_CONTEXT = "CheckpointType"
_CHECKPOINT_TYPE_TEXT: dict[CheckpointType, str] = {
    CheckpointType.DISABLED: QT_TRANSLATE_NOOP("CheckpointType", "Disabled"),
    CheckpointType.PRODUCTION: QT_TRANSLATE_NOOP("CheckpointType", "Production"),
    CheckpointType.PRODUCTION_ONLY: QT_TRANSLATE_NOOP("CheckpointType", "Production Only"),
    CheckpointType.STANDARD: QT_TRANSLATE_NOOP("CheckpointType", "Standard"),
    CheckpointType.UNKNOWN: QT_TRANSLATE_NOOP("CheckpointType", "Unknown"),
}

_YES = QT_TRANSLATE_NOOP("Columns", "Yes")
_NO = QT_TRANSLATE_NOOP("Columns", "No")


def state_text(state: VMState) -> str:
    """The state as Hyper-V Manager names it, in the current language."""
    return QCoreApplication.translate(_STATE_CONTEXT, _STATE_BY_ID.get(id(state)) or state.value)


def heartbeat_text(status: HeartbeatStatus | None) -> str:
    """The heartbeat status in the current language; empty for no value."""
    if status is None:
        return ""
    return QCoreApplication.translate(_HEARTBEAT_CONTEXT, _HEARTBEAT_TEXT[status])


def checkpoint_type_text(kind: CheckpointType | None) -> str:
    """The checkpoint type in the current language; empty for no value."""
    if kind is None:
        return ""
    return QCoreApplication.translate(_CHECKPOINT_TYPE_CONTEXT, _CHECKPOINT_TYPE_TEXT[kind])


def yes_no_text(value: bool | None) -> str:
    """"Yes"/"No" in the current language; empty for no value."""
    if value is None:
        return ""
    return QCoreApplication.translate("Columns", _YES if value else _NO)
