"""The asyncio protocol of one WinRM connection: reads each HTTP answer as its bytes arrive.

The answer is parsed incrementally in ``data_received`` (head, then a sized, chunked or
read-to-close body) and completes one future per exchange: no reader task, no stream
buffers, one wake-up of the waiting coroutine per answer. Every answer is bounded: its
head by 64 KiB, its body by the byte limit of the exchange.
"""

from __future__ import annotations

import asyncio

_MAX_HEAD = 64 * 1024
_MAX_CHUNK_LINE = 1024

# What the reader waits for.
_IDLE, _HEAD, _SIZED, _CHUNK_LINE, _CHUNK_DATA, _CHUNK_END, _TO_CLOSE = range(7)

#: status, headers (lower-case names, repeats joined by ", "), body, whether the connection stays open
Answer = tuple[int, dict[str, str], bytes, bool]


class HttpProtocolViolation(ValueError):
    """The peer's answer is not HTTP/1.1 as we can read it."""


class ResponseTooLarge(Exception):
    """The answer's body would pass the byte limit the caller gave."""


class ConnectionClosed(ConnectionError):
    """The peer closed the connection before a whole answer arrived."""


class HttpResponseReader(asyncio.Protocol):
    """One connection's reading side: ``expect`` an answer, get it from the returned future.

    Outside an exchange the peer has nothing to say: data or a close then make the
    connection unusable (``reusable`` False), as an idle kept-alive connection the peer
    hung up on must not carry the next request.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._buffer = bytearray()
        self._state = _IDLE
        self._waiter: asyncio.Future | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._max_bytes = 0
        self._status = 0
        self._headers: dict[str, str] = {}
        self._keep = True
        self._needed = 0  # bytes of the sized body or the current chunk
        self._total = 0  # chunked body bytes so far
        self._pieces: list[bytes] = []
        self._open = True

    @property
    def reusable(self) -> bool:
        """True while the connection is open and nothing unasked came on it."""
        return self._open and self._state == _IDLE

    def expect(self, max_bytes: int, timeout_s: float) -> asyncio.Future:
        """The future of the next answer (its body at most ``max_bytes``), failed with
        ``TimeoutError`` when it has not arrived within ``timeout_s``."""
        waiter = self._loop.create_future()
        if not self._open:
            waiter.set_exception(ConnectionClosed("the host closed the connection"))
            return waiter
        self._waiter = waiter
        self._max_bytes = max_bytes
        self._state = _HEAD
        self._timer = self._loop.call_later(timeout_s, self._time_out)
        return waiter

    def fail(self, error: BaseException) -> None:
        """End the exchange in flight with ``error`` (the connection is not used again)."""
        self._open = False
        self._finish(error=error)

    # --- asyncio.Protocol -----------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        if self._state == _IDLE:
            self._open = False  # the peer said something unasked: this connection is done
            return
        self._buffer += data
        try:
            self._advance()
        except (HttpProtocolViolation, ResponseTooLarge) as error:
            self.fail(error)

    def eof_received(self) -> bool | None:
        self._end_of_stream(None)
        return None  # let the transport close

    def connection_lost(self, exc: Exception | None) -> None:
        self._end_of_stream(exc)

    # --- parsing --------------------------------------------------------------------------

    def _end_of_stream(self, exc: Exception | None) -> None:
        self._open = False
        if self._state == _TO_CLOSE and exc is None:
            body = bytes(self._buffer)
            self._buffer.clear()
            self._finish(answer=(self._status, self._headers, body, False))
        elif self._state != _IDLE:
            self._finish(error=exc if exc is not None else ConnectionClosed("the host closed the connection"))

    def _advance(self) -> None:
        buffer = self._buffer
        while True:
            state = self._state
            if state == _HEAD:
                end = buffer.find(b"\r\n\r\n")
                if end < 0:
                    if len(buffer) > _MAX_HEAD:
                        raise HttpProtocolViolation("the answer's header is too long")
                    return
                head = bytes(buffer[:end]).decode("latin-1")
                del buffer[:end + 4]
                self._read_head(head)
            elif state == _SIZED:
                if len(buffer) < self._needed:
                    return
                body = bytes(buffer[:self._needed])
                del buffer[:self._needed]
                self._complete(body)
                return
            elif state == _CHUNK_LINE:
                end = buffer.find(b"\r\n")
                if end < 0:
                    if len(buffer) > _MAX_CHUNK_LINE:
                        raise HttpProtocolViolation("bad chunk size line")
                    return
                size_text = bytes(buffer[:end]).split(b";")[0].strip()
                del buffer[:end + 2]
                try:
                    size = int(size_text, 16)
                except ValueError:
                    raise HttpProtocolViolation("bad chunk size") from None
                if size == 0:
                    self._state = _CHUNK_END  # no trailers from WinRM: the final CRLF
                    continue
                self._total += size
                if self._total > self._max_bytes:
                    raise ResponseTooLarge()
                self._needed = size
                self._state = _CHUNK_DATA
            elif state == _CHUNK_DATA:
                if len(buffer) < self._needed + 2:
                    return
                self._pieces.append(bytes(buffer[:self._needed]))
                del buffer[:self._needed + 2]
                self._state = _CHUNK_LINE
            elif state == _CHUNK_END:
                if len(buffer) < 2:
                    return
                del buffer[:2]
                self._complete(b"".join(self._pieces))
                return
            elif state == _TO_CLOSE:
                if len(buffer) > self._max_bytes:
                    raise ResponseTooLarge()
                return
            else:
                return

    def _read_head(self, head: str) -> None:
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
        self._status = int(parts[1])
        self._headers = headers
        self._keep = headers.get("connection", "").lower() != "close" and parts[0] == "HTTP/1.1"
        if "chunked" in headers.get("transfer-encoding", "").lower():
            self._total = 0
            self._pieces = []
            self._state = _CHUNK_LINE
        elif "content-length" in headers:
            length = headers["content-length"]
            if not length.isdigit():
                raise HttpProtocolViolation("bad Content-Length")
            if int(length) > self._max_bytes:
                raise ResponseTooLarge()
            self._needed = int(length)
            self._state = _SIZED
        else:
            self._keep = False
            self._state = _TO_CLOSE

    def _complete(self, body: bytes) -> None:
        if self._buffer:
            self._open = False  # bytes nobody asked for follow the answer: do not reuse
        self._finish(answer=(self._status, self._headers, body, self._keep))

    def _finish(self, answer: Answer | None = None, error: BaseException | None = None) -> None:
        waiter, self._waiter = self._waiter, None
        timer, self._timer = self._timer, None
        self._state = _IDLE
        self._pieces = []
        self._headers = {}
        if timer is not None:
            timer.cancel()
        if waiter is None or waiter.done():
            return
        if error is not None:
            waiter.set_exception(error)
        else:
            waiter.set_result(answer)

    def _time_out(self) -> None:
        self._timer = None
        self.fail(TimeoutError("timed out"))
