"""psrpcore's ``PSObject`` with constant-time attribute access, for the objects the host builds."""

from __future__ import annotations

from typing import Any

from psrpcore.types import PSObject


class SimPSObject(PSObject):
    """A ``PSObject`` whose attribute lookups do not walk every property first.

    psrpcore's ``PSObject.__getattribute__`` builds a dict of all properties on every
    attribute access (``obj.PSObject`` included), so reading one property of a 70-property
    VirtualMachine cost 70 steps, and Get-VM spent most of its time there. The behaviour is
    the same: Python attributes first, then the extended properties, then the adapted ones
    (the last of equal names wins, as psrpcore's dict does). It serialises exactly like a
    ``PSObject`` (same class attribute ``PSObject``, same properties).
    """

    def __getattribute__(self, item: str) -> Any:
        try:
            value = object.__getattribute__(self, item)
        except AttributeError:
            meta = object.__getattribute__(self, "PSObject")
            for properties in (meta.extended_properties, meta.adapted_properties):
                for prop in reversed(properties):
                    if prop.name == item:
                        return prop.get_value(self)
            raise
        if item == "__dict__":
            return PSObject.__getattribute__(self, item)
        return value

    def __setattr__(self, key: str, value: Any) -> None:
        if key.startswith("sim_"):
            # The engine's own bookkeeping (never a PowerShell property): skip the search.
            object.__setattr__(self, key, value)
            return
        super().__setattr__(key, value)
