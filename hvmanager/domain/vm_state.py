"""The state of a virtual machine, read by its name (numbers shift between Windows versions)."""

from __future__ import annotations

import enum


class VMState(enum.Enum):
    """``Microsoft.HyperV.PowerShell.VMState``; the value is the name PowerShell prints.

    Parse with :meth:`from_name` (``ToString`` of the enum) and fall back to
    :meth:`from_number` only when no name was sent. Names this client does not know
    become :attr:`UNKNOWN`, never an exception.
    """

    OTHER = "Other"
    RUNNING = "Running"
    OFF = "Off"
    STOPPING = "Stopping"
    SAVED = "Saved"
    PAUSED = "Paused"
    STARTING = "Starting"
    RESET = "Reset"
    SAVING = "Saving"
    PAUSING = "Pausing"
    RESUMING = "Resuming"
    FAST_SAVED = "FastSaved"
    FAST_SAVING = "FastSaving"
    FORCE_SHUTDOWN = "ForceShutdown"
    FORCE_REBOOT = "ForceReboot"
    HIBERNATED = "Hibernated"
    COMPONENT_SERVICING = "ComponentServicing"
    RUNNING_CRITICAL = "RunningCritical"
    OFF_CRITICAL = "OffCritical"
    STOPPING_CRITICAL = "StoppingCritical"
    SAVED_CRITICAL = "SavedCritical"
    PAUSED_CRITICAL = "PausedCritical"
    STARTING_CRITICAL = "StartingCritical"
    RESET_CRITICAL = "ResetCritical"
    SAVING_CRITICAL = "SavingCritical"
    PAUSING_CRITICAL = "PausingCritical"
    RESUMING_CRITICAL = "ResumingCritical"
    FAST_SAVED_CRITICAL = "FastSavedCritical"
    FAST_SAVING_CRITICAL = "FastSavingCritical"
    UNKNOWN = "Unknown"

    @classmethod
    def from_name(cls, name: str | None) -> "VMState":
        """The member for a PowerShell name (case-insensitive); UNKNOWN when unrecognised."""
        if not name:
            return cls.UNKNOWN
        return _BY_LOWER_NAME.get(name.strip().lower(), cls.UNKNOWN)

    @classmethod
    def from_number(cls, number: int | None) -> "VMState":
        """The member for a module 2.0.0.0 number; a fallback only, UNKNOWN when unrecognised."""
        return _BY_NUMBER.get(number, cls.UNKNOWN) if isinstance(number, int) else cls.UNKNOWN

    @classmethod
    def parse(cls, name: str | None, number: int | None = None) -> "VMState":
        """By name when one was sent (an unrecognised name is UNKNOWN: its number may
        belong to another Windows version's numbering), else by number."""
        if name and name.strip():
            return cls.from_name(name)
        return cls.from_number(number)

    @property
    def number(self) -> int | None:
        """The module 2.0.0.0 number (informative only)."""
        return _NUMBERS.get(self)

    @property
    def is_critical(self) -> bool:
        """A ``...Critical`` state: the VM's storage is unavailable."""
        return self.value.endswith("Critical")

    @property
    def base(self) -> "VMState":
        """The state without its ``Critical`` suffix (RunningCritical -> Running)."""
        if not self.is_critical:
            return self
        return VMState.from_name(self.value[: -len("Critical")])

    @property
    def is_running_like(self) -> bool:
        """The guest is executing (Running, ComponentServicing, and their critical forms)."""
        return self.base in (VMState.RUNNING, VMState.COMPONENT_SERVICING)

    @property
    def is_paused_like(self) -> bool:
        """The partition exists but is paused."""
        return self.base is VMState.PAUSED

    @property
    def is_saved_like(self) -> bool:
        """The memory is on disk (Saved, FastSaved, Hibernated)."""
        return self.base in (VMState.SAVED, VMState.FAST_SAVED, VMState.HIBERNATED)

    @property
    def is_off_like(self) -> bool:
        """Powered off (Off, OffCritical)."""
        return self.base is VMState.OFF

    @property
    def is_transitional(self) -> bool:
        """Between two stable states (Starting, Stopping, Saving, ...)."""
        return self.base in _TRANSITIONAL

    @property
    def is_known(self) -> bool:
        """False for UNKNOWN and OTHER."""
        return self not in (VMState.UNKNOWN, VMState.OTHER)


_TRANSITIONAL = frozenset({
    VMState.STOPPING, VMState.STARTING, VMState.RESET, VMState.SAVING, VMState.PAUSING,
    VMState.RESUMING, VMState.FAST_SAVING, VMState.FORCE_SHUTDOWN, VMState.FORCE_REBOOT,
})

_NUMBERS: dict[VMState, int] = {
    VMState.OTHER: 1, VMState.RUNNING: 2, VMState.OFF: 3, VMState.STOPPING: 4, VMState.SAVED: 6,
    VMState.PAUSED: 9, VMState.STARTING: 10, VMState.RESET: 11, VMState.SAVING: 32773,
    VMState.PAUSING: 32776, VMState.RESUMING: 32777, VMState.FAST_SAVED: 32779,
    VMState.FAST_SAVING: 32780, VMState.FORCE_SHUTDOWN: 32781, VMState.FORCE_REBOOT: 32782,
    VMState.HIBERNATED: 32783, VMState.COMPONENT_SERVICING: 32784,
    VMState.RUNNING_CRITICAL: 32785, VMState.OFF_CRITICAL: 32786,
    VMState.STOPPING_CRITICAL: 32787, VMState.SAVED_CRITICAL: 32788,
    VMState.PAUSED_CRITICAL: 32789, VMState.STARTING_CRITICAL: 32790,
    VMState.RESET_CRITICAL: 32791, VMState.SAVING_CRITICAL: 32792,
    VMState.PAUSING_CRITICAL: 32793, VMState.RESUMING_CRITICAL: 32794,
    VMState.FAST_SAVED_CRITICAL: 32795, VMState.FAST_SAVING_CRITICAL: 32796,
}
_BY_NUMBER = {number: state for state, number in _NUMBERS.items()}
_BY_LOWER_NAME = {state.value.lower(): state for state in VMState}
