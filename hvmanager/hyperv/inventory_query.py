"""The refresh pipeline: ``Get-VM | Select-Object -Property <what the columns need>``.

Three shapes of the same query, to measure against each other (``bench/``):

* :func:`inventory_pipeline` returns objects; the transport deserialises typed values
  (enums keep name and number, Uptime is a TimeSpan). The default.
* :func:`inventory_json_pipeline` returns one JSON string. Smaller on the wire, but
  Windows PowerShell 5.1 writes enums as numbers (State then parses by the number
  fallback), TimeSpan as an object and DateTime as ``/Date(ms)/``.
* :func:`inventory_csv_pipeline` returns one line per VM, each value its ToString:
  enum names survive, but DateTime text is culture-formatted (CreationTime becomes
  None unless the host formats ISO-8601).

:func:`refresh_pipeline` is what the app and the CLI run: the CSV shape whenever every
selected property reads back exactly from its text, else objects. Measured (``bench/``,
40 VMs, 9 properties): a line of text costs the client a small fraction of what
deserialising an object costs, and the host less to serialise.
"""

from __future__ import annotations

import csv
import json
import uuid
from typing import Any, Iterable

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.hyperv.commands import get_vm_by_id, select
from hvmanager.hyperv.vm_parser import parse_vms
from hvmanager.hyperv.vm_property import ALL, VmProperty, selection
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record


def inventory_pipeline(properties: Iterable[VmProperty | str] = ()) -> Pipeline:
    """``Get-VM | Select-Object -Property Id, Name, State, ...`` (reference order)."""
    chosen = selection(properties)
    return Pipeline.of(Command("Get-VM"), select(p.powershell_name for p in chosen))


def single_vm_pipeline(vm_id: uuid.UUID, properties: Iterable[VmProperty | str] = ALL) -> Pipeline:
    """``Get-VM -Id <guid> | Select-Object -Property ...``: one VM, e.g. for the Details pane."""
    chosen = selection(properties)
    return Pipeline.of(get_vm_by_id(vm_id), select(p.powershell_name for p in chosen))


def inventory_json_pipeline(properties: Iterable[VmProperty | str] = ()) -> Pipeline:
    """The same selection, ``| ConvertTo-Json -Compress -Depth 2``."""
    return inventory_pipeline(properties).pipe(
        Command("ConvertTo-Json", (("Compress", True), ("Depth", 2))))


def inventory_csv_pipeline(properties: Iterable[VmProperty | str] = ()) -> Pipeline:
    """The same selection, ``| ConvertTo-Csv -NoTypeInformation``."""
    return inventory_pipeline(properties).pipe(
        Command("ConvertTo-Csv", (("NoTypeInformation", True),)))


#: Properties whose ToString depends on the host's culture (DateTime): the CSV shape
#: would lose them, so a selection with one of these is fetched as objects.
CULTURE_FORMATTED: frozenset[VmProperty] = frozenset({VmProperty.CREATION_TIME})


def refresh_pipeline(properties: Iterable[VmProperty | str] = ()) -> Pipeline:
    """The refresh: the CSV shape unless a selected property is culture-formatted."""
    chosen = selection(properties)
    if any(p in CULTURE_FORMATTED for p in chosen):
        return inventory_pipeline(chosen)
    return inventory_csv_pipeline(chosen)


def parse_refresh(output: Iterable[Record | str], host: str,
                  properties: Iterable[VmProperty | str] = ()) -> tuple[VirtualMachine, ...]:
    """VMs from :func:`refresh_pipeline`'s output, whichever shape it had: text lines are
    the CSV shape, objects the plain one."""
    records = list(output)
    if is_text_output(records):
        return parse_inventory_csv(records, host, properties)
    return parse_vms(records, host, selection(properties))


def is_text_output(records: list[Record | str]) -> bool:
    """True when a refresh's output is lines of text (the CSV shape), not objects."""
    return bool(records) and all(
        isinstance(r, str) or (isinstance(r, Record) and isinstance(r.value, str)
                               and not r.properties) for r in records)


def output_texts(output: Iterable[Record | str]) -> list[str]:
    """The text of each output item (a string, or a Record's string value)."""
    return _texts(output)


def _texts(output: Iterable[Record | str]) -> list[str]:
    texts = []
    for item in output:
        if isinstance(item, Record):
            text = item.value if isinstance(item.value, str) else item.to_string
        else:
            text = item
        if isinstance(text, str):
            texts.append(text)
    return texts


def parse_inventory_json(output: Iterable[Record | str], host: str,
                         properties: Iterable[VmProperty | str] = ()) -> tuple[VirtualMachine, ...]:
    """VMs from the JSON variant's output (one object when the host has one VM).

    Malformed JSON raises ``ValueError``: unlike a single odd property, a broken
    document means the whole answer is unusable.
    """
    text = "".join(_texts(output)).strip()
    if not text:
        return ()
    data: Any = json.loads(text)
    rows = data if isinstance(data, list) else [data]
    return parse_vms((row for row in rows if isinstance(row, dict)), host, selection(properties))


def parse_inventory_csv(output: Iterable[Record | str], host: str,
                        properties: Iterable[VmProperty | str] = ()) -> tuple[VirtualMachine, ...]:
    """VMs from the CSV variant's output lines (a ``#TYPE`` line is skipped)."""
    # Line ends are kept: a quoted value (Notes) may span lines.
    lines = [line for text in _texts(output) for line in text.splitlines(keepends=True)
             if not line.startswith("#TYPE")]
    rows = [{key: (value if value != "" else None) for key, value in row.items() if key}
            for row in csv.DictReader(lines)]
    return parse_vms(rows, host, selection(properties))
