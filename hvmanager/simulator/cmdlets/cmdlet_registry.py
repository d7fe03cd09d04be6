"""Which command names the simulated host knows, and the classes that run them."""

from __future__ import annotations

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet

_MODULES = {
    "hyper-v": "Hyper-V",
    "microsoft.powershell.utility": "Microsoft.PowerShell.Utility",
    "microsoft.powershell.management": "Microsoft.PowerShell.Management",
    "microsoft.powershell.core": "Microsoft.PowerShell.Core",
    "cimcmdlets": "CimCmdlets",
    "dism": "Dism",
}


class CmdletRegistry:
    """Maps names (case-insensitive, optionally module-qualified) to cmdlet classes."""

    def __init__(self, classes: list[type[Cmdlet]]) -> None:
        self._by_name = {cls.spec.name.lower(): cls for cls in classes}

    def find(self, name: str) -> type[Cmdlet] | None:
        """The class for ``name`` (``Get-VM``, ``hyper-v\\get-vm``), or None."""
        lowered = name.strip().lower()
        if "\\" in lowered:
            module, _, lowered = lowered.rpartition("\\")
            if module not in _MODULES:
                return None
        return self._by_name.get(lowered)

    def names(self) -> list[str]:
        """Every command name, as PowerShell spells it."""
        return sorted(cls.spec.name for cls in self._by_name.values())

    @classmethod
    def default(cls) -> CmdletRegistry:
        """All the cmdlets the simulator implements."""
        from hvmanager.simulator.cmdlets import (
            checkpoint_cmdlets, format_cmdlets, integration_service_cmdlets, object_cmdlets, readiness_cmdlets,
            service_cmdlets, vm_change_cmdlets, vm_lifecycle_cmdlets, vm_query_cmdlets)
        classes: list[type[Cmdlet]] = []
        for module in (vm_query_cmdlets, vm_lifecycle_cmdlets, vm_change_cmdlets, checkpoint_cmdlets,
                       integration_service_cmdlets, service_cmdlets, object_cmdlets,
                       format_cmdlets, readiness_cmdlets):
            classes.extend(module.CMDLETS)
        return cls(classes)
