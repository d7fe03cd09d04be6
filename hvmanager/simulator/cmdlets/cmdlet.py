"""The base of every simulated cmdlet, and the context it runs in."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterable

from hvmanager.simulator.cmdlets.error_factory import ErrorFactory
from hvmanager.simulator.cmdlets.parameter_binder import BoundParameters
from hvmanager.simulator.cmdlets.parameter_spec import CmdletSpec
from hvmanager.simulator.cmdlets.ps_value import PSValue
from hvmanager.simulator.engine_api import SimError, TerminatingError
from hvmanager.simulator.hyperv.device_object_builder import DeviceObjectBuilder
from hvmanager.simulator.hyperv.host_object_builder import HostObjectBuilder
from hvmanager.simulator.hyperv.number_cache import NumberCache
from hvmanager.simulator.hyperv.sim_host import SimHost
from hvmanager.simulator.hyperv.snapshot_object_builder import SnapshotObjectBuilder
from hvmanager.simulator.hyperv.vm_object_builder import VmObjectBuilder


class PipelineStopped(Exception):
    """The client stopped the pipeline (ctrl_c / Terminate): unwind quietly."""


@dataclass
class CmdletContext:
    """What a cmdlet may use: the host, the cancel event, the error sink, builders."""

    host: SimHost
    cancel: threading.Event
    emit_error: Callable[[SimError], None]
    #: Shared by the host's pipelines (the engine's; a lab's engines share one): see NumberCache.
    numbers: NumberCache = field(default_factory=NumberCache)

    def __post_init__(self) -> None:
        self.values = PSValue(self.host.locale)
        self.vms = VmObjectBuilder(self.host, self.numbers)
        self.devices = DeviceObjectBuilder(self.host)
        self.snapshots = SnapshotObjectBuilder(self.host)
        self.host_objects = HostObjectBuilder(self.host)

    def check_cancel(self) -> None:
        """Raise ``PipelineStopped`` once the client asked to stop."""
        if self.cancel.is_set():
            raise PipelineStopped

    def sleep(self, seconds: float) -> None:
        """Sleep, waking at once when the pipeline is stopped."""
        if seconds > 0 and self.cancel.wait(seconds):
            raise PipelineStopped
        self.check_cancel()

    def wait_until(self, moment: float) -> None:
        """Sleep until the host clock reaches ``moment`` (a transition's end)."""
        self.sleep(moment - self.host.now())


class Cmdlet:
    """One cmdlet instance in one pipeline. Subclasses set ``spec`` and implement ``process``."""

    spec: ClassVar[CmdletSpec]
    #: Hyper-V cmdlets fail while vmms is stopped and honour the slow-cmdlet fault.
    hyperv: ClassVar[bool] = False

    def __init__(self, context: CmdletContext, bound: BoundParameters) -> None:
        self.context = context
        self.host = context.host
        self.bound = bound
        self.errors = ErrorFactory(self.spec.name, self.spec.class_name)

    # -- lifecycle (generators of output objects) ---------------------------------------
    def begin(self) -> Iterable[Any]:
        """BeginProcessing."""
        if self.hyperv and self.host.cmdlet_delay_s:
            self.context.sleep(self.host.cmdlet_delay_s)
        return ()

    def process(self, bound: BoundParameters) -> Iterable[Any]:
        """ProcessRecord, once per pipeline object (or once without pipeline input)."""
        raise NotImplementedError

    def end(self) -> Iterable[Any]:
        """EndProcessing."""
        return ()

    # -- helpers ----------------------------------------------------------------------
    def write_error(self, error: SimError) -> None:
        """WriteError, honouring -ErrorAction (Stop turns it into a terminating error)."""
        action = self.context.values.text(self.bound.get("ErrorAction", "Continue")).lower()
        if action == "stop":
            raise TerminatingError(error)
        if action in ("silentlycontinue", "ignore"):
            return
        self.context.emit_error(error)

    def vmms_available(self) -> bool:
        """False (after writing the ObjectNotFound record) while vmms is stopped."""
        if self.host.vmms_running():
            return True
        self.write_error(self.errors.vmms_stopped(self.host.name))
        return False
