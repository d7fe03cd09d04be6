"""A stable sort order for VM states, independent of the display language.

Sorting by the translated name would reorder rows when the language changes, and
sorting by the enum number would follow numbers that shift between Windows versions.
Running-like states come first, then the ones on their way, paused, saved, off; each
critical state sorts right after all healthy ones, in the same order.
"""

from __future__ import annotations

from hvmanager.domain.vm_state import VMState

_HEALTHY_ORDER: tuple[VMState, ...] = (
    VMState.RUNNING, VMState.COMPONENT_SERVICING, VMState.STARTING, VMState.RESUMING,
    VMState.RESET, VMState.FORCE_REBOOT, VMState.PAUSING, VMState.PAUSED, VMState.SAVING,
    VMState.FAST_SAVING, VMState.SAVED, VMState.FAST_SAVED, VMState.HIBERNATED,
    VMState.STOPPING, VMState.FORCE_SHUTDOWN, VMState.OFF,
)
_CRITICAL_ORDER: tuple[VMState, ...] = tuple(
    state for state in VMState if state.is_critical
)
_ORDER: tuple[VMState, ...] = (
    _HEALTHY_ORDER
    + tuple(sorted(_CRITICAL_ORDER, key=lambda s: _HEALTHY_ORDER.index(s.base)))
    + (VMState.OTHER, VMState.UNKNOWN)
)
_RANK: dict[VMState, int] = {state: rank for rank, state in enumerate(_ORDER)}


def state_rank(state: VMState) -> int:
    """The position of ``state`` in the display order (every member has one)."""
    return _RANK[state]
