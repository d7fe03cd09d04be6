"""One persistent HTTP/1.1 connection to a WinRM listener, over a plain or TLS socket.

WinRM's NTLM contexts and message encryption belong to one TCP connection, so the
connection is kept alive between requests and its ``generation`` tells the caller when a
new one (which needs authenticating again) was made. Each answer is read within a byte
limit the caller passes (a hostile host cannot make us hold more), and ``shutdown`` may be
called from another thread to end a read blocked on a dead host at once.
"""

from __future__ import annotations

import select
import socket
import ssl
from dataclasses import dataclass

_RECV = 256 * 1024
_MAX_HEAD = 64 * 1024


class HttpProtocolViolation(ValueError):
    """The peer's answer is not HTTP/1.1 as we can read it."""


class ResponseTooLarge(Exception):
    """The answer's body would pass the byte limit the caller gave."""


class ConnectionClosed(ConnectionError):
    """The peer closed the connection before a whole answer arrived."""


@dataclass(frozen=True)
class HttpResponse:
    """Status, the headers we use (lower-case names, repeated ones joined by ``, ``), body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str:
        """A header's value, or ``""``."""
        return self.headers.get(name, "")


class HttpConnection:
    """POSTs to one URL over a kept-alive socket; reconnects when the peer closed it.

    Used by one worker thread; only ``shutdown`` may come from another thread.
    """

    def __init__(self, host: str, port: int, path: str, *, tls: ssl.SSLContext | None,
                 connect_timeout_s: float) -> None:
        self.host = host
        self.port = port
        self._tls = tls
        self.connect_timeout_s = connect_timeout_s
        self._socket: socket.socket | None = None
        self._buffer = bytearray()
        self._aborted = False
        #: Incremented at every new TCP connection (its authentication starts afresh).
        self.generation = 0
        host_header = f"[{host}]" if ":" in host else host
        self._head = (f"POST {path} HTTP/1.1\r\nHost: {host_header}:{port}\r\n"
                      "Connection: Keep-Alive\r\nUser-Agent: hvmanager\r\n").encode("ascii")

    # --- connection -------------------------------------------------------------------

    def ensure_connected(self) -> bool:
        """Connect unless a live connection exists; True when a new one was made."""
        if self._socket is not None and not self._peer_closed(self._socket):
            return False
        self.close()
        if self._aborted:
            raise ConnectionAbortedError("the session was closed")
        sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout_s)
        try:
            # One send per request: no Nagle delay waiting for an ACK of the previous piece.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._tls is not None:
                sock = self._tls.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        self._socket = sock
        self.generation += 1
        return True

    def peer_certificate(self) -> bytes | None:
        """The server's certificate (DER) on a TLS connection, for channel binding."""
        if isinstance(self._socket, ssl.SSLSocket):
            return self._socket.getpeercert(binary_form=True)
        return None

    @staticmethod
    def _peer_closed(sock: socket.socket) -> bool:
        """True when an idle kept-alive connection became readable: the peer closed it (or
        sent something unasked), so it cannot carry our next request."""
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return True
        return bool(readable)

    def close(self) -> None:
        """Close the socket (the next request connects again)."""
        sock, self._socket = self._socket, None
        self._buffer.clear()
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass

    def shutdown(self) -> None:
        """From any thread: end a blocked read or connect now and refuse new connections."""
        self._aborted = True
        sock = self._socket
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    # --- one exchange -------------------------------------------------------------------

    def post(self, headers: bytes, body: bytes, *, timeout_s: float, max_bytes: int) -> HttpResponse:
        """Send one request (``headers`` are complete ``Name: value\\r\\n`` lines) and read
        its answer, whose body may be at most ``max_bytes`` long."""
        sock = self._socket
        if sock is None:
            raise ConnectionClosed("not connected")
        sock.settimeout(timeout_s)
        try:
            sock.sendall(b"".join((self._head, headers, b"Content-Length: %d\r\n\r\n" % len(body), body)))
            response, keep = self._read_response(sock, max_bytes)
        except BaseException:
            self.close()
            raise
        if not keep:
            self.close()
        return response

    def _read_response(self, sock: socket.socket, max_bytes: int) -> tuple[HttpResponse, bool]:
        while True:
            end = self._buffer.find(b"\r\n\r\n")
            if end >= 0:
                break
            if len(self._buffer) > _MAX_HEAD:
                raise HttpProtocolViolation("the answer's header is too long")
            self._fill(sock)
        head = bytes(self._buffer[:end]).decode("latin-1")
        del self._buffer[:end + 4]
        status_line, _, header_text = head.partition("\r\n")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise HttpProtocolViolation(f"not an HTTP status line: {status_line[:80]!r}")
        headers: dict[str, str] = {}
        for line in header_text.split("\r\n"):
            name, colon, value = line.partition(":")
            if not colon:
                continue
            key = name.strip().lower()
            value = value.strip()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        keep = headers.get("connection", "").lower() != "close" and parts[0] == "HTTP/1.1"
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = self._read_chunked(sock, max_bytes)
        elif "content-length" in headers:
            length = headers["content-length"]
            if not length.isdigit():
                raise HttpProtocolViolation("bad Content-Length")
            if int(length) > max_bytes:
                raise ResponseTooLarge()
            body = self._read_exactly(sock, int(length))
        else:
            body = self._read_to_close(sock, max_bytes)
            keep = False
        return HttpResponse(int(parts[1]), headers, body), keep

    def _fill(self, sock: socket.socket) -> None:
        data = sock.recv(_RECV)
        if not data:
            raise ConnectionClosed("the host closed the connection")
        self._buffer += data

    def _read_exactly(self, sock: socket.socket, length: int) -> bytes:
        while len(self._buffer) < length:
            self._fill(sock)
        body = bytes(self._buffer[:length])
        del self._buffer[:length]
        return body

    def _read_chunked(self, sock: socket.socket, max_bytes: int) -> bytes:
        pieces: list[bytes] = []
        total = 0
        while True:
            while (end := self._buffer.find(b"\r\n")) < 0:
                if len(self._buffer) > 1024:
                    raise HttpProtocolViolation("bad chunk size line")
                self._fill(sock)
            size_text = bytes(self._buffer[:end]).split(b";")[0].strip()
            del self._buffer[:end + 2]
            try:
                size = int(size_text, 16)
            except ValueError:
                raise HttpProtocolViolation("bad chunk size") from None
            if size == 0:
                self._read_exactly(sock, 2)  # no trailers from WinRM: the final CRLF
                return b"".join(pieces)
            total += size
            if total > max_bytes:
                raise ResponseTooLarge()
            pieces.append(self._read_exactly(sock, size))
            self._read_exactly(sock, 2)

    def _read_to_close(self, sock: socket.socket, max_bytes: int) -> bytes:
        while True:
            if len(self._buffer) > max_bytes:
                raise ResponseTooLarge()
            data = sock.recv(_RECV)
            if not data:
                body = bytes(self._buffer)
                self._buffer.clear()
                return body
            self._buffer += data
