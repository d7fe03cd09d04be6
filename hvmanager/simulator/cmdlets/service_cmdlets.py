"""Get-Service, Start-Service, Stop-Service, Restart-Service (Windows PowerShell 5.1).

Stopping ``vmms`` really stops Hyper-V on the host: every Hyper-V cmdlet then fails with
ObjectNotFound until ``Start-Service vmms``. Running VMs keep running (their worker
processes do not depend on vmms), as on a real host.
"""

from __future__ import annotations

from typing import Any, Iterable

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters, reference
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.engine_api import SimError
from hvmanager.simulator.hyperv.sim_service import SimService

_COMMANDS = "Microsoft.PowerShell.Commands."
_SERVICE_EXCEPTION = ("Microsoft.PowerShell.Commands.ServiceCommandException", "System.SystemException",
                      "System.Exception", "System.Object")


def _params(*extra: P) -> tuple[P, ...]:
    return (
        P("Name", aliases=("ServiceName",), position=0, pipeline="both", sets=frozenset({"Default"})),
        P("DisplayName", sets=frozenset({"DisplayName"})),
        P("InputObject", "service", position=0, pipeline="value", sets=frozenset({"InputObject"})),
        P("Include"), P("Exclude"), P("PassThru", "switch"),
    ) + extra


class ServiceCmdlet(Cmdlet):
    """Finds services by -Name / -DisplayName (wildcards) or -InputObject."""

    def services(self, bound: BoundParameters) -> list[SimService]:
        """The target services; a literal name without match writes NoServiceFoundForGivenName."""
        host = self.host
        if "InputObject" in bound:
            found = []
            for value in bound.get("InputObject"):
                ref = reference(value)
                service = host.service(ref[1]) if ref else None
                if service is not None:
                    found.append(service)
            return found
        if "DisplayName" in bound:
            return self._match(bound.get("DisplayName"), lambda s: host.localisation.service_display_name(s.name),
                               "display name", "NoServiceFoundForGivenDisplayName")
        if "Name" in bound:
            return self._match(bound.get("Name"), lambda s: s.name, "service name",
                               "NoServiceFoundForGivenName")
        return list(host.services)

    def _match(self, patterns: list[Any], key: Any, what: str, error_id: str) -> list[SimService]:
        found: list[SimService] = []
        for raw in patterns:
            text = PSValue(self.host.locale).text(raw)
            regex = PSValue.wildcard(text)
            matches = [s for s in self.host.services if regex.match(key(s))]
            if not matches and not PSValue.has_wildcard(text):
                self.write_error(self._not_found(text, what, error_id))
            found.extend(s for s in matches if s not in found)
        return found

    def _not_found(self, name: str, what: str, error_id: str) -> SimError:
        return SimError(message=f"Cannot find any service with {what} '{name}'.",
                        fully_qualified_error_id=f"{error_id},{self.spec.class_name}",
                        category="ObjectNotFound", target_name=name, target_object=name,
                        exception_types=_SERVICE_EXCEPTION, command_name=self.spec.name)

    def service_object(self, service: SimService) -> Any:
        """The ServiceController as it looks now."""
        with self.host.lock:
            return self.context.host_objects.service(service, self.host.now())

    def set_running(self, service: SimService, running: bool) -> None:
        """Start or stop one service and wait until it got there."""
        if self.bound.switch("WhatIf"):
            return
        self.context.wait_until(self.host.set_service_running(service.name, running))


class GetService(ServiceCmdlet):
    """Get-Service [[-Name] <string[]>]."""

    spec = CmdletSpec("Get-Service", _COMMANDS + "GetServiceCommand", _params(
        P("ComputerName", aliases=("Cn",)), P("DependentServices", "switch"),
        P("RequiredServices", "switch", aliases=("SDO", "ServicesDependedOn"))),
        default_set="Default")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        return [self.service_object(s) for s in self.services(bound)]


class StartService(ServiceCmdlet):
    """Start-Service."""

    spec = CmdletSpec("Start-Service", _COMMANDS + "StartServiceCommand", _params(),
                      should_process=True, required_one_of=("Name", "DisplayName", "InputObject"),
                      default_set="Default")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        for service in self.services(bound):
            self.set_running(service, True)
            if self.bound.switch("PassThru"):
                yield self.service_object(service)


class StopService(ServiceCmdlet):
    """Stop-Service [-Force] [-NoWait]."""

    spec = CmdletSpec("Stop-Service", _COMMANDS + "StopServiceCommand",
                      _params(P("Force", "switch"), P("NoWait", "switch")), should_process=True,
                      required_one_of=("Name", "DisplayName", "InputObject"), default_set="Default")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        for service in self.services(bound):
            self.set_running(service, False)
            if self.bound.switch("PassThru"):
                yield self.service_object(service)


class RestartService(ServiceCmdlet):
    """Restart-Service [-Force]: stop, then start."""

    spec = CmdletSpec("Restart-Service", _COMMANDS + "RestartServiceCommand",
                      _params(P("Force", "switch")), should_process=True,
                      required_one_of=("Name", "DisplayName", "InputObject"), default_set="Default")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        for service in self.services(bound):
            self.set_running(service, False)
            self.set_running(service, True)
            if self.bound.switch("PassThru"):
                yield self.service_object(service)


CMDLETS = [GetService, StartService, StopService, RestartService]
