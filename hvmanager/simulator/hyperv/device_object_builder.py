"""Objects for a VM's devices: hard drives, network adapters, integration services."""

from __future__ import annotations

import uuid
from typing import Any

from psrpcore.types import PSInt, PSObject, PSUInt

from hvmanager.simulator.hyperv import enums as e
from hvmanager.simulator.hyperv.dotnet_object import DotNetObject, array
from hvmanager.simulator.hyperv.localisation import GUEST_SERVICE, HEARTBEAT, KVP, SHUTDOWN
from hvmanager.simulator.hyperv.sim_disk import SimDisk
from hvmanager.simulator.hyperv.sim_network_adapter import SimNetworkAdapter
from hvmanager.simulator.hyperv.sim_vm import SimVM

HV = "Microsoft.HyperV.PowerShell."
_COMPONENT = [HV + "VMComponentObject", HV + "VirtualizationObject", "System.Object"]
#: The module creates a subclass for three integration services (VMIntegrationComponent.
#: CreateIntegrationComponent); Heartbeat, Time Synchronization and VSS are the base class.
_IC_CLASSES = {SHUTDOWN: "ShutdownComponent", KVP: "DataExchangeComponent",
               GUEST_SERVICE: "GuestServiceInterfaceComponent"}


def component_text(type_name: str, name: str, vm: SimVM) -> str:
    """VirtualizationObject.ToString of a VM's device: its friendly names, then its VM's id."""
    return f"{type_name} (Name = '{name}', VMName = '{vm.name}') [VMId = '{vm.vm_id}']"


def integration_service_type(guid: str) -> str:
    """The .NET class of one integration service object."""
    return _IC_CLASSES.get(guid.upper(), "VMIntegrationComponent")
_IC_STATUS = e.VMIntegrationComponentOperationalStatus
_EMPTY_GUID = uuid.UUID(int=0)


