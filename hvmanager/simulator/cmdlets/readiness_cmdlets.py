"""Host readiness: Get-CimInstance, Get-WindowsOptionalFeature, Get-ItemProperty, Get-ComputerInfo.

For the Windows edition a real host answers both ``Get-ComputerInfo -Property
WindowsEditionId`` (slow: it gathers everything first) and the registry value
``Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' -Name EditionID``
(fast; what Get-ComputerInfo reads). Both are simulated; the registry form is the one to use.
"""

from __future__ import annotations

from typing import Any, Iterable

from psrpcore.types import PSUInt

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.engine_api import SimError
from hvmanager.simulator.hyperv.dotnet_object import add_property
from hvmanager.simulator.hyperv.host_info import HYPERV_FEATURES
from hvmanager.simulator.hyperv.sim_ps_object import SimPSObject

_CURRENT_VERSION = "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"
_REGISTRY = "Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT"


class GetCimInstance(Cmdlet):
    """Get-CimInstance [-ClassName] Win32_ComputerSystem|Win32_Processor|Win32_OperatingSystem."""

    spec = CmdletSpec("Get-CimInstance", "Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand", (
        P("ClassName", position=0, many=False), P("Namespace", many=False), P("Filter", many=False),
        P("Property"), P("ComputerName"), P("CimSession", "object"), P("KeyOnly", "switch"),
        P("OperationTimeoutSec", "int", many=False)), required_one_of=("ClassName",))

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        name = str(bound.get("ClassName", ""))
        builders = {"win32_computersystem": self.context.host_objects.computer_system,
                    "win32_processor": self.context.host_objects.processor,
                    "win32_operatingsystem": self.context.host_objects.operating_system}
        builder = builders.get(name.lower())
        if builder is None:
            self.write_error(SimError(
                message="Invalid class ",
                fully_qualified_error_id="HRESULT 0x80041010,Microsoft.Management.Infrastructure."
                                         "CimCmdlets.GetCimInstanceCommand",
                category="MetadataError", target_name=name, target_object=name,
                exception_types=("Microsoft.Management.Infrastructure.CimException",
                                 "System.Exception", "System.Object"),
                command_name="Get-CimInstance"))
            return []
        with self.host.lock:
            return [builder()]


class GetWindowsOptionalFeature(Cmdlet):
    """Get-WindowsOptionalFeature -Online [-FeatureName <string>] (wildcards)."""

    spec = CmdletSpec("Get-WindowsOptionalFeature", "Microsoft.Dism.Commands.GetWindowsOptionalFeatureCommand", (
        P("Online", "switch"), P("FeatureName", many=False), P("PackageName", many=False),
        P("Path", many=False), P("LogPath", many=False)))

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        name = bound.get("FeatureName")
        names = [n for n, _, _ in HYPERV_FEATURES]
        if name is not None:
            pattern = PSValue.wildcard(str(name))
            names = [n for n in names if pattern.match(n)]
        with self.host.lock:
            return [self.context.host_objects.feature(n, advanced=name is not None) for n in names]


class GetItemProperty(Cmdlet):
    """Get-ItemProperty of the CurrentVersion key (EditionID, ProductName, CurrentBuild...)."""

    spec = CmdletSpec("Get-ItemProperty", "Microsoft.PowerShell.Commands.GetItemPropertyCommand", (
        P("Path", position=0, pipeline="property", aliases=("PSPath", "LiteralPath")),
        P("Name", position=1)), required_one_of=("Path",))

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        path = str(bound.get("Path")[0])
        normalised = path.replace("HKEY_LOCAL_MACHINE", "HKLM:").replace("HKLM:\\\\", "HKLM:\\").rstrip("\\")
        if normalised.lower() != _CURRENT_VERSION.lower():
            self.write_error(SimError(
                message=f"Cannot find path '{path}' because it does not exist.",
                fully_qualified_error_id="PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand",
                category="ObjectNotFound", target_name=path, target_object=path,
                exception_types=("System.Management.Automation.ItemNotFoundException",
                                 "System.Management.Automation.SessionStateException",
                                 "System.Management.Automation.RuntimeException",
                                 "System.SystemException", "System.Exception", "System.Object"),
                command_name="Get-ItemProperty"))
            return []
        info = self.host.info
        values = [("ProductName", info.product_name), ("EditionID", info.edition_id),
                  ("InstallationType", info.installation_type), ("CurrentBuild", info.build),
                  ("CurrentBuildNumber", info.build), ("DisplayVersion", info.display_version),
                  ("CurrentMajorVersionNumber", PSUInt(10)), ("CurrentMinorVersionNumber", PSUInt(0))]
        wanted = [str(n).lower() for n in bound.get("Name", [])]
        obj = SimPSObject()
        obj.PSObject.type_names = ["System.Management.Automation.PSCustomObject", "System.Object"]
        for key, value in values:
            if not wanted or key.lower() in wanted:
                add_property(obj, key, value)
        for key, value in (("PSPath", f"{_REGISTRY}\\CurrentVersion"), ("PSParentPath", _REGISTRY),
                           ("PSChildName", "CurrentVersion"), ("PSDrive", "HKLM"),
                           ("PSProvider", "Microsoft.PowerShell.Core\\Registry")):
            add_property(obj, key, value)
        return [obj]


class GetComputerInfo(Cmdlet):
    """Get-ComputerInfo [-Property <string[]>] (a few of its properties)."""

    spec = CmdletSpec("Get-ComputerInfo", "Microsoft.PowerShell.Commands.GetComputerInfoCommand", (
        P("Property", position=0),))

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        host, info = self.host, self.host.info
        values = [("WindowsEditionId", info.edition_id), ("WindowsInstallationType", info.installation_type),
                  ("WindowsProductName", info.product_name), ("WindowsVersion", "2009"),
                  ("OsName", info.caption), ("OsVersion", info.version), ("CsName", host.name),
                  ("CsDomain", info.domain), ("HyperVisorPresent", info.hypervisor_present),
                  ("HyperVRequirementVirtualizationFirmwareEnabled", None if info.hypervisor_present
                   else info.virtualization_firmware_enabled)]
        patterns = [PSValue.wildcard(str(p)) for p in bound.get("Property", [])]
        obj = SimPSObject()
        if patterns:
            obj.PSObject.type_names = ["System.Management.Automation.PSCustomObject", "System.Object"]
        else:
            obj.PSObject.type_names = ["Microsoft.PowerShell.Commands.ComputerInfo", "System.Object"]
        for key, value in values:
            if not patterns or any(p.match(key) for p in patterns):
                add_property(obj, key, value, extended=bool(patterns))
        return [obj]


CMDLETS = [GetCimInstance, GetWindowsOptionalFeature, GetItemProperty, GetComputerInfo]
