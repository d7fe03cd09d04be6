"""The HTTP/1.1 handler of one WinRM connection: auth, decryption, faults, shell operations."""

from __future__ import annotations

import logging
import re
import socket
import ssl
import struct
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING

from hvmanager.simulator.wsman import fault_plan as fp
from hvmanager.simulator.wsman import message_encryption
from hvmanager.simulator.wsman import soap_response as sr
from hvmanager.simulator.wsman.auth_gate import AuthGate
from hvmanager.simulator.wsman.hostile_receive import HostileReply, hostile_reply, stream_body
from hvmanager.simulator.wsman.request_headers import HeaderError, RequestHeaders
from hvmanager.simulator.wsman.soap_request import MalformedRequestError, SoapRequest

if TYPE_CHECKING:
    from hvmanager.simulator.wsman.wsman_server import WsmanHttpServer

log = logging.getLogger(__name__)

_RECEIVE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive"
_GARBAGE_500 = b"<html><body><h1>500 Internal Server Error</h1>\x00\xff\xfe not a SOAP envelope"
_TRUNCATED = b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header><a:Action'
_VERSION = re.compile(r"HTTP/(\d{1,10})\.(\d{1,10})")


class WsmanRequestHandler(BaseHTTPRequestHandler):
    """Serves every request of one keep-alive connection (its NTLM context lives here)."""

    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-HTTPAPI/2.0"
    sys_version = ""
    # Nagle plus delayed ACK cost ~40 ms per request/response pair on loopback.
    disable_nagle_algorithm = True
    server: "WsmanHttpServer"

    def setup(self) -> None:
        super().setup()
        self.gate = AuthGate(self.server.host.credentials, self.server.host.user_file, self.server.host.tls)

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, ssl.SSLError, OSError, TimeoutError) as exc:
            log.debug("connection from %s ended: %s", self.client_address, exc)

    def parse_request(self) -> bool:
        """The request line and headers, as http.server reads them but with ``RequestHeaders``.

        Returns False after answering a malformed request (400, 431 or 505).
        """
        self.command = None
        self.request_version = self.default_request_version
        self.close_connection = True
        self.requestline = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n")
        words = self.requestline.split()
        if not words:
            return False
        version = _VERSION.fullmatch(words[-1]) if len(words) >= 3 else None
        if len(words) >= 3 and version is None:
            self.send_error(HTTPStatus.BAD_REQUEST, f"Bad request version ({words[-1]!r})")
            return False
        if version is not None:
            if (int(version[1]), int(version[2])) >= (2, 0):
                self.send_error(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED, f"Invalid HTTP version ({words[-1]})")
                return False
            self.request_version = words[-1]  # errors from here on carry a status line
        if len(words) != 3:
            self.send_error(HTTPStatus.BAD_REQUEST, f"Bad request syntax ({self.requestline!r})")
            return False
        self.command, self.path = words[:2]
        try:
            self.headers = RequestHeaders.read(self.rfile)  # type: ignore[assignment]
        except HeaderError as exc:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, str(exc))
            return False
        # HTTP/1.1 keeps the connection (and its NTLM context) unless the client closes it.
        connection = (self.headers.get("Connection") or "").lower()
        self.close_connection = connection == "close" or (
            (int(version[1]), int(version[2])) < (1, 1) and connection != "keep-alive")
        expect = (self.headers.get("Expect") or "").lower()
        if expect == "100-continue" and self.request_version >= "HTTP/1.1":
            return self.handle_expect_100()
        return True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base class signature
        if log.isEnabledFor(logging.DEBUG):  # every response logs: format only when it is kept
            log.debug("%s %s", self.address_string(), format % args)

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        host = self.server.host
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        latency = host.faults.get(fp.LATENCY)
        if latency:
            host.stopping.wait(float(latency.get("latency_ms", 0)) / 1000)
        if host.faults.fire(fp.BLACKHOLE) is not None:
            host.faults.wait_cleared(fp.BLACKHOLE, host.stopping)
            self.close_connection = True
            return
        if self.path.rstrip("/").lower() != "/wsman":
            self._send(404, b"", ())
            return
        outcome = self.gate.authorize(self.headers.get("Authorization"))
        if not outcome.allowed:
            self._send(401, b"", outcome.headers)
            return
        if not body:
            self._send(200, b"", outcome.headers)  # the blank POST that sets up the NTLM context
            return
        encrypted = message_encryption.is_encrypted(self.headers.get("Content-Type", ""))
        if not encrypted and not host.tls:
            # AllowUnencrypted is false on Windows: a plain SOAP body over HTTP is rejected with 401.
            self._send(401, b"", self.gate.challenge())
            return
        try:
            plain = message_encryption.unwrap(body, self.gate.context) if encrypted else body
        except message_encryption.EncryptionError as exc:
            log.debug("cannot decrypt request: %s", exc)
            self._send(400, b"", ())
            self.close_connection = True
            return
        if host.faults.fire(fp.HTTP_500) is not None:
            self._send(500, _GARBAGE_500, outcome.headers, content_type="text/html")
            return
        try:
            request = SoapRequest.parse(plain)
        except MalformedRequestError as exc:
            reply_status, reply_body = 400, sr.fault_envelope(sr.INVALID_REQUEST, "", host.name, detail=str(exc))
        else:
            if request.action == _RECEIVE and host.faults.fire(fp.RESET) is not None:
                self._reset()
                return
            hostile = hostile_reply(host.faults, request) if request.action == _RECEIVE else None
            if hostile is not None and hostile.stream_bytes:
                self._stream(hostile, outcome.headers, len(body))
                return
            if hostile is not None:
                reply_status, reply_body = 200, hostile.body
            else:
                reply = host.shells.handle(request, outcome.user, self.client_address[0])
                reply_status, reply_body = reply.status, reply.body
        if host.faults.fire(fp.MALFORMED_XML) is not None:
            reply_status, reply_body = 200, _TRUNCATED
        if encrypted:
            content_type, reply_body = message_encryption.wrap(reply_body, self.gate.context)
        else:
            content_type = "application/soap+xml;charset=UTF-8"
        host.count_request(len(body), len(reply_body))
        self._send(reply_status, reply_body, outcome.headers, content_type=content_type)

    def _send(self, status: int, body: bytes, headers: tuple[tuple[str, str], ...], content_type: str = "") -> None:
        if self.request_version == "HTTP/0.9":  # http.server writes no header block then
            self.send_response(status)
            self.end_headers()
            if body:
                self.wfile.write(body)
            return
        if log.isEnabledFor(logging.DEBUG):
            self.log_request(status)
        # What send_response, send_header and end_headers write, made in one piece and
        # sent with the body in one send: the first lines come ready from the listener.
        lines = [self.server.response_head.head(status)]
        for name, value in headers:
            lines.append(f"{name}: {value}\r\n".encode("latin-1", "strict"))
        if content_type:
            lines.append(f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode("latin-1"))
        else:
            lines.append(f"Content-Length: {len(body)}\r\n\r\n".encode("latin-1"))
        lines.append(body)
        self.wfile.write(b"".join(lines))

    def _stream(self, reply: HostileReply, headers: tuple[tuple[str, str], ...], bytes_in: int) -> None:
        """A body that goes on and on (the huge_response fault), sent as it is written."""
        host = self.server.host
        self.close_connection = True

        def send_headers(extra: tuple[tuple[str, str], ...]) -> None:
            self.send_response(200)
            for name, value in headers + extra:
                self.send_header(name, value)
            self.send_header("Content-Type", "application/soap+xml;charset=UTF-8")
            self.end_headers()

        host.count_request(bytes_in, stream_body(self.wfile, reply, host.stopping, send_headers))

    def _reset(self) -> None:
        # SO_LINGER 0 makes close() send RST instead of FIN: the client sees a reset mid-call.
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            raw = self.connection
            if isinstance(raw, ssl.SSLSocket):
                raw = socket.socket(fileno=raw.detach())
            raw.close()
        except OSError:
            pass

    def finish(self) -> None:
        try:
            super().finish()
        except (OSError, ValueError):
            pass  # the connection was reset on purpose or by the client
