"""Ready-made CLIXML is byte for byte what psrpcore serialises for the same pipeline or pool."""

from __future__ import annotations

import datetime
import uuid

import pytest
from psrpcore import ClientPowerShell, ClientRunspacePool

from hvmanager.remoting import wire_values
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.winrm.guarded_runspace_pool import GuardedRunspacePool
from hvmanager.remoting.winrm.pipeline_clixml import pipeline_clixml

PIPELINES = [
    Pipeline.of(Command("Get-VM")),
    Pipeline.of(Command("Get-VM"), Command("Select-Object", (("Property", ["Name", "State", "CPUUsage"]),)),
                Command("ConvertTo-Csv", (("NoTypeInformation", True),))),
    Pipeline.of(Command("Get-VM", (("Id", uuid.UUID("0d4ab4a2-6b9e-4b53-9f37-3b7a8f1c2e11")),)), Command("Start-VM")),
    Pipeline.of(Command("Set-Thing", (("Count", 1), ("Ratio", 1.0), ("Flag", True), ("Big", 2**40),
                                      ("When", datetime.datetime(2026, 11, 27, 11, 0)), ("Names", {"b", "a"})))),
]


def _psrpcore_message(pool: ClientRunspacePool, shell: ClientPowerShell) -> bytes:
    shell.start()
    payload = pool.data_to_send()
    assert payload is not None
    return payload.data


def _psrpcore_serialised(pipeline: Pipeline) -> tuple[uuid.UUID, uuid.UUID, bytes]:
    pool = ClientRunspacePool()
    shell = ClientPowerShell(pool)
    for command in pipeline.commands:
        shell.add_command(command.name)
        for name, value in command.parameters:
            shell.add_parameter(name, wire_values.to_psrpcore(value))
    return pool.runspace_pool_id, shell.pipeline_id, _psrpcore_message(pool, shell)


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_a_pipeline_started_with_ready_made_clixml_sends_what_psrpcore_would(pipeline):
    pool_id, pipeline_id, expected = _psrpcore_serialised(pipeline)
    pool = GuardedRunspacePool()
    pool.runspace_pool_id = pool_id
    shell = ClientPowerShell(pool, pipeline_id=pipeline_id)
    pool.use_clixml(pipeline_id, pipeline_clixml(pipeline))
    assert _psrpcore_message(pool, shell) == expected
    assert pipeline_clixml(pipeline) == pipeline_clixml(pipeline)  # from the memo, when the values allow one


def test_values_of_different_types_never_share_clixml():
    texts = {pipeline_clixml(Pipeline.of(Command("X", (("V", value),)))) for value in (1, 1.0, True, "1")}
    assert len(texts) == 4


def test_opening_a_pool_sends_what_psrpcore_would():
    pool_id = uuid.uuid4()
    plain = ClientRunspacePool(runspace_pool_id=pool_id)
    plain.open()
    ours = GuardedRunspacePool()
    ours.runspace_pool_id = pool_id
    ours.open()
    assert ours.data_to_send().data == plain.data_to_send().data
