"""The WinRM listener's HTTP layer over a raw socket: request lines, header limits, keep-alive."""

from __future__ import annotations

import socket

from hvmanager.simulator.lab import Lab


def _exchange(lab: Lab, *requests: bytes) -> list[bytes]:
    """Send each request on one connection; each answer's first 12 bytes, the status (b'' once closed)."""
    host = lab.hosts[0]
    statuses = []
    with socket.create_connection((host.address, host.port), timeout=5) as sock:
        reader = sock.makefile("rb")
        for request in requests:
            try:
                sock.sendall(request)
            except OSError:
                statuses.append(b"")
                continue
            status = reader.readline().rstrip()
            statuses.append(status[:12])
            length = 0
            while (line := reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            reader.read(length)
    return statuses


def _post(version: bytes = b"HTTP/1.1", *headers: bytes) -> bytes:
    return b"POST /wsman " + version + b"\r\nHost: x\r\nContent-Length: 0\r\n" + b"".join(headers) + b"\r\n"


def test_keep_alive_unless_the_client_closes(toy_lab: Lab) -> None:
    # An unauthenticated blank POST is answered 401 with the offers; the connection stays.
    assert _exchange(toy_lab, _post(), _post(b"HTTP/1.1", b"CONNECTION: keep-alive\r\n")) == \
        [b"HTTP/1.1 401"] * 2
    assert _exchange(toy_lab, _post(b"HTTP/1.1", b"Connection: Close\r\n"), _post()) == \
        [b"HTTP/1.1 401", b""]
    assert _exchange(toy_lab, _post(b"HTTP/1.0"), _post()) == [b"HTTP/1.1 401", b""]
    assert _exchange(toy_lab, _post(b"HTTP/1.0", b"Connection: keep-alive\r\n"), _post()) == \
        [b"HTTP/1.1 401"] * 2


def test_malformed_requests_get_http_errors(toy_lab: Lab) -> None:
    assert _exchange(toy_lab, b"POST /wsman extra HTTP/1.1\r\n\r\n") == [b"HTTP/1.1 400"]
    # Without a version it accepts, the answer is HTTP/0.9-style, a bare body (as http.server does).
    assert _exchange(toy_lab, b"POST /wsman HTTP/x.y\r\n\r\n") == [b"<!DOCTYPE HT"]
    assert _exchange(toy_lab, b"POST /wsman HTTP/2.0\r\n\r\n") == [b"<!DOCTYPE HT"]  # 505, as a bare body
    many = b"".join(b"X-%d: 1\r\n" % i for i in range(101))
    assert _exchange(toy_lab, _post(b"HTTP/1.1", many)) == [b"HTTP/1.1 431"]


def test_other_paths_are_not_found(toy_lab: Lab) -> None:
    assert _exchange(toy_lab, b"POST /other HTTP/1.1\r\nContent-Length: 0\r\n\r\n") == [b"HTTP/1.1 404"]


def test_an_answer_is_one_header_block_then_its_body(toy_lab: Lab) -> None:
    # As http.server wrote it: status line, Server, Date, the auth offers, Content-Length, blank line.
    host = toy_lab.hosts[0]
    with socket.create_connection((host.address, host.port), timeout=5) as sock:
        sock.sendall(_post())
        reader = sock.makefile("rb")
        lines = []
        while (line := reader.readline()) not in (b"\r\n", b""):
            lines.append(line)
    assert lines[0] == b"HTTP/1.1 401 Unauthorized\r\n" and lines[1] == b"Server: Microsoft-HTTPAPI/2.0 \r\n"
    assert lines[2].startswith(b"Date: ") and lines[2].endswith(b" GMT\r\n")
    assert lines[3:] == [b"WWW-Authenticate: Negotiate\r\n", b"Content-Length: 0\r\n"]
