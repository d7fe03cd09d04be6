"""The refresh's parse and diff alone: client CPU per 40-VM refresh, against a plain script.

    python -m bench.parse [--hosts 200] [--vms 40] [--changed 20] [--rounds 7]
                          [--columns default|all] [--table]

No sockets and no simulator: ``--hosts`` hosts' refresh answers are made up front as the
transport hands them to core (one ``Record`` per CSV line, a header first, fresh string
objects every refresh as the wire gives them), with the app's default columns (or every
property the CSV shape carries, ``--columns all``). Each host keeps its own parser and
snapshot, as ``core.HostSession`` does, and each refresh runs core's path on them:
``RefreshParser.parse``, ``index_by_id`` and ``diff`` against the last snapshot (nothing
after the parse when no row changed). Figures are CPU milliseconds (``time.process_time``)
per host refresh, the median of ``--rounds`` rounds over every host, with automatic
garbage collection off while timing (the app collects on the Qt thread, not where it
parses; ``gc.collect()`` runs between measurements):

* ``first``: a new parser and an empty snapshot (the host's first refresh);
* ``all_changed``: every row's text differs from the last refresh (CPU usage and uptime);
* ``changed_<n>``: ``--changed`` rows differ (what a host of running VMs sends every 2 s);
* ``none_changed``: the same text again;
* ``diff``: the diff alone (ours: ``domain.vm_diff.diff``), of the ``changed_<n>``
  refresh's snapshots (each contestant's own).

``baseline`` is what a plain script does with the same lines: ``csv.DictReader``, each
value converted on its own (``uuid.UUID``, ``int``, a TimeSpan regex, the state by name),
every VM built each time, and a diff comparing every VM by id. ``ratio`` divides the
baseline by ours. Prints one JSON object (or a table with ``--table``).
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import random
import re
import statistics
import time
import uuid
from datetime import timedelta
from typing import Any, Callable

from bench.machine import header_rows, load_average, machine, markdown_table
from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.domain.vm_diff import VmChange, VmDiff, diff, index_by_id
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.inventory_query import CULTURE_FORMATTED
from hvmanager.hyperv.refresh_parser import RefreshParser
from hvmanager.hyperv.vm_property import ALL, VmProperty, selection
from hvmanager.remoting.record import Record
from hvmanager.remoting.winrm.fragment_demux import string_record

# The app's default columns: name state cpu_usage memory_assigned uptime status version generation.
DEFAULT_PROPERTIES = (VmProperty.NAME, VmProperty.STATE, VmProperty.CPU_USAGE, VmProperty.MEMORY_ASSIGNED,
                      VmProperty.UPTIME, VmProperty.STATUS, VmProperty.VERSION, VmProperty.GENERATION)
COLUMN_SETS = {"default": selection(DEFAULT_PROPERTIES),
               "all": selection(p for p in ALL if p not in CULTURE_FORMATTED)}
_STATES = ("Running", "Running", "Running", "Off", "Saved", "Paused")


class HostAnswers:
    """One host's VMs and the CSV text its refreshes send, as ``ConvertTo-Csv`` writes it."""

    def __init__(self, rng: random.Random, number: int, vms: int,
                 properties: tuple[VmProperty, ...]) -> None:
        self.key = f"hv{number:03d}"
        self.properties = properties
        self._rows = [self._vm(rng, number * 1000 + n) for n in range(vms)]
        self._uptimes = [rng.randint(60, 90 * 86400) * 10_000_000 + rng.randint(0, 9_999_999)
                         for _ in range(vms)]
        for row, ticks in zip(self._rows, self._uptimes):
            if row["State"] == "Running":
                row["Uptime"] = _timespan(ticks)

    @staticmethod
    def _vm(rng: random.Random, number: int) -> dict[str, str]:
        state = rng.choice(_STATES)
        running = state == "Running"
        memory = str(rng.choice((512, 1024, 2048, 4096)) * 1024 * 1024)
        return {
            "Id": str(uuid.UUID(int=rng.getrandbits(128))), "Name": f"vm-{number:05d}", "State": state,
            "CPUUsage": str(rng.randint(0, 60) if running else 0),
            "MemoryAssigned": memory if running else "0", "MemoryDemand": memory if running else "0",
            "MemoryStartup": memory, "MemoryMinimum": "536870912", "MemoryMaximum": "1099511627776",
            "MemoryStatus": "OK" if running else "", "DynamicMemoryEnabled": rng.choice(("True", "False")),
            "ProcessorCount": str(rng.choice((1, 2, 4))),
            "Uptime": "00:00:00",
            "Status": "Operating normally", "Version": rng.choice(("9.0", "10.0")),
            "Generation": rng.choice(("1", "2", "2")), "Path": f"D:\\Hyper-V\\vm-{number:05d}",
            "ConfigurationLocation": f"D:\\Hyper-V\\vm-{number:05d}",
            "Notes": rng.choice(("", "", "Owner: ops\r\nBackup nightly", 'The "old" one')),
            "Heartbeat": "OkApplicationsHealthy" if running else "", "IntegrationServicesVersion": "0.0",
            "ReplicationState": "Disabled", "ReplicationHealth": "NotApplicable",
            "ParentSnapshotName": "", "CheckpointType": "Standard", "IsClustered": "False",
        }

    def advance(self, changed: int) -> None:
        """The next refresh: the first ``changed`` rows' CPU usage and uptime move."""
        for n, row in enumerate(self._rows[:changed]):
            row["CPUUsage"] = str((int(row["CPUUsage"]) + 7) % 100)
            self._uptimes[n] += 20_000_123
            row["Uptime"] = _timespan(self._uptimes[n])

    def output(self) -> list[Record]:
        """The refresh's records: new string objects, as each answer off the wire is."""
        names = [p.powershell_name for p in self.properties]
        lines = [",".join(f'"{name}"' for name in names)]
        lines += [",".join('"' + row[name].replace('"', '""') + '"' for name in names) for row in self._rows]
        return [string_record("".join(list(line))) for line in lines]


