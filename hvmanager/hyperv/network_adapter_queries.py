"""A VM's network adapters."""

from __future__ import annotations

import uuid
from typing import Iterable

from hvmanager.domain.network_adapter import NetworkAdapter
from hvmanager.hyperv import values
from hvmanager.hyperv.commands import get_vm_by_id, select
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record

NETWORK_ADAPTER_PROPERTIES = ("VMId", "VMName", "Name", "Id", "SwitchName", "Connected",
                              "MacAddress", "IPAddresses", "Status")


def network_adapters_pipeline(vm_id: uuid.UUID) -> Pipeline:
    """``Get-VM -Id <guid> | Get-VMNetworkAdapter | Select-Object -Property ...``."""
    return Pipeline.of(get_vm_by_id(vm_id), Command("Get-VMNetworkAdapter"),
                       select(NETWORK_ADAPTER_PROPERTIES))


def parse_network_adapter(record: Record) -> NetworkAdapter:
    """One adapter; Status (an array of enums) becomes their names."""
    return NetworkAdapter(
        vm_id=values.as_uuid(record.get("VMId")),
        vm_name=values.as_str(record.get("VMName")) or "",
        name=values.as_str(record.get("Name")) or "",
        switch_name=values.as_str(record.get("SwitchName")),
        connected=values.as_bool(record.get("Connected")),
        mac_address=values.as_str(record.get("MacAddress")),
        ip_addresses=values.as_str_tuple(record.get("IPAddresses")),
        status=values.as_str_tuple(record.get("Status")),
        adapter_id=values.as_str(record.get("Id")))


def parse_network_adapters(records: Iterable[Record]) -> tuple[NetworkAdapter, ...]:
    """Every adapter, in host order."""
    return tuple(parse_network_adapter(record) for record in records)
