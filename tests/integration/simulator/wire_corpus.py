"""What the simulator sends for a fixed set of pipelines, in a form that compares byte for byte.

The lab's speed work must leave the wire unchanged. This module runs the same pipelines
(queries, selections, CSV, JSON, formatting, actions, errors, services, readiness; both
locales) through the unmodified pypsrp client over real sockets (NTLM with message
encryption over HTTP) against hosts whose clocks stand still, and records what the host
answered:

- every WS-Man reply envelope as the host wrote it (before sealing), with the values that
  differ on every run on a real host too replaced: message ids, and the ids the client or
  the host chose at random (shells, pipelines) numbered by first appearance;
- the PSRP data of every target (the pool, each pipeline) concatenated in order, split
  into its fragments (object id, fragment id, flags, length) and its messages (destination,
  type, the ids numbered as above, the CLIXML text).

How a pipeline's output is spread over Receive replies depends on timing (a Receive takes
what is queued), so only the reply that ends a pipeline is kept, with its streams' data
left out (the data is compared whole, per target).

``python -m integration.simulator.wire_corpus FILE`` (with ``tests`` on PYTHONPATH) records
the corpus; ``test_sim_wire_corpus`` compares a fresh recording with the one in tests/data.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import struct
import sys
import uuid
from pathlib import Path
from typing import Any, Callable

from pypsrp.powershell import PowerShell, RunspacePool

from hvmanager.simulator.cmdlets.command_engine import CommandEngine
from hvmanager.simulator.host_backend import HostBackend
from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.hyperv.sim_host import SimHost
from hvmanager.simulator.lab import Lab
from hvmanager.simulator.lab_host import LabHost

from integration.simulator.wsman_client import client_for

CORPUS_FILE = Path(__file__).resolve().parents[2] / "data" / "simulator_wire_corpus.json.gz"

#: The frozen clocks: monotonic seconds and a wall time (2026-11-27 12:00 UTC).
_MONOTONIC_START = 100_000.0
_WALL_START = 1_795_780_800.0
#: How far the clock moves before each pipeline (every transition of the last one ends).
_STEP_S = 120.0

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_MESSAGE_ID = re.compile(r"<a:(MessageID|RelatesTo)>(uuid:)?[^<]*</a:\1>")
_PORT = re.compile(r"(<a:Address>https?://[^<:]*):\d+/")
_STREAM = re.compile(r'<rsp:Stream( Name="[^"]*")?( CommandId="[^"]*")?>([^<]*)</rsp:Stream>')
_RUNNING = "CommandState/Running"

REFRESH = ["Id", "Name", "State", "CPUUsage", "MemoryAssigned", "Uptime", "Status", "Version", "Generation"]

Command = tuple[str, Any]


class FrozenClock:
    """A clock that moves only when told: the same answers on every run."""

    def __init__(self, start: float) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value


class _Recorder:
    """Wraps a host's shell service: keeps every reply, and the stream data per target."""

    def __init__(self, host: LabHost) -> None:
        self.replies: list[str] = []
        self.stream_forms: set[str] = set()
        self.streams: dict[str | None, bytearray] = {}
        self._handle = host.server.shells.handle
        host.server.shells.handle = self._record  # type: ignore[method-assign]

    def _record(self, request: Any, owner: str, client_ip: str) -> Any:
        reply = self._handle(request, owner, client_ip)
        text = reply.body.decode("utf-8")
        for match in _STREAM.finditer(text):
            command = match.group(2)
            target = command.split('"')[1].lower() if command else None
            self.streams.setdefault(target, bytearray()).extend(base64.b64decode(match.group(3)))
            self.stream_forms.add(f"<rsp:Stream{match.group(1) or ''}{match.group(2) or ''}/>")
        if _RUNNING not in text:
            # How many streams the last reply holds depends on timing too: their forms are kept apart.
            self.replies.append(f"{reply.status} {_STREAM.sub('', text)}")
        return reply

    def take(self) -> tuple[list[str], list[str], dict[str | None, bytes]]:
        replies, forms = self.replies, sorted(self.stream_forms)
        streams = {k: bytes(v) for k, v in self.streams.items()}
        self.replies, self.stream_forms, self.streams = [], set(), {}
        return replies, forms, streams


class _Ids:
    """Numbers the random ids of one host's recording by first appearance."""

    def __init__(self) -> None:
        self._labels: dict[str, str] = {}

    def label(self, value: str) -> str:
        key = value.lower()
        if key not in self._labels:
            self._labels[key] = f"<id{len(self._labels)}>"
        return self._labels[key]

    def text(self, text: str) -> str:
        text = _MESSAGE_ID.sub(lambda m: f"<a:{m.group(1)}>*</a:{m.group(1)}>", text)
        text = _PORT.sub(r"\1:<port>/", text)
        return _UUID.sub(lambda m: self.label(m.group(0)), text)

    def guid(self, raw: bytes) -> str:
        value = uuid.UUID(bytes_le=raw)
        return "" if value.int == 0 else self.label(str(value))


