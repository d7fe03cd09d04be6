"""A virtual network adapter of a simulated VM."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class SimNetworkAdapter:
    """One VMNetworkAdapter. ``ip_addresses`` are what the guest reports through KVP."""

    adapter_id: uuid.UUID
    name: str
    mac_address: str
    switch_name: str | None
    switch_id: uuid.UUID | None
    ip_addresses: tuple[str, ...]
    is_legacy: bool = False
    dynamic_mac: bool = True

    @property
    def connected(self) -> bool:
        """An adapter is connected when it has a switch."""
        return self.switch_name is not None
