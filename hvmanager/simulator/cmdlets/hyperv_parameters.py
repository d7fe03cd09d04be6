"""Parameter declarations shared by the Hyper-V cmdlets."""

from __future__ import annotations

from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P

_NAME_SET = frozenset({"Name"})
_VM_SET = frozenset({"VMObject"})

#: -ComputerName / -Credential / -CimSession: accepted and ignored (the cmdlet runs on the host).
REMOTE = (P("ComputerName", aliases=("PSComputerName",), sets=_NAME_SET),
          P("Credential", "object", sets=_NAME_SET), P("CimSession", "object", sets=_NAME_SET))

#: -Name (alias VMName) or -VM, both positional 0 and from the pipeline (Start-VM, Stop-VM...).
NAME_OR_VM = (P("Name", aliases=("VMName",), position=0, pipeline="value", sets=_NAME_SET),
              P("VM", "vm", position=0, pipeline="value", sets=_VM_SET)) + REMOTE

#: -VMName or -VM (Get-VMIntegrationService, Get-VMHardDiskDrive...).
VMNAME_OR_VM = (P("VMName", position=0, pipeline="property", sets=frozenset({"VMName"})),
                P("VM", "vm", position=0, pipeline="value", sets=_VM_SET)) + tuple(
    P(p.name, p.kind, p.aliases, sets=frozenset({"VMName"})) for p in REMOTE)

PASSTHRU = P("Passthru", "switch")
ASJOB = P("AsJob", "switch")
FORCE = P("Force", "switch")