def _fragments(data: bytes, ids: _Ids) -> dict[str, Any]:
    """PSRP fragments and the messages they carry (MS-PSRP 2.2.4, 2.2.1)."""
    fragments, messages, pending = [], [], bytearray()
    offset = 0
    while offset < len(data):
        object_id, fragment_id, flags, length = struct.unpack(">QQBI", data[offset:offset + 21])
        blob = data[offset + 21:offset + 21 + length]
        offset += 21 + length
        fragments.append([object_id, fragment_id, flags, length])
        if flags & 1:
            pending = bytearray()
        pending += blob
        if flags & 2:
            destination, kind = struct.unpack("<II", pending[:8])
            messages.append([destination, f"0x{kind:08x}", ids.guid(bytes(pending[8:24])),
                             ids.guid(bytes(pending[24:40])),
                             bytes(pending[40:]).decode("utf-8", "surrogateescape")])
    return {"fragments": fragments, "messages": messages}


def _pipelines(host: SimHost) -> list[tuple[str, list[Command]]]:
    """The pipelines, in order: later ones see what earlier actions did."""
    vms = sorted(host.vms, key=lambda vm: vm.name)
    first, second, third = (str(vm.vm_id) for vm in vms[:3])
    name = vms[0].name
    csv_nti = ("ConvertTo-Csv", {"NoTypeInformation": True})
    return [
        ("get-vm", [("Get-VM", {})]),
        ("refresh csv", [("Get-VM", {}), ("Select-Object", {"Property": REFRESH}), csv_nti]),
        ("refresh objects", [("Get-VM", {}), ("Select-Object", {"Property": REFRESH})]),
        ("csv with type", [("Get-VM", {}), ("Select-Object", {"Property": ["Name", "State"]}),
                           ("ConvertTo-Csv", {})]),
        ("csv creation time", [("Get-VM", {}), ("Select-Object", {"Property": ["Name", "CreationTime", "Notes"]}),
                               csv_nti]),
        ("csv all", [("Get-VM", {}), csv_nti]),
        ("select star", [("Get-VM", {}), ("Select-Object", {"Property": ["*"]})]),
        ("select nested", [("Get-VM", {}), ("Select-Object", {"Property": ["Name", "HardDrives",
                                                                            "NetworkAdapters"]})]),
        ("select rename", [("Get-VM", {}), ("Select-Object", {"Property": [
            {"Name": "VMName", "Expression": "Name"}, "Memory*"], "ExcludeProperty": ["MemoryStatus"]})]),
        ("expand", [("Get-VM", {}), ("Select-Object", {"ExpandProperty": "NetworkAdapters"})]),
        ("first last", [("Get-VM", {}), ("Select-Object", {"Property": ["Name"], "First": 2, "Skip": 1})]),
        ("json", [("Get-VM", {}), ("Select-Object", {"Property": REFRESH}), ("ConvertTo-Json", {})]),
        ("json depth", [("Get-VM", {"Name": name}), ("ConvertTo-Json", {"Depth": 1, "Compress": True})]),
        ("out-string", [("Get-VM", {}), ("Out-String", {})]),
        ("out-string list", [("Get-VMHost", {}), ("Out-String", {"Width": 80})]),
        ("sort", [("Get-VM", {}), ("Sort-Object", {"Property": ["State", "Name"], "Descending": True}),
                  ("Select-Object", {"Property": ["Name", "State"]})]),
        ("where", [("Get-VM", {}), ("Where-Object", {"Property": "State", "EQ": True, "Value": "Running"}),
                   ("Select-Object", {"Property": ["VMId"]})]),
        ("measure", [("Get-VM", {}), ("Measure-Object", {"Property": ["CPUUsage"], "Sum": True,
                                                         "Maximum": True})]),
        ("by id", [("Get-VM", {"Id": first})]),
        ("unknown name", [("Get-VM", {"Name": "no-such-vm"})]),
        ("unknown id", [("Get-VM", {"Id": str(uuid.UUID(int=7))})]),
        ("turn off", [("Get-VM", {"Id": first}), ("Stop-VM", {"TurnOff": True})]),
        ("start passthru", [("Get-VM", {}), ("Where-Object", {"Property": "Id", "In": True,
                                                              "Value": [first, second, third]}),
                            ("Start-VM", {"Passthru": True}), ("Select-Object", {"Property": ["VMId"]})]),
        ("save", [("Get-VM", {"Id": second}), ("Save-VM", {"Passthru": True})]),
        ("saved state", [("Get-VM", {"Id": second}), ("Remove-VMSavedState", {})]),
        ("pause", [("Get-VM", {"Id": third}), ("Suspend-VM", {"Passthru": True}),
                   ("Select-Object", {"Property": ["Name", "State"]})]),
        ("resume running", [("Get-VM", {"Id": first}), ("Resume-VM", {})]),
        ("resume", [("Get-VM", {"Id": third}), ("Resume-VM", {})]),
        ("restart", [("Get-VM", {"Id": third}), ("Restart-VM", {"Force": True, "Passthru": True})]),
        ("bad parameter", [("Start-VM", {"Id": first})]),
        ("checkpoint", [("Checkpoint-VM", {"Name": name, "SnapshotName": "before", "Passthru": True})]),
        ("snapshots", [("Get-VMSnapshot", {"VMName": name})]),
        ("rename", [("Get-VM", {"Id": first}), ("Rename-VM", {"NewName": "renamed", "Passthru": True})]),
        ("disks", [("Get-VMHardDiskDrive", {"VMName": "renamed"})]),
        ("adapters", [("Get-VMNetworkAdapter", {"VMName": "renamed"})]),
        ("integration", [("Get-VMIntegrationService", {"VMName": "renamed"})]),
        ("vmhost", [("Get-VMHost", {})]),
        ("services", [("Get-Service", {"Name": ["vmms", "vmcompute"]})]),
        ("stop vmms", [("Stop-Service", {"Name": "vmms", "Passthru": True})]),
        ("vmms stopped", [("Get-VM", {})]),
        ("start vmms", [("Start-Service", {"Name": "vmms"})]),
        ("cim", [("Get-CimInstance", {"ClassName": "Win32_ComputerSystem"})]),
        ("features", [("Get-WindowsOptionalFeature", {"Online": True, "FeatureName": "Microsoft-Hyper-V*"})]),
        ("computer info", [("Get-ComputerInfo", {})]),
        ("unknown command", [("Get-Nothing", {})]),
        ("script", [("script:Get-VM", {})]),
        ("refresh after", [("Get-VM", {}), ("Select-Object", {"Property": REFRESH}), csv_nti]),
    ]


