"""The same host answered over WinRM (pypsrp) and over stdio (psrpcore) gives records of the same shape."""

from __future__ import annotations

import asyncio
import shlex
import sys

from hvmanager_testing.remoting_helpers import info_for

from hvmanager.remoting.command import Command
from hvmanager.remoting.outofproc_session import ENVIRONMENT_VARIABLE, OutOfProcSession
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record


def _shape(value):
    """Type names and Python types, recursively: what parsers rely on (values may move)."""
    if isinstance(value, Record):
        return ("Record", value.type_names, type(value.value).__name__,
                tuple(sorted((name, _shape(item)) for name, item in value.properties.items())))
    if isinstance(value, list):
        return ("list", tuple(_shape(item) for item in value))
    if isinstance(value, dict):
        return ("dict", tuple(sorted((str(key), _shape(item)) for key, item in value.items())))
    return type(value).__name__


def test_full_vm_objects_have_the_same_shape_over_both_transports(make_lab, monkeypatch, session_class):
    lab = make_lab(vms_per_host=3, seed=7)
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, f"{shlex.quote(sys.executable)} -m hvmanager.simulator --stdio "
                                             "--vms-per-host 3 --seed 7 --time-scale 0.01")
    get_vm = Pipeline.of(Command("Get-VM"))

    async def scenario():
        sessions = [session_class(info_for(lab.hosts[0])), OutOfProcSession()]
        try:
            return [(await session.run(get_vm, timeout=20)).records for session in sessions]
        finally:
            await asyncio.gather(*(session.close() for session in sessions))

    over_winrm, over_stdio = asyncio.run(scenario())
    assert len(over_winrm) == len(over_stdio) == 3
    by_name = {record.get("Name"): record for record in over_stdio}
    for record in over_winrm:
        twin = by_name[record.get("Name")]
        assert record.type_names == twin.type_names
        assert _shape(record) == _shape(twin)
