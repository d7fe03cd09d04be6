"""``HttpConnection`` against a scripted HTTP peer on a real loopback socket."""

from __future__ import annotations

import socket
import threading
import time
from typing import Callable

import pytest

from hvmanager.remoting.winrm.http_connection import (
    ConnectionClosed,
    HttpConnection,
    HttpProtocolViolation,
    ResponseTooLarge,
)

Answer = Callable[[socket.socket, bytes], bool]  # writes the answer; False closes the connection


class ScriptedPeer:
    """Accepts connections and answers each request with the next scripted answer."""

    def __init__(self, *answers: Answer) -> None:
        self._answers = list(answers)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.connections = 0
        self.requests: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while self._answers:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                while self._answers:
                    request = _read_request(conn)
                    if request is None:
                        break
                    self.requests.append(request)
                    if not self._answers.pop(0)(conn, request):
                        break

    def close(self) -> None:
        self._listener.close()


def _read_request(conn: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        piece = conn.recv(65536)
        if not piece:
            return None
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    while len(body) < length:
        body += conn.recv(65536)
    return body


def _sized(body: bytes, status: int = 200) -> Answer:
    def answer(conn: socket.socket, _: bytes) -> bool:
        conn.sendall(b"HTTP/1.1 %d X\r\nContent-Length: %d\r\nWWW-Authenticate: Negotiate abc\r\n"
                     b"WWW-Authenticate: Basic realm=x\r\n\r\n%s" % (status, len(body), body))
        return True
    return answer


def _chunked(*pieces: bytes) -> Answer:
    def answer(conn: socket.socket, _: bytes) -> bool:
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                     + b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n")
        return True
    return answer


def _until_close(body: bytes) -> Answer:
    def answer(conn: socket.socket, _: bytes) -> bool:
        conn.sendall(b"HTTP/1.1 200 OK\r\n\r\n" + body)
        return False
    return answer


def _raw(data: bytes) -> Answer:
    def answer(conn: socket.socket, _: bytes) -> bool:
        conn.sendall(data)
        return False
    return answer


@pytest.fixture
def peer():
    peers: list[ScriptedPeer] = []
    connections: list[HttpConnection] = []

    def start(*answers: Answer) -> tuple[ScriptedPeer, HttpConnection]:
        scripted = ScriptedPeer(*answers)
        peers.append(scripted)
        connections.append(HttpConnection("127.0.0.1", scripted.port, "/wsman", tls=None, connect_timeout_s=2))
        return scripted, connections[-1]

    yield start
    for connection in connections:
        connection.close()
    for scripted in peers:
        scripted.close()


def _post(connection: HttpConnection, body: bytes = b"<x/>", max_bytes: int = 1 << 20):
    connection.ensure_connected()
    return connection.post(b"Content-Type: text/xml\r\n", body, timeout_s=2, max_bytes=max_bytes)


def test_answers_come_back_over_one_kept_alive_connection(peer):
    scripted, connection = peer(_sized(b"one"), _chunked(b"tw", b"o"), _sized(b"", status=401))
    first = _post(connection, b"request-1")
    assert (first.status, first.body) == (200, b"one")
    assert first.header("www-authenticate") == "Negotiate abc, Basic realm=x"
    assert _post(connection, b"request-2").body == b"two"
    assert _post(connection).status == 401
    assert scripted.connections == 1 and connection.generation == 1
    assert scripted.requests[:2] == [b"request-1", b"request-2"]


def test_a_connection_the_peer_closed_is_replaced_before_the_next_request(peer):
    scripted, connection = peer(_until_close(b"whole body"), _sized(b"again"))
    assert _post(connection).body == b"whole body"
    assert _post(connection).body == b"again"
    assert scripted.connections == 2 and connection.generation == 2


def test_an_idle_connection_closed_by_the_peer_is_noticed(peer):
    scripted, connection = peer(_raw(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), _sized(b"fresh"))
    assert _post(connection).body == b"ok"  # the peer hangs up after answering, keep-alive notwithstanding
    time.sleep(0.1)
    assert connection.ensure_connected() is True
    assert connection.post(b"", b"x", timeout_s=2, max_bytes=100).body == b"fresh"


@pytest.mark.parametrize("answer", [_sized(b"x" * 101), _chunked(b"x" * 60, b"y" * 60), _until_close(b"z" * 150)])
def test_answers_over_the_byte_limit_are_refused(peer, answer):
    _, connection = peer(answer)
    with pytest.raises(ResponseTooLarge):
        _post(connection, max_bytes=100)


@pytest.mark.parametrize("data", [b"SSH-2.0-OpenSSH_9.2\r\n\r\n", b"HTTP/1.1 abc\r\n\r\n",
                                  b"HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n",
                                  b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"])
def test_what_is_not_http_is_a_protocol_violation(peer, data):
    _, connection = peer(_raw(data))
    with pytest.raises(HttpProtocolViolation):
        _post(connection)


def test_an_answer_cut_short_is_a_closed_connection(peer):
    _, connection = peer(_raw(b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nonly this"))
    with pytest.raises(ConnectionClosed):
        _post(connection)


def test_shutdown_from_another_thread_ends_a_blocked_read_at_once(peer):
    _, connection = peer(lambda conn, _: time.sleep(3) or False)  # reads the request, never answers
    connection.ensure_connected()
    threading.Timer(0.2, connection.shutdown).start()
    started = time.monotonic()
    with pytest.raises((ConnectionClosed, OSError)):
        connection.post(b"", b"x", timeout_s=10, max_bytes=100)
    assert time.monotonic() - started < 1.0
    with pytest.raises(ConnectionAbortedError):
        connection.ensure_connected()  # a shut-down connection never connects again


def test_a_silent_peer_times_out(peer):
    _, connection = peer(lambda conn, _: time.sleep(2) or False)
    connection.ensure_connected()
    with pytest.raises(TimeoutError):
        connection.post(b"", b"x", timeout_s=0.3, max_bytes=100)