def _invoke(pool: RunspacePool, commands: list[Command]) -> None:
    ps = PowerShell(pool)
    for name, parameters in commands:
        if name.startswith("script:"):
            ps.add_script(name[len("script:"):])
            continue
        ps.add_cmdlet(name)
        for key, value in parameters.items():
            ps.add_parameter(key, value)
    ps.invoke()


def _frozen_backend(clocks: dict[str, FrozenClock]) -> Callable[[HostSpec, int, float], HostBackend]:
    def backend(spec: HostSpec, seed: int, time_scale: float) -> HostBackend:
        clock = clocks[spec.name] = FrozenClock(_MONOTONIC_START)
        model = SimHost.generate(spec.name, spec.vm_count, seed, locale=spec.locale, profile=spec.profile,
                                 time_scale=time_scale, clock=clock,
                                 wall_clock=lambda: _WALL_START + clock.value - _MONOTONIC_START)
        return HostBackend(model, CommandEngine(model))
    return backend


def record() -> dict[str, Any]:
    """Run every pipeline on an English and a German host; the canonical recording."""
    clocks: dict[str, FrozenClock] = {}
    specs = [HostSpec("HV01", vm_count=4, locale="en-US"), HostSpec("HV02", vm_count=4, locale="de-DE")]
    corpus: dict[str, Any] = {}
    with Lab(specs, seed=3, time_scale=0.001, password="Pa55w.rd", backend=_frozen_backend(clocks)) as lab:
        for host in lab.hosts:
            recorder, ids, steps = _Recorder(host), _Ids(), []
            with RunspacePool(client_for(host)) as pool:
                steps.append(_step("open", recorder, ids))
                for label, commands in _pipelines(host.model):
                    clocks[host.name].value += _STEP_S
                    _invoke(pool, commands)
                    steps.append(_step(label, recorder, ids))
            steps.append(_step("close", recorder, ids))
            corpus[host.name] = steps
    return corpus


def _step(label: str, recorder: _Recorder, ids: _Ids) -> dict[str, Any]:
    replies, forms, streams = recorder.take()
    return {
        "pipeline": label,
        "replies": [ids.text(reply) for reply in replies],
        "stream_elements": [ids.text(form) for form in forms],
        "streams": [[ids.label(target) if target else "pool", _fragments(data, ids)]
                    for target, data in streams.items()],
    }


def load(path: Path = CORPUS_FILE) -> dict[str, Any]:
    """A recording written by ``save``."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def save(corpus: dict[str, Any], path: Path) -> None:
    """Write a recording (gzip'd JSON, stable: mtime 0)."""
    text = json.dumps(corpus, indent=1, sort_keys=True).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as stream:
        stream.write(text)


if __name__ == "__main__":
    save(record(), Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_FILE)
