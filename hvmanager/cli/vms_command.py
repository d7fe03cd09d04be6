"""Run ``vms``: query every server concurrently (or read files), print rows and failures."""

from __future__ import annotations

import asyncio
from typing import Any, TextIO

from hvmanager.cli.output_writer import write_rows
from hvmanager.cli.vm_columns import json_value, properties_for
from hvmanager.cli.vms_request import VmsRequest

EXIT_OK, EXIT_HOST_FAILED = 0, 2


def run_vms(request: VmsRequest, out: TextIO, err: TextIO) -> int:
    """Rows of every host that answered on ``out``; one ``HOST: message (hint)`` line per
    failed host (or file) on ``err``; 2 when anything failed, else 0."""
    properties = properties_for(request.columns)
    rows: list[list[Any]] = []
    failures: list[str] = []
    if request.clixml_files:
        _read_files(request, properties, rows, failures)
    else:
        from hvmanager.cli.host_query import query_hosts

        answers = asyncio.run(query_hosts(request.targets, request.password, properties,
                                          request.timeout_s, request.max_parallel))
        for answer in answers:
            label = answer.target.label
            rows.extend([json_value(vm, c, label) for c in request.columns] for vm in answer.vms)
            if answer.error is not None:
                failures.append(f"{label}: {answer.error.one_line()}")
    write_rows(out, request.output_format, request.columns, rows)
    out.flush()
    for line in failures:
        err.write(line + "\n")
    err.flush()
    return EXIT_HOST_FAILED if failures else EXIT_OK


def _read_files(request: VmsRequest, properties: Any, rows: list[list[Any]],
                failures: list[str]) -> None:
    from hvmanager.cli.clixml_source import read_vm_file
    from hvmanager.remoting.clixml_file import ClixmlFileError

    for path in request.clixml_files:
        try:
            found = read_vm_file(path, properties)
        except (ClixmlFileError, OSError) as error:
            text = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            failures.append(f"{path}: {' '.join(text.split())}")
            continue
        rows.extend([json_value(vm, c, label) for c in request.columns] for label, vm in found)
