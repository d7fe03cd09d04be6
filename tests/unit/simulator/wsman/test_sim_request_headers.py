"""Header fields as the WinRM handler reads them: by name, case-insensitively, within limits."""

from __future__ import annotations

import io

import pytest

from hvmanager.simulator.wsman.request_headers import MAX_FIELDS, HeaderError, RequestHeaders


def _read(raw: bytes) -> RequestHeaders:
    return RequestHeaders.read(io.BytesIO(raw))


def test_fields_by_name_in_any_case_first_one_counts_and_the_body_stays() -> None:
    stream = io.BytesIO(b"Content-Length: 12\r\nauthorization: Negotiate abc==\r\nX-A: 1\r\nX-a: 2\r\n"
                        b"Folded: one\r\n  two\r\n\r\nbody follows")
    headers = RequestHeaders.read(stream)
    assert headers.get("content-length") == "12" and headers.get("Authorization") == "Negotiate abc=="
    assert headers.get("X-A") == "1" and headers.get("Folded") == "one two"
    assert headers.get("Missing") is None and headers.get("Missing", "") == "" and "x-a" in headers
    assert stream.read() == b"body follows"


def test_a_bare_newline_or_the_end_of_the_stream_ends_the_block() -> None:
    assert _read(b"Host: a\n\nrest").get("host") == "a"
    assert _read(b"Host: a\r\n").get("host") == "a"


def test_too_many_fields_or_too_long_a_line_is_an_error() -> None:
    with pytest.raises(HeaderError, match="more than 100"):
        _read(b"".join(b"X-%d: 1\r\n" % i for i in range(MAX_FIELDS + 1)) + b"\r\n")
    _read(b"".join(b"X-%d: 1\r\n" % i for i in range(MAX_FIELDS)) + b"\r\n")
    with pytest.raises(HeaderError, match="too long"):
        _read(b"X: " + b"a" * 70000 + b"\r\n\r\n")
