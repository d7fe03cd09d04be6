"""A small PipelineRunner for the protocol tests, independent of the real cmdlet engine.

It emits psrpcore objects and SimErrors, honours ``cancel`` cooperatively and the
model's ``cmdlet_delay_s``, so the WinRM/stdio layers can be tested on their own.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from psrpcore.types import PSObject, add_note_property

from hvmanager.simulator.engine_api import CommandInvocation, SimError, TerminatingError
from hvmanager.simulator.host_backend import HostBackend
from hvmanager.simulator.host_spec import HostSpec


class ToyHost:
    """Stands in for SimHost: a name, a delay knob and a restart counter."""

    def __init__(self, name: str, vm_count: int) -> None:
        self.name = name
        self.vm_count = vm_count
        self.cmdlet_delay_s = 0.0
        self.restarts = 0
        self.cancelled = threading.Event()

    def restart(self) -> None:
        self.restarts += 1


def toy_vm(host: str, index: int) -> PSObject:
    """A VM-shaped object with the .NET type names a host sends."""
    obj = PSObject()
    obj.PSObject.type_names = ["Microsoft.HyperV.PowerShell.VirtualMachine",
                               "Microsoft.HyperV.PowerShell.VirtualMachineBase", "System.Object"]
    add_note_property(obj, "Name", f"{host}-vm{index:03d}")
    add_note_property(obj, "Index", index)
    add_note_property(obj, "Notes", "x" * 200)
    return obj


class ToyRunner:
    """Commands: Get-Toy [-Count n] [-Fail], Echo (pipeline input), Throw, Wait-Forever, Write-Toy -Size n."""

    def __init__(self, host: ToyHost) -> None:
        self.host = host

    def run(self, commands: list[CommandInvocation], input_objects: list[Any], cancel: threading.Event,
            emit_output: Callable[[Any], None], emit_error: Callable[[SimError], None]) -> None:
        if self.host.cmdlet_delay_s and cancel.wait(self.host.cmdlet_delay_s):
            self.host.cancelled.set()
            return
        command = commands[0]
        params = {name: value for name, value in command.parameters}
        if command.is_script:
            raise TerminatingError(SimError("Scripts are not supported.", "ScriptsNotSupported",
                                            "InvalidOperation", command_name=""))
        if command.name == "Get-Toy":
            for index in range(int(params.get("Count", 3))):
                emit_output(toy_vm(self.host.name, index))
            if "Fail" in params:
                emit_error(SimError(
                    message='Hyper-V was unable to find a virtual machine with name "nope".',
                    fully_qualified_error_id="InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM",
                    category="InvalidArgument",
                    target_object="nope",
                    exception_types=("Microsoft.HyperV.PowerShell.VirtualizationException", "System.Exception",
                                     "System.Object"),
                    command_name="Get-VM",
                ))
        elif command.name == "Echo":
            for value in input_objects:
                emit_output(value)
        elif command.name == "Throw":
            raise TerminatingError(SimError("The operation cannot be performed while the object is in its "
                                            "current state.", "InvalidState,Microsoft.HyperV.PowerShell."
                                            "Commands.StartVM", "InvalidOperation", command_name="Start-VM"))
        elif command.name == "Wait-Forever":
            while not cancel.wait(0.02):
                pass
            self.host.cancelled.set()
        elif command.name == "Write-Toy":
            emit_output("y" * int(params.get("Size", 10)))
        else:
            raise TerminatingError(SimError(
                f"The term '{command.name}' is not recognized as the name of a cmdlet.",
                "CommandNotFoundException", "ObjectNotFound",
                exception_types=("System.Management.Automation.CommandNotFoundException",
                                 "System.Management.Automation.RuntimeException", "System.Exception",
                                 "System.Object")))


def toy_backend(spec: HostSpec, seed: int, time_scale: float) -> HostBackend:
    """A BackendFactory for ``Lab(backend=...)``."""
    host = ToyHost(spec.name, spec.vm_count)
    return HostBackend(host, ToyRunner(host))
