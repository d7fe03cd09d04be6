"""The VM actions and the one table of which state allows which action."""

from __future__ import annotations

import enum
from typing import Iterable

from hvmanager.domain.vm_state import VMState


class StateColumn(enum.Enum):
    """The columns of the reference table; critical and unknown states have none."""

    OFF = "off"
    RUNNING = "running"
    PAUSED = "paused"
    SAVED = "saved"
    TRANSITIONAL = "transitional"


def state_column(state: VMState) -> StateColumn | None:
    """Which column of the table a state reads from; None allows nothing.

    Critical states allow nothing (storage is missing); ComponentServicing counts as
    transitional (the host is busy with the VM); Other/Unknown allow nothing.
    """
    if state.is_critical or not state.is_known:
        return None
    if state.is_off_like:
        return StateColumn.OFF
    if state is VMState.RUNNING:
        return StateColumn.RUNNING
    if state.is_paused_like:
        return StateColumn.PAUSED
    if state.is_saved_like:
        return StateColumn.SAVED
    return StateColumn.TRANSITIONAL


_O, _R, _P, _S, _T = (StateColumn.OFF, StateColumn.RUNNING, StateColumn.PAUSED,
                      StateColumn.SAVED, StateColumn.TRANSITIONAL)


class VmAction(enum.Enum):
    """A lifecycle action: title, cmdlet, whether it destroys state / needs confirmation.

    ``key`` is a stable identifier (``"start"``) for UI object names and settings.
    ``allowed_in`` is the one copy of the action table in the code base (change it here
    and nowhere else). It starts from hyperv-reference.md's [unverified] table and drops
    what the Hyper-V module itself refuses (its ``VirtualMachine.ChangeState`` transition
    map, read from the public decompiled module): Turn Off is refused in transitional
    states and Reset (Restart-VM) in Paused, so offering them would only produce
    ``InvalidState``. What the module accepts beyond Hyper-V Manager's menus (Start on a
    Paused VM, Turn Off on a Saved one) stays out: Resume and Delete Saved State are the
    actions users know for those.
    """

    #          key, title, cmdlet, destructive, confirm, allowed_in
    START = ("start", "Start", "Start-VM", False, False, frozenset({_O, _S}))
    SHUT_DOWN = ("shut_down", "Shut Down", "Stop-VM", False, True, frozenset({_R}))
    TURN_OFF = ("turn_off", "Turn Off", "Stop-VM", True, True, frozenset({_R, _P}))
    SAVE = ("save", "Save", "Save-VM", False, False, frozenset({_R, _P}))
    PAUSE = ("pause", "Pause", "Suspend-VM", False, False, frozenset({_R}))
    RESUME = ("resume", "Resume", "Resume-VM", False, False, frozenset({_P}))
    RESET = ("reset", "Reset", "Restart-VM", True, True, frozenset({_R}))
    CHECKPOINT = ("checkpoint", "Checkpoint", "Checkpoint-VM", False, False,
                  frozenset({_O, _R, _P, _S}))
    DELETE_SAVED_STATE = ("delete_saved_state", "Delete Saved State", "Remove-VMSavedState",
                          True, True, frozenset({_S}))
    RENAME = ("rename", "Rename", "Rename-VM", False, False, frozenset({_O, _R, _P, _S, _T}))
    DELETE = ("delete", "Delete", "Remove-VM", True, True, frozenset({_O, _S}))

    def __init__(self, key: str, title: str, cmdlet: str, destructive: bool,
                 needs_confirmation: bool, allowed_in: frozenset[StateColumn]) -> None:
        self.key = key
        self.title = title
        self.cmdlet = cmdlet
        self.destructive = destructive
        self.needs_confirmation = needs_confirmation
        self.allowed_in = allowed_in

    @classmethod
    def from_key(cls, key: str) -> "VmAction":
        """The action with that ``key`` (KeyError if none)."""
        for action in cls:
            if action.key == key:
                return action
        raise KeyError(key)

    @property
    def needs_shutdown_service(self) -> bool:
        """Shut Down asks the guest through the Shutdown integration service."""
        return self is VmAction.SHUT_DOWN


def allowed(action: VmAction, state: VMState) -> bool:
    """Whether ``action`` may run on a VM in ``state``."""
    column = state_column(state)
    return column is not None and column in action.allowed_in


def allowed_for_all(action: VmAction, states: Iterable[VMState]) -> bool:
    """True when there is at least one state and every one allows ``action``."""
    seen = False
    for state in states:
        seen = True
        if not allowed(action, state):
            return False
    return seen


def allowed_actions(state: VMState) -> tuple[VmAction, ...]:
    """Every action ``state`` allows, in menu order."""
    return tuple(action for action in VmAction if allowed(action, state))
