"""``HttpConnection`` against a scripted HTTP peer on a real loopback socket."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Awaitable, Callable

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

    def start(*answers: Answer) -> tuple[ScriptedPeer, HttpConnection]:
        scripted = ScriptedPeer(*answers)
        peers.append(scripted)
        return scripted, HttpConnection("127.0.0.1", scripted.port, "/wsman", tls=None, connect_timeout_s=2)

    yield start
    for scripted in peers:
        scripted.close()


async def _post(connection: HttpConnection, body: bytes = b"<x/>", max_bytes: int = 1 << 20):
    await connection.ensure_connected()
    return await connection.post(b"Content-Type: text/xml\r\n", body, timeout_s=2, max_bytes=max_bytes)


def _run(scenario: Callable[[], Awaitable], connection: HttpConnection):
    """Run ``scenario`` on a fresh event loop, closing the connection on it afterwards."""
    async def wrapped():
        try:
            return await scenario()
        finally:
            connection.close()

    return asyncio.run(wrapped())


def test_answers_come_back_over_one_kept_alive_connection(peer):
    scripted, connection = peer(_sized(b"one"), _chunked(b"tw", b"o"), _sized(b"", status=401))

    async def scenario():
        first = await _post(connection, b"request-1")
        assert (first.status, first.body) == (200, b"one")
        assert first.header("www-authenticate") == "Negotiate abc, Basic realm=x"
        assert (await _post(connection, b"request-2")).body == b"two"
        assert (await _post(connection)).status == 401

    _run(scenario, connection)
    assert scripted.connections == 1 and connection.generation == 1
    assert scripted.requests[:2] == [b"request-1", b"request-2"]


def test_a_connection_the_peer_closed_is_replaced_before_the_next_request(peer):
    scripted, connection = peer(_until_close(b"whole body"), _sized(b"again"))

    async def scenario():
        assert (await _post(connection)).body == b"whole body"
        assert (await _post(connection)).body == b"again"

    _run(scenario, connection)
    assert scripted.connections == 2 and connection.generation == 2


def test_an_idle_connection_closed_by_the_peer_is_noticed(peer):
    scripted, connection = peer(_raw(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), _sized(b"fresh"))

    async def scenario():
        assert (await _post(connection)).body == b"ok"  # the peer hangs up after answering, keep-alive notwithstanding
        await asyncio.sleep(0.1)
        assert await connection.ensure_connected() is True
        assert (await connection.post(b"", b"x", timeout_s=2, max_bytes=100)).body == b"fresh"

    _run(scenario, connection)


def test_an_answer_split_into_many_small_pieces_is_put_together(peer):
    def trickle(conn: socket.socket, _: bytes) -> bool:
        answer = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                  b"3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\n\r\n")
        for index in range(len(answer)):
            conn.sendall(answer[index:index + 1])
            time.sleep(0.001)
        return True

    scripted, connection = peer(trickle, _sized(b"next"))

    async def scenario():
        assert (await _post(connection)).body == b"abcdefg"
        assert (await _post(connection)).body == b"next"

    _run(scenario, connection)
    assert scripted.connections == 1


@pytest.mark.parametrize("answer", [_sized(b"x" * 101), _chunked(b"x" * 60, b"y" * 60), _until_close(b"z" * 150)])
def test_answers_over_the_byte_limit_are_refused(peer, answer):
    _, connection = peer(answer)
    with pytest.raises(ResponseTooLarge):
        _run(lambda: _post(connection, max_bytes=100), connection)


@pytest.mark.parametrize("data", [b"SSH-2.0-OpenSSH_9.2\r\n\r\n", b"HTTP/1.1 abc\r\n\r\n",
                                  b"HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n",
                                  b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"])
def test_what_is_not_http_is_a_protocol_violation(peer, data):
    _, connection = peer(_raw(data))
    with pytest.raises(HttpProtocolViolation):
        _run(lambda: _post(connection), connection)


def test_an_answer_cut_short_is_a_closed_connection(peer):
    _, connection = peer(_raw(b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nonly this"))
    with pytest.raises(ConnectionClosed):
        _run(lambda: _post(connection), connection)


def test_shutdown_ends_an_exchange_in_flight_at_once_and_connects_no_more(peer):
    _, connection = peer(lambda conn, _: time.sleep(3) or False)  # reads the request, never answers

    async def scenario():
        await connection.ensure_connected()
        asyncio.get_running_loop().call_later(0.2, connection.shutdown)
        started = time.monotonic()
        with pytest.raises(ConnectionAbortedError):
            await connection.post(b"", b"x", timeout_s=10, max_bytes=100)
        assert time.monotonic() - started < 1.0
        with pytest.raises(ConnectionAbortedError):
            await connection.ensure_connected()  # a shut-down connection never connects again

    _run(scenario, connection)


def test_a_cancelled_exchange_closes_the_connection(peer):
    """The answer still on its way must never be read as the next request's."""
    def late(conn: socket.socket, request: bytes) -> bool:
        time.sleep(0.5)
        return _sized(b"late")(conn, request)

    scripted, connection = peer(late, _sized(b"fresh"))

    async def scenario():
        await connection.ensure_connected()
        exchange = asyncio.ensure_future(connection.post(b"", b"x", timeout_s=10, max_bytes=100))
        await asyncio.sleep(0.1)
        exchange.cancel()
        with pytest.raises(asyncio.CancelledError):
            await exchange
        assert await connection.ensure_connected() is True  # a new connection
        return await connection.post(b"", b"y", timeout_s=10, max_bytes=100)

    assert _run(scenario, connection).body == b"fresh"
    assert scripted.connections == 2 and connection.generation == 2


def test_a_silent_peer_times_out(peer):
    _, connection = peer(lambda conn, _: time.sleep(2) or False)

    async def scenario():
        await connection.ensure_connected()
        await connection.post(b"", b"x", timeout_s=0.3, max_bytes=100)

    with pytest.raises(TimeoutError):
        _run(scenario, connection)


def test_a_refused_connection_raises_what_the_socket_said():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
    connection = HttpConnection("127.0.0.1", port, "/wsman", tls=None, connect_timeout_s=2)
    with pytest.raises(ConnectionRefusedError):
        _run(connection.ensure_connected, connection)


def test_a_name_that_does_not_resolve_is_a_lookup_error():
    connection = HttpConnection("no-such-host.invalid", 5985, "/wsman", tls=None, connect_timeout_s=2)
    with pytest.raises(socket.gaierror):
        _run(connection.ensure_connected, connection)
