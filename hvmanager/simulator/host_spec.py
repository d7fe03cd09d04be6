"""What one simulated host of a lab looks like."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HostSpec:
    """One host of a lab: its name, VM count, language and data profile.

    ``profile`` is passed to ``SimHost.generate`` ("standard", or "legacy" for
    Generation 1 VMs with checkpoints). ``seed`` defaults to the lab seed plus the
    host's index; ``transport`` and ``bind`` default to the lab's; ``faults`` are fault
    kinds active from the start.
    """

    name: str
    vm_count: int = 10
    locale: str = "en-US"
    profile: str = "standard"
    seed: int | None = None
    transport: str | None = None
    bind: str | None = None
    faults: tuple[str, ...] = ()


DEMO_SPECS = (
    HostSpec("HV01", vm_count=10, locale="en-US", profile="standard"),
    HostSpec("HV02", vm_count=8, locale="de-DE", profile="standard"),
    HostSpec("HV03", vm_count=7, locale="en-US", profile="legacy"),
)