class DeviceObjectBuilder:
    """Builds device objects for one host (call under the host lock)."""

    def __init__(self, host: Any) -> None:
        self._host = host

    def _owner(self, obj: DotNetObject, vm: SimVM) -> None:
        obj.prop("VMId", vm.vm_id)
        obj.prop("VMName", vm.name)
        obj.prop("VMSnapshotId", _EMPTY_GUID)
        obj.prop("VMSnapshotName", "")
        obj.prop("CimSession", "CimSession: .")
        obj.prop("ComputerName", self._host.name)
        obj.prop("IsDeleted", False)

    def disk(self, vm: SimVM, disk: SimDisk) -> PSObject:
        """A ``HardDiskDrive``."""
        obj = DotNetObject([HV + "HardDiskDrive", HV + "Drive", HV + "VMDevice"] + _COMPONENT,
                           component_text("HardDiskDrive", disk.name, vm), reference=("disk", vm.vm_id))
        p = obj.prop
        p("Path", disk.path)
        p("DiskNumber", None if disk.disk_number is None else PSInt(disk.disk_number))
        p("MaximumIOPS", None)
        p("MinimumIOPS", None)
        p("QoSPolicyID", None)
        p("SupportPersistentReservations", False)
        p("WriteHardeningMethod", None)
        p("ControllerLocation", PSInt(disk.controller_location))
        p("ControllerNumber", PSInt(disk.controller_number))
        p("ControllerType", e.ControllerType[disk.controller_type])
        p("Name", disk.name)
        p("PoolName", "Primordial")
        kind = "83F8638B-8DCA-4152-9EDA-2CA8B33039B4" if disk.controller_type == "IDE" \
            else "D422512D-2BF2-4752-809D-7B82B5FCB1B4"
        p("Id", f"Microsoft:{str(vm.vm_id).upper()}\\{kind}\\{disk.controller_number}"
                f"\\{disk.controller_location}\\D")
        self._owner(obj, vm)
        return obj.build()

    def network_adapter(self, vm: SimVM, adapter: SimNetworkAdapter, now: float) -> PSObject:
        """A ``VMNetworkAdapter``; IPAddresses only while the guest reports them."""
        obj = DotNetObject([HV + "VMNetworkAdapter", HV + "VMNetworkAdapterBase", HV + "VMDevice"]
                           + _COMPONENT, component_text("VMNetworkAdapter", adapter.name, vm),
                           reference=("adapter", vm.vm_id))
        running = vm.guest_up(now)
        p = obj.prop
        p("ClusterMonitored", True)
        p("MacAddress", adapter.mac_address)
        p("MediaType", PSUInt(0))
        p("DynamicMacAddressEnabled", adapter.dynamic_mac)
        p("InterruptModeration", True)
        p("AllowPacketDirect", False)
        p("NumaAwarePlacement", False)
        p("IsLegacy", adapter.is_legacy)
        p("IsSynthetic", not adapter.is_legacy)
        p("IPAddresses", array("System.String", list(vm.ip_addresses(adapter, now))))
        p("DeviceNaming", "Off")
        p("PoolName", "")
        p("Connected", adapter.connected)
        p("SwitchName", adapter.switch_name)
        p("AdapterId", str(adapter.adapter_id).upper())
        p("StatusDescription", array("System.String", ["OK"] if running else []))
        p("Status", array(HV + "VMNetworkAdapterOperationalStatus", ["Ok"] if running else []))
        p("IsManagementOs", False)
        p("IsExternalAdapter", False)
        p("Id", f"Microsoft:{str(vm.vm_id).upper()}\\{str(adapter.adapter_id).upper()}")
        p("SwitchId", adapter.switch_id)
        p("Name", adapter.name)
        self._owner(obj, vm)
        return obj.build()

    def integration_service_name(self, guid: str) -> str:
        """The translated name of one integration service."""
        return self._host.localisation.integration_service_name(guid)

    def integration_services(self, vm: SimVM, now: float) -> list[PSObject]:
        """The six ``VMIntegrationComponent`` objects, statuses following the VM's state."""
        return [self.integration_service(vm, guid, now) for guid in vm.ic_enabled]

    def integration_service(self, vm: SimVM, guid: str, now: float) -> PSObject:
        """One ``VMIntegrationComponent``; statuses are null while the VM is Off."""
        loc = self._host.localisation
        name = loc.integration_service_name(guid)
        enabled = vm.ic_enabled[guid]
        off = vm.state(now) == e.VMState.Off
        kind = integration_service_type(guid)
        names = ([HV + kind] if kind != "VMIntegrationComponent" else []) + \
            [HV + "VMIntegrationComponent", HV + "VMDevice"] + _COMPONENT
        obj = DotNetObject(names, component_text(kind, name, vm), reference=("ic", vm.vm_id, guid))
        if off:
            primary = secondary = None
            primary_text = secondary_text = None
            statuses: list[str] = []
        elif vm.guest_up(now):
            primary, primary_text = _IC_STATUS.Ok, loc.text("ic_ok")
            heartbeat = guid == HEARTBEAT and enabled
            secondary = _IC_STATUS.Ok if heartbeat else None
            secondary_text = loc.text("ic_ok") if heartbeat else None
            statuses = ["Ok", "Ok"] if heartbeat else ["Ok"]
        else:
            primary, primary_text = _IC_STATUS.NoContact, loc.text("ic_no_contact")
            secondary = secondary_text = None
            statuses = ["NoContact"]
        p = obj.prop
        p("Enabled", enabled)
        p("OperationalStatus", None if off else array(
            HV + "VMIntegrationComponentOperationalStatus", statuses))
        p("PrimaryOperationalStatus", primary)
        p("PrimaryStatusDescription", primary_text)
        p("SecondaryOperationalStatus", secondary)
        p("SecondaryStatusDescription", secondary_text)
        p("StatusDescription", None if off else array(
            "System.String", [t for t in (primary_text, secondary_text) if t]))
        if kind == "DataExchangeComponent":
            p("IsClustered", False)
        p("Name", name)
        p("Id", f"Microsoft:{str(vm.vm_id).upper()}\\{guid}")
        self._owner(obj, vm)
        return obj.build()
