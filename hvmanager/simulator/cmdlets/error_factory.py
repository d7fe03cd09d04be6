"""The error records a Windows host writes, with their real ids, categories and texts."""

from __future__ import annotations

from typing import Any

from hvmanager.simulator.engine_api import SimError

_VIRT = ("Microsoft.HyperV.PowerShell.VirtualizationException", "System.Exception", "System.Object")
_BINDING = ("System.Management.Automation.ParameterBindingException",
            "System.Management.Automation.RuntimeException", "System.SystemException",
            "System.Exception", "System.Object")
_HV_COMMANDS = "Microsoft.HyperV.PowerShell.Commands."


class ErrorFactory:
    """Builds ``SimError``s for one cmdlet (``class_name`` is its .NET command class)."""

    def __init__(self, command_name: str, class_name: str) -> None:
        self.command_name = command_name
        self.class_name = class_name

    def _id(self, prefix: str) -> str:
        return f"{prefix},{self.class_name}"

    # -- Hyper-V ----------------------------------------------------------------------
    def vmms_stopped(self, computer: str) -> SimError:
        """Every Hyper-V cmdlet while vmms is stopped."""
        return SimError(
            message=(f"Hyper-V encountered an error trying to access an object on computer "
                     f"'{computer}' because the object was not found. The object might have been "
                     f"deleted. Verify that the Virtual Machine Management service on the "
                     f"computer is running."),
            fully_qualified_error_id=self._id("ObjectNotFound"), category="ObjectNotFound",
            exception_types=_VIRT, command_name=self.command_name)

    def vm_not_found(self, name: str) -> SimError:
        """Get-VM -Name (without wildcards) that matches no VM: an InvalidArgument record."""
        return SimError(
            message=f'Hyper-V was unable to find a virtual machine with name "{name}".',
            fully_qualified_error_id=self._id("InvalidParameter"), category="InvalidArgument",
            target_name=name, target_object=name, exception_types=_VIRT,
            command_name=self.command_name)

    def vm_name_unresolved(self, name: str) -> SimError:
        """Any other cmdlet's -Name/-VMName that matches no VM: an ObjectNotFound record.

        The module resolves names with ErrorDisplayMode.WriteError here (Get-VM uses the
        other mode, which writes the InvalidArgument record above).
        """
        return SimError(
            message=f'Hyper-V was unable to find a virtual machine with name "{name}".',
            fully_qualified_error_id=self._id("ObjectNotFound"), category="ObjectNotFound",
            exception_types=_VIRT, command_name=self.command_name)

    def vm_id_not_found(self, vm_id: str) -> SimError:
        """Get-VM -Id with an id no VM has [unverified message text]."""
        return SimError(
            message=f'Hyper-V was unable to find a virtual machine with id "{vm_id}".',
            fully_qualified_error_id=self._id("ObjectNotFound"), category="ObjectNotFound",
            exception_types=_VIRT, command_name=self.command_name)

    def invalid_state(self, vm_name: str, target: Any) -> SimError:
        """An action the VM's current state does not allow."""
        return SimError(
            message="The operation cannot be performed while the object is in its current state.",
            fully_qualified_error_id=self._id("InvalidState"), category="InvalidOperation",
            target_name=vm_name, target_object=target, exception_types=_VIRT,
            command_name=self.command_name)

    def out_of_memory(self, vm_name: str, vm_id: str, startup_mb: int, target: Any) -> SimError:
        """Start-VM when the host cannot give the VM its startup memory."""
        upper = vm_id.upper()
        return SimError(
            message=(f"'{vm_name}' failed to start.\n"
                     f"Not enough memory in the system to start the virtual machine {vm_name}.\n"
                     f"'{vm_name}' failed to start. (Virtual machine ID {upper})\n"
                     f"Not enough memory in the system to start the virtual machine '{vm_name}' "
                     f"with ram size {startup_mb} megabytes. (Virtual machine ID {upper})"),
            # The module maps WMI's "out of memory" (32778) to ErrorCategory.FromStdErr.
            fully_qualified_error_id=self._id("OutOfMemory"), category="FromStdErr",
            target_name=vm_name, target_object=target, exception_types=_VIRT,
            command_name=self.command_name)

    def operation_failed(self, message: str) -> SimError:
        """The module's CreateOperationFailedException (category InvalidOperation)."""
        return SimError(message=message, fully_qualified_error_id=self._id("OperationFailed"),
                        category="InvalidOperation", exception_types=_VIRT,
                        command_name=self.command_name)

    def object_gone(self, computer: str) -> SimError:
        """The VM was deleted between Get-VM and the action."""
        return self.vmms_stopped(computer)

    def prompt_refused(self, prompt: str) -> SimError:
        """ShouldContinue on a host without a user interface (pypsrp sends no host)."""
        return SimError(
            message=("A command that prompts the user failed because the host program or the "
                     "command type does not support user interaction. The host was attempting "
                     f"to request confirmation with the following message: {prompt}"),
            fully_qualified_error_id=self._id("HostFunctionNotImplemented"),
            category="NotImplemented",
            exception_types=("System.Management.Automation.Host.HostException",
                             "System.Management.Automation.RuntimeException",
                             "System.SystemException", "System.Exception", "System.Object"),
            command_name=self.command_name)

    def invalid_argument(self, message: str, target: Any = None) -> SimError:
        """A Hyper-V argument error (e.g. -Save together with -TurnOff)."""
        return SimError(message=message, fully_qualified_error_id=self._id("InvalidParameter"),
                        category="InvalidArgument", target_object=target,
                        exception_types=_VIRT, command_name=self.command_name)

    # -- parameter binding (terminating) ------------------------------------------------
    def _binding(self, prefix: str, message: str, category: str = "InvalidArgument",
                 target: Any = None) -> SimError:
        return SimError(message=message, fully_qualified_error_id=self._id(prefix),
                        category=category, exception_types=_BINDING, target_object=target,
                        command_name=self.command_name)

    def named_parameter_not_found(self, name: str) -> SimError:
        """``-Id`` on a cmdlet that has no such parameter."""
        return self._binding("NamedParameterNotFound",
                             f"A parameter cannot be found that matches parameter name '{name}'.")

    def ambiguous_parameter(self, name: str, matches: list[str]) -> SimError:
        """A prefix that matches several parameters."""
        options = " ".join("-" + m for m in matches)
        return self._binding("AmbiguousParameter",
                             f"Parameter cannot be processed because the parameter name '{name}' "
                             f"is ambiguous. Possible matches include: {options}.")

    def positional_not_found(self, value: Any) -> SimError:
        """A positional argument no parameter takes."""
        return self._binding("PositionalParameterNotFound",
                             f"A positional parameter cannot be found that accepts argument "
                             f"'{value}'.")

    def ambiguous_set(self) -> SimError:
        """Parameters from different parameter sets."""
        return self._binding("AmbiguousParameterSet",
                             "Parameter set cannot be resolved using the specified named parameters.")

    def missing_mandatory(self, names: list[str]) -> SimError:
        """A mandatory parameter without value on a host that cannot prompt."""
        return self._binding("MissingMandatoryParameter",
                             "Cannot process command because of one or more missing mandatory "
                             f"parameters: {' '.join(names)}.")

    def missing_argument(self, name: str, type_name: str) -> SimError:
        """``-Name`` given without a value."""
        return self._binding("MissingArgument",
                             f"Missing an argument for parameter '{name}'. Specify a parameter of "
                             f"type '{type_name}' and try again.")

    def input_not_bound(self, value: Any) -> SimError:
        """A pipeline object no parameter accepts (non-terminating, per object)."""
        return self._binding("InputObjectNotBound",
                             "The input object cannot be bound to any parameters for the command "
                             "either because the command does not take pipeline input or the "
                             "input and its properties do not match any of the parameters that "
                             "take pipeline input.", target=value)

    def bad_argument(self, name: str, value: Any, type_name: str, detail: str) -> SimError:
        """A value that does not convert to the parameter's type."""
        return self._binding(
            "CannotConvertArgumentNoMessage",
            f"Cannot bind parameter '{name}'. Cannot convert value \"{value}\" to type "
            f"\"{type_name}\". Error: \"{detail}\"", target=value)


def hyperv_class(cmdlet_class: str) -> str:
    """The full .NET class name of a Hyper-V cmdlet class (``StartVM``)."""
    return _HV_COMMANDS + cmdlet_class
