"""One simulated host's WinRM listener: a threading HTTP(S) server on one port."""

from __future__ import annotations

import logging
import selectors
import socket
import ssl
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from hvmanager.simulator.engine_api import PipelineRunner
from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessageCache
from hvmanager.simulator.psrp.opening_answers import OpeningAnswers
from hvmanager.simulator.psrp.runner_threads import RunnerThreads
from hvmanager.simulator.wsman.certificate_authority import ServerCertificate
from hvmanager.simulator.wsman.fault_plan import FaultPlan
from hvmanager.simulator.wsman.host_credentials import HostCredentials
from hvmanager.simulator.wsman.ntlm_user_file import NtlmUserFile
from hvmanager.simulator.wsman.response_head import ResponseHead
from hvmanager.simulator.wsman.shell_service import ShellService
from hvmanager.simulator.wsman.wsman_request_handler import WsmanRequestHandler

log = logging.getLogger(__name__)

#: How long the accept loop sleeps between looks at its stop flag when no wake-up comes.
_SAFETY_POLL_S = 1.0


class WsmanHttpServer(ThreadingHTTPServer):
    """The listening socket; one thread per connection so a long poll never blocks another."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], host: "WsmanServer") -> None:
        self.host = host
        self._connections: set[socket.socket] = set()
        self._connection_threads: set[threading.Thread] = set()
        self._track = threading.Lock()
        self._stop_requested = False
        self._loop_done = threading.Event()
        handler = WsmanRequestHandler
        self.response_head = ResponseHead(handler.protocol_version, f"{handler.server_version} {handler.sys_version}")
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        super().__init__(address, WsmanRequestHandler)

    def serve_forever(self, poll_interval: float = _SAFETY_POLL_S) -> None:
        """Accept connections until ``shutdown``.

        socketserver's loop wakes every ``poll_interval`` to look for a stop request: ten
        times a second per host, 4 % of a core for an idle lab of 200 hosts. This one
        sleeps until a connection comes; ``shutdown`` wakes it with one of its own.
        """
        try:
            with selectors.PollSelector() if hasattr(selectors, "PollSelector") \
                    else selectors.SelectSelector() as selector:
                selector.register(self, selectors.EVENT_READ)
                while not self._stop_requested:
                    ready = selector.select(poll_interval)
                    if ready and not self._stop_requested:
                        self._handle_request_noblock()
        finally:
            self._loop_done.set()

    def shutdown(self) -> None:
        """Stop the accept loop and wait for it (call from another thread, as socketserver's)."""
        self._stop_requested = True
        host, port = self.server_address[:2]
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
        try:
            with socket.create_connection((host, port), timeout=1.0):
                pass  # the loop wakes, sees the flag and leaves; server_close drops this connection
        except OSError:
            pass  # it will notice within _SAFETY_POLL_S
        self._loop_done.wait()

    def get_request(self) -> tuple[Any, Any]:
        sock, address = self.socket.accept()
        context = self.host.ssl_context
        if context is not None:
            # The handshake runs on the connection's thread, not in the accept loop.
            sock = context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(target=self._serve_connection, args=(request, client_address),
                                  name=f"wsman-{self.host.name}-conn", daemon=True)
        with self._track:
            self._connections.add(request)
            self._connection_threads.add(thread)
        self.host.count_connection()
        thread.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            if isinstance(request, ssl.SSLSocket):
                request.settimeout(10)
                request.do_handshake()
                request.settimeout(None)
            self.finish_request(request, client_address)
        except (OSError, ssl.SSLError, ValueError) as exc:
            log.debug("connection %s failed: %s", client_address, exc)
        finally:
            self.shutdown_request(request)
            with self._track:
                self._connections.discard(request)
                self._connection_threads.discard(threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("error on connection %s", client_address, exc_info=True)

    def drop_connections(self, timeout: float) -> None:
        """Shut every open connection and wait (bounded) for their threads."""
        with self._track:
            connections = list(self._connections)
            threads = list(self._connection_threads)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in threads:
            thread.join(timeout)


class WsmanServer:
    """Listener, credentials, TLS and shells of one host; the listener can be closed and reopened."""

    def __init__(
        self,
        *,
        name: str,
        runner: PipelineRunner,
        credentials: HostCredentials,
        work_dir: Path,
        bind: str = "127.0.0.1",
        port: int = 0,
        certificate: ServerCertificate | None = None,
        faults: FaultPlan | None = None,
        message_cache: DecodedMessageCache | None = None,
        opening_answers: OpeningAnswers | None = None,
        runner_threads: RunnerThreads | None = None,
    ) -> None:
        self.name = name
        self.credentials = credentials
        self.user_file = NtlmUserFile(work_dir, credentials)
        self.faults = faults or FaultPlan()
        self.stopping = threading.Event()
        self.bind = bind
        self.port = port
        self.ssl_context: ssl.SSLContext | None = None
        if certificate is not None:
            self.use_certificate(certificate)
        self.tls = certificate is not None
        self.shells = ShellService(runner, name, self.url, message_cache, opening_answers, runner_threads)
        self._runner = runner
        self._listener: WsmanHttpServer | None = None
        self._loop: threading.Thread | None = None
        self._stats_lock = threading.Lock()
        self.requests = 0
        self.connections = 0
        self.largest_reply = 0
        self.bytes_in = 0
        self.bytes_out = 0

    @property
    def url(self) -> str:
        """The endpoint clients connect to."""
        scheme = "https" if self.tls else "http"
        shown = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(self.bind, self.bind)
        host = f"[{shown}]" if ":" in shown else shown
        return f"{scheme}://{host}:{self.port}/wsman"

    @property
    def listening(self) -> bool:
        """True while the port accepts connections."""
        return self._listener is not None

    def use_certificate(self, certificate: ServerCertificate) -> None:
        """Serve ``certificate`` to every new connection from now on."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(certificate.cert_file, certificate.key_file)
        self.ssl_context = context

    def count_connection(self) -> None:
        """One more TCP connection accepted (keep-alive keeps this low)."""
        with self._stats_lock:
            self.connections += 1

    def count_request(self, bytes_in: int, bytes_out: int) -> None:
        """Traffic figures for the benchmark (HTTP body bytes as sent on the wire)."""
        with self._stats_lock:
            self.requests += 1
            self.bytes_in += bytes_in
            self.bytes_out += bytes_out
            self.largest_reply = max(self.largest_reply, bytes_out)

    def start(self) -> None:
        """Open the listener (on the same port when reopened) and serve in a thread."""
        if self._listener is not None:
            return
        self.stopping.clear()
        listener = WsmanHttpServer((self.bind, self.port), self)
        self.port = listener.server_address[1]
        self.shells.endpoint = self.url
        self._listener = listener
        self._loop = threading.Thread(target=listener.serve_forever, name=f"wsman-{self.name}", daemon=True)
        self._loop.start()

    def close_listener(self, timeout: float = 5.0) -> None:
        """Close the port and drop every connection (the 'refused' fault, a reboot, stop)."""
        listener, loop = self._listener, self._loop
        self._listener = self._loop = None
        if listener is None:
            return
        self.stopping.set()
        listener.shutdown()
        listener.server_close()
        listener.drop_connections(timeout)
        if loop is not None:
            loop.join(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        """Close the listener and every shell."""
        self.stopping.set()
        self.shells.close_all()
        self.close_listener(timeout)
