"""One virtual network adapter of a VM."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class NetworkAdapter:
    """``Get-VMNetworkAdapter`` output. ``ip_addresses`` needs the guest's KVP service."""

    vm_id: uuid.UUID | None
    vm_name: str
    name: str
    switch_name: str | None = None
    connected: bool | None = None
    mac_address: str | None = None
    ip_addresses: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    adapter_id: str | None = None

    @property
    def mac_address_display(self) -> str:
        """``00155D012345`` as ``00-15-5D-01-23-45`` (as Hyper-V Manager shows it)."""
        mac = self.mac_address or ""
        if len(mac) != 12:
            return mac
        return "-".join(mac[i:i + 2] for i in range(0, 12, 2))