def _timespan(ticks: int) -> str:
    seconds, fraction = divmod(ticks, 10_000_000)
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if days:
        text = f"{days}.{text}"
    return f"{text}.{fraction:07d}" if fraction else text


class OursOnHost:
    """Core's refresh path for one host: its parser and last snapshot (``HostSession._parse``)."""

    def __init__(self, host: HostAnswers) -> None:
        self.parser = RefreshParser(host.key)
        self.properties = host.properties
        self.snapshot: dict[uuid.UUID, VirtualMachine] = {}

    def refresh(self, records: list[Record]) -> VmDiff | None:
        parsed = self.parser.parse(records, self.properties)
        if parsed.unchanged:
            return None
        snapshot = index_by_id(parsed.vms)
        changes = self.diff(self.snapshot, snapshot)
        self.snapshot = snapshot
        return changes

    @staticmethod
    def diff(old: dict[uuid.UUID, VirtualMachine], new: dict[uuid.UUID, VirtualMachine]) -> VmDiff:
        """Core's diff (``domain.vm_diff.diff``)."""
        return diff(old, new)


_TIMESPAN = re.compile(r"(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)\Z")
_PLAIN_CONVERSIONS: dict[str, Callable[[str], Any]] = {
    "CPUUsage": int, "MemoryAssigned": int, "MemoryDemand": int, "MemoryStartup": int,
    "MemoryMinimum": int, "MemoryMaximum": int, "ProcessorCount": int, "Generation": int,
    "DynamicMemoryEnabled": lambda text: text == "True", "IsClustered": lambda text: text == "True",
    "Heartbeat": lambda text: HeartbeatStatus(text), "CheckpointType": lambda text: CheckpointType(text),
}


def _plain_timespan(text: str) -> timedelta:
    days, hours, minutes, seconds = _TIMESPAN.match(text).groups()  # type: ignore[union-attr]
    return timedelta(days=int(days or 0), hours=int(hours), minutes=int(minutes), seconds=float(seconds))


class BaselineOnHost:
    """What a plain script does with each answer: ``csv.DictReader``, every row converted and
    every VM built, then a diff of every VM by id."""

    def __init__(self, host: HostAnswers) -> None:
        self.host = host.key
        self.fields = {p.powershell_name: p.field for p in host.properties
                       if p not in (VmProperty.ID, VmProperty.NAME, VmProperty.STATE)}
        self.snapshot: dict[uuid.UUID, VirtualMachine] = {}

    def refresh(self, records: list[Record]) -> VmDiff:
        snapshot = {}
        for row in csv.DictReader([record.value for record in records]):
            values: dict[str, Any] = {}
            for name, field in self.fields.items():
                text = row[name]
                if text == "":
                    values[field] = None
                elif name == "Uptime":
                    values[field] = _plain_timespan(text)
                else:
                    values[field] = _PLAIN_CONVERSIONS.get(name, str)(text)
            vm = VirtualMachine(vm_id=uuid.UUID(row["Id"]), host=self.host, name=row["Name"],
                                state=VMState.from_name(row["State"]), fetched=frozenset(values), **values)
            snapshot[vm.vm_id] = vm
        changes = self.diff(self.snapshot, snapshot)
        self.snapshot = snapshot
        return changes

    @staticmethod
    def diff(old: dict[uuid.UUID, VirtualMachine], new: dict[uuid.UUID, VirtualMachine]) -> VmDiff:
        """Every VM compared by id."""
        added = [vm for vm_id, vm in new.items() if vm_id not in old]
        removed = [vm for vm_id, vm in old.items() if vm_id not in new]
        changed = [VmChange(old[vm_id], vm) for vm_id, vm in new.items() if vm_id in old and old[vm_id] != vm]
        return VmDiff(tuple(added), tuple(removed), tuple(changed))


