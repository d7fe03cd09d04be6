"""Get-VM, Get-VMSnapshot, Get-VMHardDiskDrive, Get-VMNetworkAdapter, Get-VMHost."""

from __future__ import annotations

from typing import Any, Iterable

from hvmanager.simulator.cmdlets.cmdlet import Cmdlet
from hvmanager.simulator.cmdlets.error_factory import hyperv_class
from hvmanager.simulator.cmdlets.hyperv_parameters import REMOTE, VMNAME_OR_VM
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.parameter_spec import ParameterSpec as P
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.cmdlets.vm_resolver import VmResolver


class GetVM(Cmdlet):
    """Get-VM [[-Name] <string[]>] | -Id <guid[]>."""

    hyperv = True
    spec = CmdletSpec("Get-VM", hyperv_class("GetVM"), (
        P("Name", aliases=("VMName",), position=0, pipeline="value", sets=frozenset({"Name"})),
        # A single Guid, positional and from the pipeline by value and by property name.
        P("Id", "guid", position=0, pipeline="both", sets=frozenset({"Id"}), many=False),
        P("ClusterObject", "object", sets=frozenset({"ClusterObject"})),
    ) + tuple(P(p.name, p.kind, p.aliases) for p in REMOTE), default_set="Name")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return []
        resolver = VmResolver(self)
        if "Id" in bound:
            vms = resolver.by_ids([bound.get("Id")])
        else:
            vms = resolver.resolve(bound, name_params=("Name",))
        with self.host.lock:
            now = self.host.now()
            return [self.context.vms.build(vm, now) for vm in vms]


class GetVMSnapshot(Cmdlet):
    """Get-VMSnapshot [-VMName] <string[]> | -VM <VirtualMachine[]> [[-Name] <string>]."""

    hyperv = True
    spec = CmdletSpec("Get-VMSnapshot", hyperv_class("GetVMSnapshot"), VMNAME_OR_VM + (
        P("Name", position=1, many=False),
        P("SnapshotType", many=False),
    ), required_one_of=("VMName", "VM"), default_set="VMName")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return []
        vms = VmResolver(self).resolve(bound, name_params=("VMName",))
        name = bound.get("Name")
        pattern = PSValue.wildcard(name) if name is not None else None
        kind = bound.get("SnapshotType")
        out = []
        with self.host.lock:
            for vm in vms:
                for checkpoint in vm.checkpoints:
                    if pattern and not pattern.match(checkpoint.name):
                        continue
                    if kind and str(kind).lower() != checkpoint.snapshot_type.lower():
                        continue
                    out.append(self.context.snapshots.build(vm, checkpoint))
        return out


class GetVMHardDiskDrive(Cmdlet):
    """Get-VMHardDiskDrive [-VMName] <string[]> | -VM <VirtualMachine[]> [-ControllerType ...]."""

    hyperv = True
    spec = CmdletSpec("Get-VMHardDiskDrive", hyperv_class("GetVMHardDiskDrive"), VMNAME_OR_VM + (
        P("ControllerType", many=False), P("ControllerNumber", "int", many=False),
        P("ControllerLocation", "int", many=False),
    ), required_one_of=("VMName", "VM"), default_set="VMName")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return []
        vms = VmResolver(self).resolve(bound, name_params=("VMName",))
        out = []
        kind = bound.get("ControllerType")
        with self.host.lock:
            for vm in vms:
                for disk in vm.disks:
                    if kind is not None and str(kind).lower() != disk.controller_type.lower():
                        continue
                    if "ControllerNumber" in bound and int(bound.get("ControllerNumber")) != disk.controller_number:
                        continue
                    if "ControllerLocation" in bound and int(bound.get("ControllerLocation")) != disk.controller_location:
                        continue
                    out.append(self.context.devices.disk(vm, disk))
        return out


class GetVMNetworkAdapter(Cmdlet):
    """Get-VMNetworkAdapter [-VMName] <string[]> | -VM <VirtualMachine[]> | -All [[-Name] <string>]."""

    hyperv = True
    spec = CmdletSpec("Get-VMNetworkAdapter", hyperv_class("GetVMNetworkAdapter"), VMNAME_OR_VM + (
        P("Name", position=1, many=False), P("All", "switch", sets=frozenset({"All"})),
        P("ManagementOS", "switch", sets=frozenset({"ManagementOS"})),
        P("IsLegacy", "object", many=False),
    ), required_one_of=("VMName", "VM", "All", "ManagementOS"), default_set="VMName")

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return []
        if bound.switch("ManagementOS"):
            return []  # the simulated host has no host vNICs
        vms = list(self.host.vms) if bound.switch("All") else \
            VmResolver(self).resolve(bound, name_params=("VMName",))
        name = bound.get("Name")
        pattern = PSValue.wildcard(name) if name is not None else None
        out = []
        with self.host.lock:
            now = self.host.now()
            for vm in vms:
                for adapter in vm.adapters:
                    if pattern is None or pattern.match(adapter.name):
                        out.append(self.context.devices.network_adapter(vm, adapter, now))
        return out


class GetVMHost(Cmdlet):
    """Get-VMHost."""

    hyperv = True
    spec = CmdletSpec("Get-VMHost", hyperv_class("GetVMHost"),
                      tuple(P(p.name, p.kind, p.aliases) for p in REMOTE))

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        if not self.vmms_available():
            return []
        with self.host.lock:
            return [self.context.host_objects.vm_host()]


CMDLETS = [GetVM, GetVMSnapshot, GetVMHardDiskDrive, GetVMNetworkAdapter, GetVMHost]
