"""What ``Get-VMHost`` says about a Hyper-V host."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HostInfo:
    """Host facts for the Summary pane; every field but ``name`` may be missing."""

    name: str
    fully_qualified_domain_name: str | None = None
    logical_processor_count: int | None = None
    memory_capacity: int | None = None
    virtual_hard_disk_path: str | None = None
    virtual_machine_path: str | None = None
    supported_vm_versions: tuple[str, ...] = ()
