"""Which state change is allowed from which state, as the Hyper-V module decides it.

Taken from the module's own transition map (``VirtualMachine.ChangeState`` in the public
decompiled Microsoft.HyperV.PowerShell.Objects): an action whose target equals the current
state only writes the warning "already in the desired state" (no error); an action from a
state not listed fails with ``InvalidState``. This differs from hyperv-reference.md's
[unverified] table in three places, and the module wins: Start also resumes a Paused VM,
Turn Off is allowed from Saved (it discards the saved state) but not from transitional
states, and Reset (Restart-VM) only from Running.
"""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.simulator.hyperv.enums import VMState


@dataclass(frozen=True)
class StateRule:
    """One action: where it may start, what the VM shows meanwhile, where it ends."""

    action: str
    allowed_from: frozenset[VMState]
    target: VMState
    #: The transitional state the VM shows while the action runs (None: immediate).
    via: VMState | None
    #: Nominal duration range in seconds before the host's time_scale applies.
    seconds: tuple[float, float] = (0.0, 0.0)
    #: The state ChangeState compares with for the "already there" warning.
    desired: VMState | None = None

    def desired_state(self) -> VMState:
        """The state that means "nothing to do" for this action."""
        return self.desired if self.desired is not None else self.target


_S = VMState
RULES: dict[str, StateRule] = {
    rule.action: rule
    for rule in (
        StateRule("start", frozenset({_S.Off, _S.Saved, _S.Paused, _S.FastSaved, _S.Hibernated}),
                  _S.Running, _S.Starting, (1.0, 3.0)),
        StateRule("turn_off", frozenset({_S.Running, _S.Paused, _S.Saved, _S.FastSaved}),
                  _S.Off, None),
        StateRule("shutdown", frozenset({_S.Running}), _S.Off, _S.Stopping, (3.0, 6.0)),
        StateRule("save", frozenset({_S.Running, _S.Paused}), _S.Saved, _S.Saving, (1.0, 2.5)),
        # The module's Restart target is Reset, which a VM never rests in: no warning case.
        StateRule("restart", frozenset({_S.Running}), _S.Running, _S.Reset, (0.5, 1.0),
                  desired=_S.Reset),
        StateRule("suspend", frozenset({_S.Running}), _S.Paused, _S.Pausing, (0.2, 0.5)),
        StateRule("resume", frozenset({_S.Paused}), _S.Running, _S.Resuming, (0.2, 0.5)),
        StateRule("delete_saved_state", frozenset({_S.Saved, _S.FastSaved}), _S.Off, None),
    )
}

#: States a checkpoint can be taken in (not while a transition runs).
CHECKPOINT_STATES = frozenset({_S.Off, _S.Running, _S.Paused, _S.Saved})

#: States in which the VM holds host memory.
MEMORY_STATES = frozenset({_S.Running, _S.Paused, _S.Starting, _S.Stopping, _S.Saving,
                           _S.Pausing, _S.Resuming, _S.Reset})
