"""What the guarded pool does with messages psrpcore alone would expand, reject or dwell on."""

from __future__ import annotations

import uuid

from psrpcore import ClientRunspacePool, PSRPPayload, RunspacePoolStateEvent, StreamType
from psrpcore._payload import create_fragment, create_message
from psrpcore.types import PSRPMessageType, RunspacePoolState

from hvmanager.remoting import psrpcore_conversion
from hvmanager.remoting.winrm.guarded_runspace_pool import GuardedRunspacePool

PIPELINE = uuid.UUID("66666666-7777-8888-9999-000000000000")


def _events(pool: GuardedRunspacePool, kind: PSRPMessageType, clixml: bytes, pipeline=PIPELINE) -> list:
    message = create_message(False, kind, clixml, pool.runspace_pool_id, pipeline)
    pool.receive_data(PSRPPayload(create_fragment(1, 0, message, True), StreamType.default, None))
    events = []
    while (event := pool.next_event()) is not None:
        events.append(event)
    return events


def test_a_document_type_declaration_arrives_as_text_never_expanded():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE S [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
              b"<S>&b;</S>")
    [event] = _events(GuardedRunspacePool(), PSRPMessageType.PipelineOutput, laughs)
    record = psrpcore_conversion.to_record(event.data)
    assert record.value == laughs.decode("utf-8")
    assert "lollollol" not in record.value


def test_an_unreadable_date_is_kept_as_text_and_the_object_survives():
    clixml = (b'<Obj RefId="0"><TN RefId="0"><T>Selected.Microsoft.HyperV.PowerShell.VirtualMachine</T></TN><MS>'
              b'<S N="Name">fine</S><DT N="CreationTime">not a date</DT><TS N="Uptime">PT1M</TS></MS></Obj>')
    [event] = _events(GuardedRunspacePool(), PSRPMessageType.PipelineOutput, clixml)
    record = psrpcore_conversion.to_record(event.data)
    assert record.get("Name") == "fine"
    assert record.get("CreationTime") == "not a date"
    assert record.get("Uptime") == "PT1M"


def test_readable_dates_keep_their_types():
    clixml = b'<Obj RefId="0"><MS><DT N="When">2026-11-27T11:00:00</DT><TS N="Uptime">PT1M</TS></MS></Obj>'
    [event] = _events(GuardedRunspacePool(), PSRPMessageType.PipelineOutput, clixml)
    record = psrpcore_conversion.to_record(event.data)
    assert record.get("When").year == 2026 and record.get("Uptime").total_seconds() == 60


def test_the_hosts_application_private_data_is_not_read():
    private = (b'<Obj RefId="0"><MS><Obj N="ApplicationPrivateData" RefId="1"><TN RefId="0">'
               b"<T>System.Management.Automation.PSPrimitiveDictionary</T><T>System.Collections.Hashtable</T>"
               b'<T>System.Object</T></TN><DCT><En><S N="Key">PSVersionTable</S><Obj N="Value" RefId="2">'
               b'<TNRef RefId="0" /><DCT><En><S N="Key">PSEdition</S><S N="Value">Desktop</S></En></DCT></Obj>'
               b"</En></DCT></Obj></MS></Obj>")
    pool = GuardedRunspacePool()
    [event] = _events(pool, PSRPMessageType.ApplicationPrivateData, private, pipeline=None)
    assert not pool.application_private_data


def test_opening_queues_the_bytes_psrpcore_would_queue():
    ours = GuardedRunspacePool()
    ours.open()
    theirs = ClientRunspacePool(runspace_pool_id=ours.runspace_pool_id)
    theirs.open()
    assert ours.state == theirs.state == RunspacePoolState.Opening
    mine, psrpcores = ours.data_to_send(), theirs.data_to_send()
    assert mine is not None and psrpcores is not None
    assert mine.data == psrpcores.data


CAPABILITY = (b'<Obj RefId="0"><MS><Version N="PSVersion">2.0</Version><Version N="protocolversion">2.3</Version>'
              b'<Version N="SerializationVersion">1.1.0.1</Version></MS></Obj>')
OPENED = b'<Obj RefId="0"><MS><I32 N="RunspaceState">2</I32></MS></Obj>'
BROKEN = (b'<Obj RefId="0"><MS><I32 N="RunspaceState">5</I32><Obj N="ExceptionAsErrorRecord" RefId="1"><MS>'
          b'<S N="Message">host gone</S></MS></Obj></MS></Obj>')


def _answered(pool: ClientRunspacePool, answers: list[tuple[PSRPMessageType, bytes]]) -> list:
    pool.open()
    pool.data_to_send()
    events = []
    for kind, clixml in answers:
        events.extend(_events(pool, kind, clixml, pipeline=None))
    return events


def test_the_pools_answers_leave_it_as_psrpcore_leaves_it_every_time():
    answers = [(PSRPMessageType.SessionCapability, CAPABILITY), (PSRPMessageType.RunspacePoolState, OPENED)]
    reference = ClientRunspacePool()
    expected = _answered(reference, answers)
    for _ in range(3):  # the second and third pools read the same answers from the memo
        pool = GuardedRunspacePool()
        events = _answered(pool, answers)
        assert [type(event) for event in events] == [type(event) for event in expected]
        assert pool.state == reference.state == RunspacePoolState.Opened
        assert str(pool.their_capability.protocolversion) == str(reference.their_capability.protocolversion)
        assert str(pool.their_capability.PSVersion) == str(reference.their_capability.PSVersion)
        assert all(event.runspace_pool_id == pool.runspace_pool_id for event in events)


def test_a_broken_pool_answer_still_breaks_the_pool():
    for _ in range(2):
        pool = GuardedRunspacePool()
        [_, event] = _answered(pool, [(PSRPMessageType.SessionCapability, CAPABILITY),
                                      (PSRPMessageType.RunspacePoolState, BROKEN)])
        assert isinstance(event, RunspacePoolStateEvent)
        assert pool.state == event.state == RunspacePoolState.Broken
        assert "host gone" in str(event.reason)
