"""WinRM message encryption between our sealer and the simulator's, over real NTLM contexts."""

from __future__ import annotations

import pytest
import spnego

from hvmanager.remoting.winrm.message_sealer import MessageSealer, SealError
from hvmanager.simulator.wsman import message_encryption

ENVELOPE = '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>naïve ✓</s:Body></s:Envelope>'


@pytest.fixture
def contexts(tmp_path, monkeypatch):
    """A completed NTLM client/server pair with WinRM wrapping (pyspnego on both sides)."""
    users = tmp_path / "users"
    users.write_text("HV01:alice:Secret-1\n", encoding="utf-8")
    monkeypatch.setenv("NTLM_USER_FILE", str(users))
    options = spnego.NegotiateOptions.wrapping_winrm
    client = spnego.client("HV01\\alice", "Secret-1", hostname="hv01", service="HTTP", protocol="ntlm",
                           options=options)
    server = spnego.server(hostname="hv01", service="HTTP", protocol="ntlm", options=options)
    token = client.step()
    while not (client.complete and server.complete):
        token = server.step(token)
        if token:
            token = client.step(token)
    return client, server


def test_a_sealed_request_opens_on_the_host(contexts):
    client, server = contexts
    body = MessageSealer(client).seal(ENVELOPE.encode("utf-8"))
    assert ENVELOPE.encode("utf-8") not in body  # encrypted, not just framed
    assert message_encryption.unwrap(body, server) == ENVELOPE.encode("utf-8")


def test_a_sealed_answer_opens_here(contexts):
    client, server = contexts
    content_type, body = message_encryption.wrap(ENVELOPE.encode("utf-8"), server)
    assert content_type.startswith("multipart/encrypted")
    assert MessageSealer(client).open(body) == ENVELOPE.encode("utf-8")


def test_a_tampered_answer_is_refused(contexts):
    client, server = contexts
    _, body = message_encryption.wrap(ENVELOPE.encode("utf-8"), server)
    middle = len(body) // 2
    tampered = body[:middle] + bytes([body[middle] ^ 0x01]) + body[middle + 1:]
    with pytest.raises(SealError):
        MessageSealer(client).open(tampered)


@pytest.mark.parametrize("body", [b"", b"--Encrypted Boundary\r\n", b"<s:Envelope/>",
                                  b"--Encrypted Boundary\r\n\tContent-Type: application/HTTP-SPNEGO-session-encrypted"
                                  b"\r\n\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=10\r\n"
                                  b"--Encrypted Boundary\r\n\tContent-Type: application/octet-stream\r\n\xff\xff"
                                  b"--Encrypted Boundary--\r\n"])
def test_broken_framing_is_refused(contexts, body):
    client, _ = contexts
    with pytest.raises(SealError):
        MessageSealer(client).open(body)
