"""One persistent HTTP/1.1 connection to a WinRM listener, over plain TCP or TLS, on asyncio.

WinRM's NTLM contexts and message encryption belong to one TCP connection, so the
connection is kept alive between requests and its ``generation`` tells the caller when a
new one (which needs authenticating again) was made. Each answer is read within a byte
limit the caller passes (a hostile host cannot make us hold more). An exchange whose
awaiting task is cancelled closes the connection: the answer still on its way would
otherwise be taken for the next one's.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from dataclasses import dataclass

from hvmanager.remoting.winrm.http_response_reader import (
    ConnectionClosed,
    HttpProtocolViolation,
    HttpResponseReader,
    ResponseTooLarge,
)

__all__ = ["ConnectionClosed", "HttpConnection", "HttpProtocolViolation", "HttpResponse", "ResponseTooLarge"]


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
    """POSTs to one URL over a kept-alive connection; reconnects when the peer closed it.

    Used from one event loop (the network thread's), one exchange at a time.
    """

    def __init__(self, host: str, port: int, path: str, *, tls: ssl.SSLContext | None,
                 connect_timeout_s: float) -> None:
        self.host = host
        self.port = port
        self._tls = tls
        self.connect_timeout_s = connect_timeout_s
        self._transport: asyncio.Transport | None = None
        self._reader: HttpResponseReader | None = None
        self._aborted = False
        #: Incremented at every new TCP connection (its authentication starts afresh).
        self.generation = 0
        host_header = f"[{host}]" if ":" in host else host
        self._head = (f"POST {path} HTTP/1.1\r\nHost: {host_header}:{port}\r\n"
                      "Connection: Keep-Alive\r\nUser-Agent: hvmanager\r\n").encode("ascii")

    # --- connection -------------------------------------------------------------------

    async def ensure_connected(self) -> bool:
        """Connect unless a live connection exists; True when a new one was made."""
        if self._reader is not None and self._reader.reusable:
            return False
        self.close()
        if self._aborted:
            raise ConnectionAbortedError("the session was closed")
        transport, reader = await self._connect()
        if self._aborted:  # closed while connecting
            transport.abort()
            raise ConnectionAbortedError("the session was closed")
        self._transport, self._reader = transport, reader
        self.generation += 1
        return True

    def peer_certificate(self) -> bytes | None:
        """The server's certificate (DER) on a TLS connection, for channel binding."""
        transport = self._transport
        tls = transport.get_extra_info("ssl_object") if transport is not None else None
        return tls.getpeercert(binary_form=True) if tls is not None else None

    def close(self) -> None:
        """Close the connection (the next request connects again); an exchange in flight
        fails with ``ConnectionAbortedError``."""
        transport, self._transport = self._transport, None
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.fail(ConnectionAbortedError("the connection was closed"))
        if transport is not None:
            transport.abort()

    def shutdown(self) -> None:
        """Close now and refuse new connections (the session is closing)."""
        self._aborted = True
        self.close()

    # --- one exchange -------------------------------------------------------------------

    async def post(self, headers: bytes, body: bytes, *, timeout_s: float, max_bytes: int) -> HttpResponse:
        """Send one request (``headers`` are complete ``Name: value\\r\\n`` lines) and read
        its answer, whose body may be at most ``max_bytes`` long, within ``timeout_s``."""
        transport, reader = self._transport, self._reader
        if transport is None or reader is None:
            raise ConnectionClosed("not connected")
        answer = reader.expect(max_bytes, timeout_s)
        transport.write(b"".join((self._head, headers, b"Content-Length: %d\r\n\r\n" % len(body), body)))
        try:
            status, response_headers, response_body, keep = await answer
        except BaseException:
            self.close()
            raise
        if not keep:
            self.close()
        return HttpResponse(status, response_headers, response_body)

    async def _connect(self) -> tuple[asyncio.Transport, HttpResponseReader]:
        """TCP (and TLS) to the first address of the host that accepts, as
        ``socket.create_connection`` tries them: the last failure is raised."""
        loop = asyncio.get_running_loop()
        addresses = await _addresses(loop, self.host, self.port)
        failure: BaseException | None = None
        for family, kind, protocol, _, address in addresses:
            sock = socket.socket(family, kind, protocol)
            try:
                sock.setblocking(False)
                # One send per request: no Nagle delay waiting for an ACK of the previous piece.
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                async with asyncio.timeout(self.connect_timeout_s):
                    await loop.sock_connect(sock, address)
                    transport, reader = await loop.create_connection(
                        lambda: HttpResponseReader(loop), sock=sock, ssl=self._tls,
                        server_hostname=self.host if self._tls is not None else None)
                return transport, reader
            except BaseException as error:
                sock.close()
                if not isinstance(error, OSError):  # cancelled: no other address is tried
                    raise
                failure = error
        assert failure is not None  # getaddrinfo never returns an empty list
        try:
            raise failure
        finally:
            failure = None


async def _addresses(loop: asyncio.AbstractEventLoop, host: str, port: int) -> list[tuple]:
    """``getaddrinfo`` without blocking the loop: an address literal at once, a name on a
    resolver thread."""
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    except socket.gaierror:
        return await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
