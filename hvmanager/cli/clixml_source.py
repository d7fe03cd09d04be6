"""VMs from files saved on a host with ``Get-VM | Export-Clixml`` (offline inventory)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.hyperv import values
from hvmanager.hyperv.vm_parser import parse_vm
from hvmanager.hyperv.vm_property import VmProperty, selection
from hvmanager.remoting.clixml_file import read_clixml_file


def read_vm_file(path: str, properties: Sequence[VmProperty]) -> list[tuple[str, VirtualMachine]]:
    """``(host label, VM)`` for every VM in the file, in file order.

    The label is the VM's ``ComputerName`` (a file may hold several hosts' VMs), else the
    file's name without extension. Objects without an Id (not VMs) are skipped. Raises
    ``ClixmlFileError`` or ``OSError``.
    """
    chosen = selection(properties)
    fallback = Path(path).stem
    rows = []
    for record in read_clixml_file(path):
        label = values.as_str(record.get("ComputerName")) or fallback
        vm = parse_vm(record, label, chosen)
        if vm is not None:
            rows.append((label, vm))
    return rows
