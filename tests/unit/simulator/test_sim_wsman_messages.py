"""WS-Man envelopes, faults and message encryption against pypsrp's own readers and writers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spnego
from pypsrp.encryption import WinRMEncryption
from pypsrp.wsman import WSMan

from hvmanager.simulator.wsman import message_encryption
from hvmanager.simulator.wsman import soap_response as sr
from hvmanager.simulator.wsman.host_credentials import HostCredentials
from hvmanager.simulator.wsman.ntlm_user_file import NtlmUserFile
from hvmanager.simulator.wsman.soap_request import MalformedRequestError, SoapRequest, parse_duration


@pytest.mark.parametrize(("text", "seconds"), [
    ("PT20S", 20.0), ("PT1M30.5S", 90.5), ("P1DT2H", 93600.0), ("PT0.250S", 0.25), ("nonsense", 60.0)])
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


def test_request_header_fields() -> None:
    envelope = b"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
        xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"
        xmlns:wsman="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
        xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell"><s:Header>
        <wsa:Action>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive</wsa:Action>
        <wsman:Locale xml:lang="de-DE"/><wsman:MaxEnvelopeSize>512000</wsman:MaxEnvelopeSize>
        <wsa:MessageID>uuid:ABC</wsa:MessageID><wsman:OperationTimeout>PT20S</wsman:OperationTimeout>
        <wsman:ResourceURI>http://schemas.microsoft.com/powershell/Microsoft.PowerShell</wsman:ResourceURI>
        <wsman:SelectorSet><wsman:Selector Name="ShellId">S1</wsman:Selector></wsman:SelectorSet>
        <wsman:OptionSet><wsman:Option Name="WSMAN_CMDSHELL_OPTION_KEEPALIVE">True</wsman:Option></wsman:OptionSet>
        </s:Header><s:Body><rsp:Receive/></s:Body></s:Envelope>"""
    request = SoapRequest.parse(envelope)
    assert request.action.endswith("/Receive") and request.message_id == "uuid:ABC"
    assert request.selectors == {"ShellId": "S1"}
    assert request.options == {"WSMAN_CMDSHELL_OPTION_KEEPALIVE": "True"}
    assert (request.operation_timeout_s, request.max_envelope_size, request.locale) == (20.0, 512000, "de-DE")
    assert request.body is not None and request.body.tag.endswith("Receive")
    with pytest.raises(MalformedRequestError):
        SoapRequest.parse(b"<s:Envelope")


def test_faults_read_back_by_pypsrp() -> None:
    envelope = sr.fault_envelope(sr.OPERATION_TIMED_OUT, "uuid:1", "HV01")
    fault = WSMan._parse_wsman_fault(envelope.decode())
    assert fault.code == 2150858793 and fault.machine == "HV01"
    assert fault.reason.startswith("The WS-Management service cannot complete the operation")
    missing = WSMan._parse_wsman_fault(sr.fault_envelope(sr.SHELL_NOT_FOUND, "uuid:2", "HV01", shell_id="X").decode())
    assert missing.code == 2150858843 and "ShellId X" in missing.reason
    assert re.search(rb"<a:RelatesTo>uuid:1</a:RelatesTo>", envelope)


def _ntlm_pair(tmp_path: Path) -> tuple[object, object]:
    user_file = NtlmUserFile(tmp_path, HostCredentials("HV01", "alice", "Secret1"))
    client = spnego.client("alice", "Secret1", hostname="hv01", service="HTTP", protocol="ntlm",
                           options=spnego.NegotiateOptions.wrapping_winrm)
    with user_file.active():
        server = spnego.server(hostname="HV01", service="HTTP", protocol="negotiate",
                               options=spnego.NegotiateOptions.wrapping_winrm)
        token = client.step()
        while not server.complete:
            token = server.step(token)
            if token:
                token = client.step(token)
    assert client.complete and server.complete
    return client, server


def test_message_encryption_both_ways_with_pypsrp(tmp_path: Path) -> None:
    client, server = _ntlm_pair(tmp_path)
    pypsrp_side = WinRMEncryption(client, WinRMEncryption.SPNEGO)
    request = b"<s:Envelope>" + "é".encode() * 3000 + b"</s:Envelope>"
    content_type, body = pypsrp_side.wrap_message(request)
    assert message_encryption.is_encrypted(content_type)
    assert message_encryption.unwrap(body, server) == request
    reply = b"<s:Envelope>reply</s:Envelope>"
    reply_type, reply_body = message_encryption.wrap(reply, server)
    boundary = re.search(r'boundary="([^"]+)"', reply_type).group(1)
    assert pypsrp_side.unwrap_message(reply_body, boundary) == reply
    with pytest.raises(message_encryption.EncryptionError):
        message_encryption.unwrap(body[:-40] + b"--Encrypted Boundary--\r\n", server)
    with pytest.raises(message_encryption.EncryptionError):
        message_encryption.unwrap(body, None)
