"""Hypothesis strategies for refresh answers, sane and hostile, and an exact VM comparison."""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import strategies as st

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.virtual_machine import FIELD_NAMES, VirtualMachine
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.vm_property import ALL, VmProperty
from hvmanager.remoting.record import Record

GUIDS = [uuid.UUID(int=0x3F2504E04F8911D39A0C0305E82C3300 + n) for n in range(4)]
# Characters that matter to CSV and to str.splitlines, beside any others.
_AWKWARD = '",\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x00 \t\xa0#ﬀ٣²_-+.:'

any_text = st.text(st.one_of(st.sampled_from(_AWKWARD), st.characters(exclude_categories=())), max_size=12)


def _guid_texts() -> st.SearchStrategy[str]:
    return st.sampled_from(GUIDS).flatmap(lambda guid: st.sampled_from([
        str(guid), str(guid).upper(), "{%s}" % guid, f" {guid} ", guid.hex, "urn:uuid:" + str(guid),
        str(guid)[:35] + "g", "0x" + str(guid)[2:], str(guid).replace("-", "_", 1)]))


def _timespans() -> st.SearchStrategy[str]:
    canonical = st.builds(
        lambda sign, days, hours, minutes, seconds, fraction: (
            sign + (f"{days}." if days else "") + f"{hours:02d}:{minutes:02d}:{seconds:02d}"
            + (f".{fraction}" if fraction else "")),
        st.sampled_from(["", "", "-"]), st.integers(0, 3000), st.integers(0, 23), st.integers(0, 59),
        st.integers(0, 59), st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=7)))
    odd = st.sampled_from(["00:00:00", "1:02:03", "24:00:00", "99:99:99", "00:60:00", "PT1H2M3.5S", "-PT0S",
                           "P1DT2H", "PT", "99999999999.00:00:00", "1.02:03:04.12345678", " 01:02:03 ",
                           "٠١:٠٢:٠٣", "01:02:03.", "1.2:03:04", "3.00:00:00.0000005"])
    return st.one_of(canonical, odd)


def _counts() -> st.SearchStrategy[str]:
    return st.one_of(st.integers(0, 2 ** 40).map(str), st.sampled_from([
        "0", "-5", " 7 ", "+5", "1_000", "1.073.741.824", "1,073,741,824", "3,5", "٣", "²", "0x10",
        "9" * 19, "9" * 5000, "007"]))


def _enums() -> st.SearchStrategy[str]:
    names = [s.value for s in VMState] + [s.value for s in HeartbeatStatus] + [t.value for t in CheckpointType]
    return st.one_of(st.sampled_from(names), st.sampled_from(names).map(str.lower), st.sampled_from([
        "Running ", "NotApplicable", "Disabled", "2", "-1", "--5", "²", "٣", "007", "True", "False", "true",
        " TRUE ", "yes", "Paused-Critical", "Running\r\nOff"]))


cells = st.one_of(st.just(""), _guid_texts(), _timespans(), _counts(), _enums(), any_text,
                  st.sampled_from(['say "hi"\r\nsecond line', "Operating normally", "9.0", "vm-01",
                                   "D:\\Hyper-V\\vm", "x" * 70]))

_KIND_OF_COLUMN = {"id": "guid", "vmid": "guid", "state": "enum", "heartbeat": "enum", "checkpointtype": "enum",
                   "replicationstate": "enum", "replicationhealth": "enum", "uptime": "timespan",
                   "dynamicmemoryenabled": "bool", "isclustered": "bool"}
_COUNT_COLUMNS = {"cpuusage", "memoryassigned", "memorydemand", "memorystartup", "memoryminimum", "memorymaximum",
                  "processorcount", "generation"}


def cells_for(column: str) -> st.SearchStrategy[str]:
    """Values of the kind a host writes in that column (any text for other columns)."""
    kind = "count" if column.lower() in _COUNT_COLUMNS else _KIND_OF_COLUMN.get(column.lower(), "text")
    if kind == "guid":
        return st.one_of(st.sampled_from(GUIDS).map(str), _guid_texts())
    if kind == "enum":
        return _enums()
    if kind == "timespan":
        return _timespans()
    if kind == "bool":
        return st.sampled_from(["True", "False", "true", " FALSE ", "", "1", "yes"])
    if kind == "count":
        return _counts()
    return st.one_of(any_text, st.sampled_from([
        'say "hi"\r\nsecond line', "one\ntwo", "a\rb", "\r\n", 'x\r\n"quoted" line\r\n', "Operating normally",
        "9.0", "OK", "", "x" * 70, "line\u2028break", "\ud800\udfff", "tab\there", "#TYPE in a value"]))


_NAMES = [p.powershell_name for p in ALL] + ["VMId", "VMName"]
header_names = st.one_of(st.sampled_from(_NAMES), st.sampled_from(_NAMES).map(str.lower),
                         st.sampled_from(_NAMES).map(str.upper), st.sampled_from(["", "Extra", "İd", "ID"]),
                         any_text)
