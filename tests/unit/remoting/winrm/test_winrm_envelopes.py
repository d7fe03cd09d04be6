"""Envelopes from byte templates, read back by the simulator's WS-Management request parser."""

from __future__ import annotations

import base64
import uuid

import pytest

from hvmanager.remoting.winrm.envelopes import (
    RESOURCE_URI,
    SIGNAL_STOP,
    SIGNAL_TERMINATE,
    EnvelopeBuilder,
)
from hvmanager.simulator.wsman.soap_request import NS, SoapRequest

SHELL = uuid.UUID("0d4ab4a2-6b9e-4b53-9f37-3b7a8f1c2e11")
COMMAND = uuid.UUID("8f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f")
BUILDER = EnvelopeBuilder("http://hv01.example:5985/wsman?a=1&b=<2>", operation_timeout_s=20)
_SHELL_ACTIONS = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/"


def _parsed(built: tuple[str, bytes]) -> tuple[str, SoapRequest]:
    message_id, envelope = built
    return message_id, SoapRequest.parse(envelope)


def test_create_carries_the_shell_id_the_streams_and_the_creation_xml():
    message_id, request = _parsed(BUILDER.create(SHELL, base64.b64encode(b"\x00psrp")))
    assert request.action == "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create"
    assert request.message_id == message_id and message_id.startswith("uuid:")
    assert request.resource_uri == RESOURCE_URI
    assert request.options == {"protocolversion": "2.3"}
    assert request.operation_timeout_s == 20
    shell = request.body
    assert shell.attrib["ShellId"] == str(SHELL).upper()
    assert shell.find("rsp:InputStreams", NS).text == "stdin pr"
    assert base64.b64decode(shell.find("pwsh:creationXml", NS).text) == b"\x00psrp"


def test_every_request_gets_its_own_message_id():
    ids = {BUILDER.delete(SHELL)[0] for _ in range(50)}
    assert len(ids) == 50


def test_command_names_the_shell_and_carries_the_pipeline_data():
    _, request = _parsed(BUILDER.command(SHELL, COMMAND, base64.b64encode(b"pipeline")))
    assert request.action == _SHELL_ACTIONS + "Command"
    assert request.selectors == {"ShellId": str(SHELL).upper()}
    line = request.body
    assert line.attrib["CommandId"] == str(COMMAND).upper()
    assert base64.b64decode(line.find("rsp:Arguments", NS).text) == b"pipeline"


@pytest.mark.parametrize("command_id", [None, COMMAND])
def test_receive_and_send_target_the_pool_or_a_pipeline(command_id):
    _, receive = _parsed(BUILDER.receive(SHELL, command_id, 1.5))
    assert receive.action == _SHELL_ACTIONS + "Receive"
    assert receive.operation_timeout_s == pytest.approx(1.5)
    desired = receive.body.find("rsp:DesiredStream", NS)
    assert desired.text == "stdout"
    assert desired.attrib.get("CommandId") == (str(command_id).upper() if command_id else None)
    _, send = _parsed(BUILDER.send(SHELL, command_id, base64.b64encode(b"more")))
    stream = send.body.find("rsp:Stream", NS)
    assert stream.attrib.get("CommandId") == (str(command_id).upper() if command_id else None)
    assert base64.b64decode(stream.text) == b"more"


@pytest.mark.parametrize("code", [SIGNAL_STOP, SIGNAL_TERMINATE])
def test_signal_carries_its_code(code):
    _, request = _parsed(BUILDER.signal(SHELL, COMMAND, code))
    assert request.body.attrib["CommandId"] == str(COMMAND).upper()
    assert request.body.find("rsp:Code", NS).text == code


def test_the_endpoint_is_escaped_into_the_header():
    _, envelope = BUILDER.delete(SHELL)
    assert b"<wsa:To>http://hv01.example:5985/wsman?a=1&amp;b=&lt;2&gt;</wsa:To>" in envelope
    assert SoapRequest.parse(envelope).selectors == {"ShellId": str(SHELL).upper()}
