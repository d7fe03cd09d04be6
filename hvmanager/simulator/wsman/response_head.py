"""The first lines of an HTTP/1.1 answer (status line, Server, Date), made once per second.

``http.server``'s ``send_response`` formats them for every answer, the date through
``email.utils.formatdate``, and adds each line to a list through ``send_header``; a
listener answering thousands of requests a second only needs them once per status and
second. The bytes are those ``send_response`` writes.
"""

from __future__ import annotations

import email.utils
import time
from http.server import BaseHTTPRequestHandler


class ResponseHead:
    """``head(status)``: ``<protocol> <status> <reason>``, ``Server`` and ``Date`` lines, as bytes."""

    def __init__(self, protocol: str, server: str) -> None:
        self._protocol = protocol
        self._server = server
        # (second, {status: bytes}); replaced whole when the second changes, so threads
        # that read it at the same time never see a half-made table.
        self._current: tuple[int, dict[int, bytes]] = (-1, {})

    def head(self, status: int) -> bytes:
        """The lines for ``status`` at the current second."""
        now = time.time()
        second, made = self._current
        if int(now) != second:
            made = {}
            self._current = (int(now), made)
        known = made.get(status)
        if known is None:
            reason = BaseHTTPRequestHandler.responses[status][0] if status in BaseHTTPRequestHandler.responses \
                else ""
            date = email.utils.formatdate(now, usegmt=True)
            known = made[status] = (f"{self._protocol} {status} {reason}\r\nServer: {self._server}\r\n"
                                    f"Date: {date}\r\n").encode("latin-1", "strict")
        return known