def _cpu_ms_per_refresh(runs: list[Callable[[], Any]]) -> float:
    # As in the app, no automatic cyclic collection on the threads that parse (it runs on
    # the Qt thread, app/qt_thread_garbage_collector.py): collected between measurements.
    gc.collect()
    gc.disable()
    try:
        began = time.process_time()
        for run in runs:
            run()
        return (time.process_time() - began) * 1000 / len(runs)
    finally:
        gc.enable()


def _measure(contestant: type, hosts: list[HostAnswers], changed: int, rounds: int) -> dict[str, float]:
    """Milliseconds of CPU per host refresh in each scenario, median of ``rounds``."""
    samples: dict[str, list[float]] = {"first": [], "all_changed": [], f"changed_{changed}": [],
                                       "none_changed": [], "diff": []}
    vms = len(hosts[0].output()) - 1
    for _ in range(rounds):
        sessions = [contestant(host) for host in hosts]
        outputs = [host.output() for host in hosts]
        samples["first"].append(_cpu_ms_per_refresh([lambda s=s, o=o: s.refresh(o) for s, o in zip(sessions, outputs)]))
        for scenario, rows in (("all_changed", vms), (f"changed_{changed}", changed), ("none_changed", 0)):
            for host in hosts:
                host.advance(rows)
            outputs = [host.output() for host in hosts]
            before = [session.snapshot for session in sessions]
            samples[scenario].append(_cpu_ms_per_refresh(
                [lambda s=s, o=o: s.refresh(o) for s, o in zip(sessions, outputs)]))
            if scenario == f"changed_{changed}":
                pairs = list(zip(before, [session.snapshot for session in sessions]))
                samples["diff"].append(_cpu_ms_per_refresh([lambda p=p: contestant.diff(*p) for p in pairs]))
    return {scenario: round(statistics.median(values), 4) for scenario, values in samples.items()}


def run(hosts: int, vms: int, changed: int, rounds: int, columns: str) -> dict[str, Any]:
    """Both contestants on the same answers; the JSON-ready result."""
    result: dict[str, Any] = {"benchmark": "parse", "machine": machine(),
                              "parameters": {"hosts": hosts, "vms": vms, "changed": changed, "rounds": rounds,
                                             "columns": columns},
                              "load_before": load_average()}
    properties = COLUMN_SETS[columns]
    rng = random.Random(6)
    answers = [HostAnswers(rng, number, vms, properties) for number in range(hosts)]
    _check(answers[0])
    result["unit"] = "client CPU ms per host refresh (time.process_time)"
    result["baseline"] = _measure(BaselineOnHost, answers, changed, rounds)
    result["ours"] = _measure(OursOnHost, answers, changed, rounds)
    result["ratio"] = {key: round(result["baseline"][key] / value, 2)
                       for key, value in result["ours"].items() if value}
    result["load_after"] = load_average()
    return result


def _check(host: HostAnswers) -> None:
    # Both contestants must read the same VMs, or the figures compare different work.
    ours, plain = OursOnHost(host), BaselineOnHost(host)
    ours.refresh(host.output())
    plain.refresh(host.output())
    if ours.snapshot != plain.snapshot:
        raise RuntimeError("the baseline and the parser read different VMs")


def _table(result: dict[str, Any]) -> str:
    rows = header_rows(result)
    rows += [(f"{scenario} (ms CPU per refresh): baseline / ours / ratio",
              f"{result['baseline'][scenario]} / {value} / {result['ratio'].get(scenario)}")
             for scenario, value in result["ours"].items()]
    return markdown_table(rows)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--vms", type=int, default=40)
    parser.add_argument("--changed", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--columns", choices=sorted(COLUMN_SETS), default="default")
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.hosts, args.vms, args.changed, args.rounds, args.columns)
    print(_table(result) if args.table else json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
