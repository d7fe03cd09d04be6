"""The first lines of a listener's answers: the bytes http.server's send_response writes."""

from __future__ import annotations

import email.utils
from http.server import BaseHTTPRequestHandler

import pytest

from hvmanager.simulator.wsman.response_head import ResponseHead
from hvmanager.simulator.wsman.wsman_request_handler import WsmanRequestHandler


def _send_response_bytes(status: int) -> bytes:
    """What ``send_response`` puts in the header buffer of a WinRM handler (no socket needed)."""
    handler = WsmanRequestHandler.__new__(WsmanRequestHandler)
    handler.request_version = "HTTP/1.1"
    handler.log_request = lambda *args: None  # type: ignore[method-assign]
    handler.send_response(status)
    return b"".join(handler._headers_buffer)  # type: ignore[attr-defined]


@pytest.mark.parametrize("status", [200, 400, 401, 404, 500])
def test_the_head_is_what_send_response_writes(status: int) -> None:
    handler = WsmanRequestHandler
    head = ResponseHead(handler.protocol_version, f"{handler.server_version} {handler.sys_version}")
    for _ in range(3):  # the second call comes from the table of the current second
        made, expected = head.head(status), _send_response_bytes(status)
        if made != expected:  # the second changed between the two: both are made anew
            made, expected = head.head(status), _send_response_bytes(status)
        assert made == expected
    assert made.startswith(f"HTTP/1.1 {status} {BaseHTTPRequestHandler.responses[status][0]}\r\n".encode())


def test_the_date_follows_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    head = ResponseHead("HTTP/1.1", "Test")
    clock = iter([1_000_000_000.2, 1_000_000_000.9, 1_000_000_001.0])
    monkeypatch.setattr("hvmanager.simulator.wsman.response_head.time.time", lambda: next(clock))
    first, same, later = head.head(200), head.head(200), head.head(200)
    assert first is same and first != later
    assert later == (b"HTTP/1.1 200 OK\r\nServer: Test\r\nDate: "
                     + email.utils.formatdate(1_000_000_001, usegmt=True).encode() + b"\r\n")