# Mostly the real shape (Id, Name, State first), sometimes anything.
_REAL_HEADERS = [["Id", "Name", "State", "CPUUsage", "MemoryAssigned", "Uptime", "Status", "Version", "Generation"],
                 [p.powershell_name for p in ALL if p is not VmProperty.CREATION_TIME]]
headers = st.one_of(
    st.sampled_from(_REAL_HEADERS), st.sampled_from(_REAL_HEADERS),
    st.lists(st.sampled_from(_NAMES[3:]), max_size=6).map(lambda rest: ["Id", "Name", "State", *rest]),
    st.lists(header_names, min_size=1, max_size=8))


def quoted(cells_of_row: list[str]) -> str:
    """A record as ConvertTo-Csv writes it: every value quoted, quotes doubled."""
    return ",".join('"' + cell.replace('"', '""') + '"' for cell in cells_of_row)


@st.composite
def record_texts(draw: Any, cells_of_row: list[str]) -> str:
    """One record's text: mostly quoted, sometimes as a hostile host might write it."""
    style = draw(st.sampled_from(["quoted"] * 6 + ["bare", "mixed", "stray"]))
    if style == "quoted":
        return quoted(cells_of_row)
    if style == "bare":
        return ",".join(cells_of_row)
    if style == "mixed":
        return ",".join(quoted([cell]) if draw(st.booleans()) else cell for cell in cells_of_row)
    text = quoted(cells_of_row)
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(['"', '""', "\r\n", "\n", ",", "\u2028"])) + text[at:]


@st.composite
def answers(draw: Any, pool_size: int = 6) -> list[list[Any]]:
    """A few successive refresh answers of one host: output items (strings or string
    Records, now and then an object Record), rows drawn from a small pool so that many
    repeat from one refresh to the next, headers from a pool of two."""
    header_pool = [draw(headers) for _ in range(2)]
    row_pool = []
    for _ in range(pool_size):
        # Mostly a value of the right kind for the first header's column, some missing or extra.
        columns = list(draw(st.sampled_from(header_pool)))
        if not draw(st.integers(0, 3)):
            columns = columns[:draw(st.integers(0, len(columns)))] + [""] * draw(st.integers(0, 2))
        row = [draw(cells_for(name) if draw(st.integers(0, 4)) else cells) for name in columns]
        row_pool.append(draw(record_texts(row)))
    refreshes = []
    for _ in range(draw(st.integers(1, 5))):
        header = draw(st.sampled_from(header_pool))
        lines = [quoted(header) if draw(st.integers(0, 5)) else draw(record_texts(header))]
        lines += [row_pool[i] for i in draw(st.lists(st.integers(0, pool_size - 1), max_size=8))]
        if not draw(st.integers(0, 6)):
            lines.insert(0, "#TYPE Selected.Microsoft.HyperV.PowerShell.VirtualMachine")
        if not draw(st.integers(0, 6)):
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", " ", "\r\n", "#TYPE x"])))
        if not draw(st.integers(0, 4)):
            # The same text cut into other pieces (a record may span items).
            whole = draw(st.sampled_from(["\r\n", "\n", ""])).join(lines)
            cuts = sorted(draw(st.lists(st.integers(0, len(whole)), max_size=4)))
            lines = [whole[a:b] for a, b in zip([0, *cuts], [*cuts, len(whole)])]
        if not draw(st.integers(0, 9)):
            lines = [""] if draw(st.booleans()) else []
        items: list[Any] = [line if draw(st.integers(0, 3)) == 0 else Record(value=line, to_string=line)
                            for line in lines]
        if not draw(st.integers(0, 12)):
            items.append(Record(properties={"Id": GUIDS[0], "Name": "obj", "State": "Saved"}))
        refreshes.append(items)
    return refreshes


_DEFAULT_COLUMNS = (VmProperty.CPU_USAGE, VmProperty.MEMORY_ASSIGNED, VmProperty.UPTIME, VmProperty.STATUS,
                    VmProperty.VERSION, VmProperty.GENERATION)
selections = st.sampled_from([
    tuple(p for p in ALL if p is not VmProperty.CREATION_TIME), _DEFAULT_COLUMNS, _DEFAULT_COLUMNS, (), ("cpu_usage", "uptime"), (VmProperty.UPTIME, VmProperty.NOTES, VmProperty.MEMORY_ASSIGNED),
    tuple(p for p in ALL if p is not VmProperty.CREATION_TIME), ALL, ["Heartbeat", "checkpoint_type", "IsClustered"],
    ("replication_state", "replication_health", "dynamic_memory_enabled", "version", "generation", "processor_count"),
])


def exact(vm: VirtualMachine | None) -> Any:
    """Everything about a VM that could differ: each field's type and value, ``fetched``
    and its attribute dict's keys in order (``==`` alone would take 1 for True)."""
    if vm is None:
        return None
    return (type(vm), [(name, type(getattr(vm, name)), getattr(vm, name)) for name in FIELD_NAMES],
            vm.fetched, list(vars(vm)), repr(vm))
