"""Our NTLM sealing against pyspnego's: real NTLM and SPNEGO handshakes, pyspnego's acceptor on
the other side checking every signature and sequence number, random messages both ways."""

from __future__ import annotations

import pytest
import spnego
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hvmanager.remoting.winrm.message_sealer import MessageSealer, SealError
from hvmanager.remoting.winrm.ntlm_seal import NtlmSeal, NtlmSealFailed
from hvmanager.simulator.wsman import message_encryption

PROTOCOLS = ("ntlm", "negotiate")
MESSAGES = st.lists(st.binary(min_size=0, max_size=3000), min_size=1, max_size=12)


@pytest.fixture
def user_file(tmp_path_factory):
    users = tmp_path_factory.mktemp("ntlm") / "users"
    users.write_text("HV01:alice:Secret-1\n", encoding="utf-8")
    return str(users)


def _pair(user_file: str, protocol: str, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """A completed client/server pair, the client's first request and answer gone through
    pyspnego as ``WSManChannel`` does (the handshake's last token rides on it)."""
    monkeypatch.setenv("NTLM_USER_FILE", user_file)
    options = spnego.NegotiateOptions.wrapping_winrm
    client = spnego.client("HV01\\alice", "Secret-1", hostname="hv01", service="HTTP", protocol=protocol,
                           options=options)
    server = spnego.server(hostname="hv01", service="HTTP", protocol=protocol, options=options)
    token = client.step()
    token = server.step(token)  # the challenge
    last = client.step(token)
    sealer = MessageSealer(client)
    request = sealer.seal(b"<first/>")
    final = server.step(last)  # the server's answer to the last leg (mechListMIC for SPNEGO)
    assert message_encryption.unwrap(request, server) == b"<first/>"
    if final and not client.complete:
        client.step(final)
    assert client.complete and server.complete
    _, answer = message_encryption.wrap(b"<answer/>", server)
    assert sealer.open(answer) == b"<answer/>"
    return sealer, server


@pytest.mark.parametrize("protocol", PROTOCOLS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(messages=MESSAGES, answers=MESSAGES)
def test_direct_sealing_interoperates_with_pyspnego_both_ways(user_file, monkeypatch, protocol, messages, answers):
    sealer, server = _pair(user_file, protocol, monkeypatch)
    for index in range(max(len(messages), len(answers))):
        if index < len(messages):
            body = sealer.seal(messages[index])
            # pyspnego's acceptor checks the HMAC, the RC4 stream and the sequence number.
            assert message_encryption.unwrap(body, server) == messages[index]
        if index < len(answers):
            _, body = message_encryption.wrap(answers[index], server)
            assert sealer.open(body) == answers[index]
    assert sealer.direct  # the messages after the first exchange did not go through pyspnego


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_sequence_numbers_count_on_from_the_handshake(user_file, monkeypatch, protocol):
    sealer, server = _pair(user_file, protocol, monkeypatch)
    # SPNEGO's mechListMIC used sequence number 0: the first request is 1 there, then 2.
    first_after = 2 if protocol == "negotiate" else 1
    for offset in range(3):
        body = sealer.seal(b"<m/>")
        signature = _signature(body)
        assert signature[:4] == b"\x01\x00\x00\x00"
        assert int.from_bytes(signature[12:16], "little") == first_after + offset
        assert message_encryption.unwrap(body, server) == b"<m/>"


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("where", ["checksum", "sequence", "message"])
def test_a_tampered_answer_is_refused_after_the_take_over(user_file, monkeypatch, protocol, where):
    sealer, server = _pair(user_file, protocol, monkeypatch)
    sealer.seal(b"<m/>")
    assert sealer.direct
    _, body = message_encryption.wrap(b"<answer>" + b"x" * 64 + b"</answer>", server)
    start = body.index(b"application/octet-stream\r\n") + len(b"application/octet-stream\r\n") + 4
    position = {"checksum": start + 6, "sequence": start + 13, "message": start + 40}[where]
    tampered = body[:position] + bytes([body[position] ^ 0x20]) + body[position + 1:]
    with pytest.raises(SealError):
        sealer.open(tampered)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_replayed_or_reordered_answer_is_refused(user_file, monkeypatch, protocol):
    sealer, server = _pair(user_file, protocol, monkeypatch)
    sealer.seal(b"<m/>")
    _, first = message_encryption.wrap(b"<one/>", server)
    _, second = message_encryption.wrap(b"<two/>", server)
    with pytest.raises(SealError):
        sealer.open(second)  # sequence number 2 where 1 is due
    sealer_again, server_again = _pair(user_file, protocol, monkeypatch)
    sealer_again.seal(b"<m/>")
    _, answer = message_encryption.wrap(b"<one/>", server_again)
    assert sealer_again.open(answer) == b"<one/>"
    with pytest.raises(SealError):
        sealer_again.open(answer)  # the same answer again


def test_a_direct_seal_refuses_a_wrong_signature():
    identity = bytes  # RC4 left out: the signature alone decides
    seal = NtlmSeal(b"k" * 16, b"k" * 16, identity, identity, 5, 5, key_exchange=False)
    signature, sealed = seal.seal(b"<m/>")
    assert seal.open(signature, sealed) == b"<m/>"  # same keys both ways: sequence 5 checks out
    with pytest.raises(NtlmSealFailed):
        seal.open(signature, sealed)  # sequence 6 is due now


def test_contexts_other_than_ntlm_stay_on_pyspnego(user_file, monkeypatch):
    monkeypatch.setenv("NTLM_USER_FILE", user_file)
    unfinished = spnego.client("HV01\\alice", "Secret-1", hostname="hv01", service="HTTP", protocol="ntlm")
    unfinished.step()
    assert NtlmSeal.take_over(unfinished) is None  # the handshake is not over
    assert NtlmSeal.take_over(object()) is None  # no negotiated NTLM (Kerberos, say)


def _signature(body: bytes) -> bytes:
    start = body.index(b"application/octet-stream\r\n") + len(b"application/octet-stream\r\n")
    assert int.from_bytes(body[start:start + 4], "little") == 16
    return body[start + 4:start + 20]
