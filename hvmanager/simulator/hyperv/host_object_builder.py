"""Host-level objects: VMHost, ServiceController, CIM instances, optional features."""

from __future__ import annotations

from typing import Any

from psrpcore.types import PSInt, PSInt64, PSObject, PSUInt, PSUInt16, PSUInt64

from hvmanager.simulator.hyperv import enums as e
from hvmanager.simulator.hyperv.dotnet_object import (
    DotNetObject, array, collection, date_time, timespan)
from hvmanager.simulator.hyperv.host_info import HYPERV_FEATURES
from hvmanager.simulator.hyperv.sim_service import SimService

HV = "Microsoft.HyperV.PowerShell."
_SERVICE_TYPE_NAMES = ["System.ServiceProcess.ServiceController", "System.ComponentModel.Component",
                       "System.MarshalByRefObject", "System.Object"]
_CIM = "Microsoft.Management.Infrastructure.CimInstance"


class HostObjectBuilder:
    """Builds the host's own objects (call under the host lock)."""

    def __init__(self, host: Any) -> None:
        self._host = host

    def vm_host(self) -> PSObject:
        """``Get-VMHost``."""
        host, info = self._host, self._host.info
        fqdn = host.name if not info.part_of_domain else f"{host.name}.{info.domain}"
        obj = DotNetObject([HV + "VMHost", HV + "VirtualizationObject", "System.Object"],
                           f"VMHost (Name = '{host.name}')", reference=("vmhost",))
        p = obj.prop
        p("LogicalProcessorCount", PSInt(info.logical_processors))
        p("ResourceMeteringSaveInterval", timespan(3600))
        p("HostNumaStatus", array(HV + "VMHostNumaNode", ["Microsoft.HyperV.PowerShell.VMHostNumaNode"]))
        p("NumaStatus", array(HV + "VMNumaNodeStatus", []))
        p("IovSupport", False)
        p("IovSupportReasons", array("System.String", ["To use SR-IOV on this system, the system BIOS "
                                                       "must be updated to allow Windows to control "
                                                       "PCI Express. Contact your system manufacturer "
                                                       "for an update."]))
        p("InternalNetworkAdapters", collection("System.Collections.Generic.List`1[[Microsoft.HyperV."
                                                "PowerShell.VMInternalNetworkAdapter]]", []))
        p("ExternalNetworkAdapters", collection("System.Collections.Generic.List`1[[Microsoft.HyperV."
                                                "PowerShell.VMExternalNetworkAdapter]]", []))
        p("SupportedVmVersions", collection("System.Collections.ObjectModel.ReadOnlyCollection`1"
                                            "[[System.String]]", list(info.supported_vm_versions)))
        p("SecureBootTemplates", collection("System.Collections.ObjectModel.ReadOnlyCollection`1"
                                            "[[Microsoft.Virtualization.Client.Management."
                                            "SecureBootTemplate]]",
                                            ["MicrosoftWindows", "MicrosoftUEFICertificateAuthority",
                                             "OpenSourceShieldedVM"]))
        p("EnableEnhancedSessionMode", info.installation_type == "Client")
        p("FibreChannelWwnn", "C003FF0000FFFF00")
        p("FibreChannelWwpnMaximum", "C003FFEF3B0CFFFF")
        p("FibreChannelWwpnMinimum", "C003FFEF3B0C0000")
        p("MacAddressMaximum", "00155D3CFFFF")
        p("MacAddressMinimum", "00155D3C0000")
        p("NumaSpanningEnabled", True)
        p("VirtualHardDiskPath", info.virtual_hard_disk_path)
        p("VirtualMachinePath", info.virtual_machine_path)
        p("FullyQualifiedDomainName", fqdn)
        p("MemoryCapacity", PSInt64(info.memory_capacity))
        p("Name", host.name)
        p("MaximumStorageMigrations", PSUInt(2))
        p("MaximumVirtualMachineMigrations", PSUInt(2))
        p("UseAnyNetworkForMigration", False)
        p("VirtualMachineMigrationAuthenticationType", "CredSSP")
        p("VirtualMachineMigrationEnabled", False)
        p("VirtualMachineMigrationPerformanceOption", "TCPIP")
        p("CimSession", "CimSession: .")
        p("ComputerName", host.name)
        p("IsDeleted", False)
        return obj.build()

    def service(self, service: SimService, now: float) -> PSObject:
        """A ``System.ServiceProcess.ServiceController`` as Windows PowerShell 5.1 sends it."""
        host = self._host
        display = host.localisation.service_display_name(service.name)
        status = service.status(now)
        obj = DotNetObject(list(_SERVICE_TYPE_NAMES), "System.ServiceProcess.ServiceController",
                           reference=("service", service.name))
        p = obj.prop
        p("CanPauseAndContinue", False)
        p("CanShutdown", status == "Running")
        p("CanStop", status == "Running" and service.can_stop)
        p("DisplayName", display)
        p("DependentServices", array("System.ServiceProcess.ServiceController", []))
        p("MachineName", ".")
        p("ServiceName", service.name)
        p("ServicesDependedOn", array("System.ServiceProcess.ServiceController",
                                      ["System.ServiceProcess.ServiceController"] * len(service.depends_on)))
        p("ServiceHandle", None)
        p("Status", e.ServiceControllerStatus[status])
        p("ServiceType", e.ServiceType[service.service_type])
        p("StartType", e.ServiceStartMode[service.start_type])
        p("Site", None)
        p("Container", None)
        obj.alias("Name", service.name)
        obj.alias("RequiredServices", array("System.ServiceProcess.ServiceController", []))
        return obj.build()

    def cim(self, class_name: str, key: str, chain: list[str], props: list[tuple[str, Any]]) -> PSObject:
        """A CimInstance as Get-CimInstance sends it over remoting."""
        names = [f"{_CIM}#root/cimv2/{c}" for c in [class_name] + chain]
        obj = DotNetObject(names + [_CIM, "System.Object"], f"{class_name} ({key})",
                           reference=("cim", class_name))
        for name, value in props:
            obj.prop(name, value)
        return obj.build()

    def computer_system(self) -> PSObject:
        """``Win32_ComputerSystem``."""
        host, info = self._host, self._host.info
        return self.cim("Win32_ComputerSystem", f'Name = "{host.name}"',
                        ["CIM_UnitaryComputerSystem", "CIM_ComputerSystem", "CIM_System",
                         "CIM_LogicalElement", "CIM_ManagedSystemElement"], [
            ("Caption", host.name), ("Name", host.name), ("Domain", info.domain),
            ("DNSHostName", host.name), ("PartOfDomain", info.part_of_domain),
            ("Workgroup", None if info.part_of_domain else info.domain),
            ("Manufacturer", info.manufacturer), ("Model", info.model),
            ("NumberOfLogicalProcessors", PSUInt(info.logical_processors)),
            ("NumberOfProcessors", PSUInt(1)),
            ("TotalPhysicalMemory", PSUInt64(info.memory_capacity)),
            ("HypervisorPresent", info.hypervisor_present),
            ("SystemType", "x64-based PC"), ("PCSystemType", PSUInt16(4 if info.installation_type == "Server" else 2)),
        ])

    def processor(self) -> PSObject:
        """``Win32_Processor`` (one socket)."""
        info = self._host.info
        return self.cim("Win32_Processor", 'DeviceID = "CPU0"',
                        ["CIM_Processor", "CIM_LogicalDevice", "CIM_LogicalElement",
                         "CIM_ManagedSystemElement"], [
            ("Caption", "Intel64 Family 6 Model 106 Stepping 6"), ("DeviceID", "CPU0"),
            ("Name", info.processor_name), ("Manufacturer", "GenuineIntel"
                                            if "Intel" in info.processor_name else "AuthenticAMD"),
            ("NumberOfCores", PSUInt(max(1, info.logical_processors // 2))),
            ("NumberOfLogicalProcessors", PSUInt(info.logical_processors)),
            ("MaxClockSpeed", PSUInt(2400)), ("Architecture", PSUInt16(9)),
            ("VirtualizationFirmwareEnabled", info.virtualization_firmware_enabled),
            ("VMMonitorModeExtensions", info.vm_monitor_mode_extensions),
            ("SecondLevelAddressTranslationExtensions", info.second_level_address_translation),
        ])

    def operating_system(self) -> PSObject:
        """``Win32_OperatingSystem``."""
        host, info = self._host, self._host.info
        key = f'Name = "{info.caption}|C:\\Windows|\\Device\\Harddisk0\\Partition2"'
        return self.cim("Win32_OperatingSystem", key, ["CIM_OperatingSystem", "CIM_LogicalElement",
                                           "CIM_ManagedSystemElement"], [
            ("Caption", info.caption), ("Version", info.version), ("BuildNumber", info.build),
            ("OperatingSystemSKU", PSUInt(info.operating_system_sku)),
            ("ProductType", PSUInt(3 if info.installation_type == "Server" else 1)),
            ("OSArchitecture", "64-bit" if not host.localisation.is_german else "64-Bit"),
            ("CSName", host.name), ("Locale", "0407" if host.localisation.is_german else "0409"),
            ("OSLanguage", PSUInt(1031 if host.localisation.is_german else 1033)),
            ("MUILanguages", array("System.String", [host.locale])),
            ("LastBootUpTime", date_time(host.boot_time)),
            ("TotalVisibleMemorySize", PSUInt64(info.memory_capacity // 1024)),
            ("FreePhysicalMemory", PSUInt64(max(0, host.free_memory()) // 1024)),
            ("SystemDirectory", "C:\\Windows\\system32"), ("WindowsDirectory", "C:\\Windows"),
        ])

    def feature(self, feature_name: str, advanced: bool) -> PSObject:
        """A ``Get-WindowsOptionalFeature`` result for one Hyper-V feature."""
        info = self._host.info
        display, description = next((d, t) for n, d, t in HYPERV_FEATURES if n == feature_name)
        state = e.FeatureState.Enabled if info.features.get(feature_name) else e.FeatureState.Disabled
        kind = "AdvancedFeatureObject" if advanced else "BasicFeatureObject"
        obj = DotNetObject([f"Microsoft.Dism.Commands.{kind}", "Microsoft.Dism.Commands.BaseDismObject",
                            "System.Object"], f"Microsoft.Dism.Commands.{kind}",
                           reference=("feature", feature_name))
        p = obj.prop
        p("FeatureName", feature_name)
        p("State", state)
        if advanced:
            p("DisplayName", display)
            p("Description", description)
            p("RestartRequired", "Possible")
            p("CustomProperties", array("Microsoft.Dism.Commands.FeatureCustomProperty", []))
        p("Path", None)
        p("Online", True)
        p("WinPath", None)
        p("SysDrivePath", None)
        p("RestartNeeded", False)
        p("LogPath", "C:\\Windows\\Logs\\DISM\\dism.log")
        p("ScratchDirectory", None)
        p("LogLevel", "WarningsInfo")
        return obj.build()
