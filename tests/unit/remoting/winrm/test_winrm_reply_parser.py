"""Answers as the simulator's WinRM service writes them, read by ``ReplyParser``."""

from __future__ import annotations

import base64

import pytest

from hvmanager.remoting.winrm.reply_parser import DocumentTypeRefused, MalformedReply, ReplyParser
from hvmanager.simulator.wsman import soap_response as sr

PARSER = ReplyParser()
_SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/"
COMMAND = "8F0C1D2E-3A4B-4C5D-8E6F-7A8B9C0D1E2F"


def _receive(*payloads: bytes, done: bool) -> bytes:
    streams = "".join(f'<rsp:Stream Name="stdout" CommandId="{COMMAND}">{base64.b64encode(p).decode()}</rsp:Stream>'
                      for p in payloads)
    state = f'<rsp:CommandState CommandId="{COMMAND}" State="{_SHELL}CommandState/{"Done" if done else "Running"}"/>'
    return sr.envelope(_SHELL + "ReceiveResponse", "uuid:REQUEST-1",
                       f"<rsp:ReceiveResponse>{streams}{state}</rsp:ReceiveResponse>")


def test_receive_streams_are_decoded_in_order_with_their_command_and_state():
    reply = PARSER.parse(_receive(b"first", b"\x00second", done=True))
    assert reply.relates_to == "uuid:REQUEST-1"
    assert reply.streams == ((COMMAND, b"first"), (COMMAND, b"\x00second"))
    assert reply.done and reply.fault is None
    assert not PARSER.parse(_receive(b"x", done=False)).done


def test_create_response_names_the_shell():
    body = ('<x:ResourceCreated><a:Address>http://h/wsman</a:Address><a:ReferenceParameters><w:SelectorSet>'
            '<w:Selector Name="ShellId">ABC-1</w:Selector></w:SelectorSet></a:ReferenceParameters></x:ResourceCreated>')
    assert PARSER.parse(sr.envelope("CreateResponse", "uuid:R", body)).shell_id == "ABC-1"


def test_a_timed_out_long_poll_is_a_fault_that_says_so():
    reply = PARSER.parse(sr.fault_envelope(sr.OPERATION_TIMED_OUT, "uuid:R", "HV01"))
    assert reply.fault is not None and reply.fault.timed_out
    assert reply.fault.code == 2150858793


def test_other_faults_carry_their_code_and_the_hosts_reason():
    reply = PARSER.parse(sr.fault_envelope(sr.SHELL_NOT_FOUND, "uuid:R", "HV01", shell_id="S-1"))
    assert not reply.fault.timed_out
    assert reply.fault.code == 2150858843 and reply.fault.subcode == "w:InvalidSelectors"
    assert "ShellId S-1" in reply.fault.reason


@pytest.mark.parametrize("declaration", [b'<!DOCTYPE s:Envelope [<!ENTITY a "b">]>', b'<!ENTITY a "b">'])
def test_a_document_type_declaration_is_refused_before_parsing(declaration):
    with pytest.raises(DocumentTypeRefused):
        PARSER.parse(b'<?xml version="1.0"?>' + declaration + _receive(b"x", done=True))


@pytest.mark.parametrize("body", [
    b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header><a:Action',
    b"<html><body>500</body></html>",
    b"\x00\xff not xml",
])
def test_garbage_is_malformed(body):
    with pytest.raises(MalformedReply):
        PARSER.parse(body)


def test_a_stream_that_is_not_base64_is_malformed():
    bad = _receive(b"ok", done=True).replace(base64.b64encode(b"ok"), b"!!not base64!!")
    with pytest.raises(MalformedReply):
        PARSER.parse(bad)
