"""Many ``VirtualMachine`` snapshots of one shape, built without the dataclass ``__init__``."""

from __future__ import annotations

import uuid
from typing import Any, Callable

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_state import VMState

# Every field at its default: its attribute dict is the template's start (and key table).
_BLANK = VirtualMachine(vm_id=uuid.UUID(int=0), host="", name="", state=VMState.UNKNOWN)
_new = object.__new__
_set = object.__setattr__


class VirtualMachineBuilder:
    """Builds ``VirtualMachine``s from attribute dicts for a parser of refreshes.

    The frozen dataclass's ``__init__`` sets its 29 fields one ``object.__setattr__`` at a
    time: ~3 us of a changed CSV row's budget. Here a row's fields go into a copy of a
    template dict (every field, defaults first, in field order) and that dict becomes the
    new object's ``__dict__``: the same object as ``__init__`` makes (same fields, equality,
    hash, repr, pickling), in ~0.5 us. The template is a real instance's ``__dict__``, so
    copies share the class's key table and cost no more memory than ``__init__``'s.
    """

    def __init__(self, **constant: Any) -> None:
        """``constant``: the fields every VM of this shape has (host, fetched, the values of
        columns a header lacks)."""
        template = _BLANK.__dict__.copy()
        unknown = set(constant) - set(template)
        if unknown:
            raise TypeError(f"not VirtualMachine fields: {sorted(unknown)}")
        template.update(constant)
        #: ``fields()``: a new attribute dict with the constant fields set: fill in
        #: ``vm_id``, ``name``, ``state`` and the row's own fields (existing keys only),
        #: then :meth:`build`. The template's own ``copy`` (no call of ours around it).
        self.fields: Callable[[], dict[str, Any]] = template.copy

    @staticmethod
    def build(fields: dict[str, Any]) -> VirtualMachine:
        """The ``VirtualMachine`` whose attributes are ``fields`` (a dict from :meth:`fields`,
        owned by the VM from now on)."""
        vm = _new(VirtualMachine)
        _set(vm, "__dict__", fields)
        return vm
