"""Enable exactly the actions the selection allows (the one table lives in hyperv.vm_action)."""

from __future__ import annotations

from hvmanager.hyperv.vm_action import VmAction, allowed_for_all
from hvmanager.ui.actions.action_registry import ActionRegistry
from hvmanager.ui.actions.vm_selection import VmSelection


class ActionEnabler:
    """Applies a ``VmSelection`` to the registry's actions."""

    def __init__(self, registry: ActionRegistry) -> None:
        self._registry = registry

    def apply(self, selection: VmSelection) -> None:
        """VM actions: every selected VM allows it and its host is usable; Rename: one VM.
        Host actions: a server node is selected."""
        registry = self._registry
        states = selection.states
        for action, qaction in registry.vm_actions():
            enabled = selection.can_act and allowed_for_all(action, states)
            if action is VmAction.RENAME:
                enabled = enabled and len(selection.vms) == 1
            qaction.setEnabled(enabled)
        registry["actionIntegrationServices"].setEnabled(selection.can_act)
        has_server = selection.server_key is not None
        for name in ("actionRemoveServer", "actionHyperVService", "actionHostReadiness"):
            registry[name].setEnabled(has_server)
