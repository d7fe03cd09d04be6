"""What the guarded pool does with messages psrpcore alone would expand, reject or dwell on."""

from __future__ import annotations

import uuid

from psrpcore import PSRPPayload, StreamType
from psrpcore._payload import create_fragment, create_message
from psrpcore.types import PSRPMessageType

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
