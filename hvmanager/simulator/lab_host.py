"""One running host of a lab: its listener, certificate, faults and model."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

from hvmanager.simulator.host_backend import HostBackend
from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessageCache
from hvmanager.simulator.psrp.opening_answers import OpeningAnswers
from hvmanager.simulator.psrp.runner_threads import RunnerThreads
from hvmanager.simulator.wsman import fault_plan as fp
from hvmanager.simulator.wsman.certificate_authority import CertificateAuthority, ServerCertificate
from hvmanager.simulator.wsman.host_credentials import HostCredentials
from hvmanager.simulator.wsman.wsman_server import WsmanServer

DEFAULT_SLOW_CMDLET_S = 2.0


class LabHost:
    """A simulated Hyper-V host reachable over WinRM; faults can be set and cleared at runtime."""

    def __init__(
        self,
        *,
        name: str,
        backend: HostBackend,
        transport: str,
        user: str,
        password: str,
        bind: str,
        port: int,
        work_dir: Path,
        authority: CertificateAuthority | None,
        message_cache: DecodedMessageCache | None = None,
        opening_answers: OpeningAnswers | None = None,
        runner_threads: RunnerThreads | None = None,
    ) -> None:
        if transport not in ("http", "https"):
            raise ValueError(f"transport must be 'http' or 'https', not {transport!r}")
        self.name = name
        self.transport = transport
        self.user = user
        self.password = password
        self.address = bind
        self.model = backend.model
        self._authority = authority
        self._lock = threading.RLock()
        self._certificate: ServerCertificate | None = None
        if transport == "https":
            if authority is None:
                raise ValueError("an HTTPS host needs a certificate authority")
            self._certificate = authority.issue(self._certificate_names())
        self._normal_delay = float(getattr(self.model, "cmdlet_delay_s", 0.0) or 0.0)
        self.server = WsmanServer(
            name=name,
            runner=backend.runner,
            credentials=HostCredentials(name, user, password),
            work_dir=work_dir,
            bind=bind,
            port=port,
            certificate=self._certificate,
            message_cache=message_cache,
            opening_answers=opening_answers,
            runner_threads=runner_threads,
        )

    # -- description ----------------------------------------------------------------

    @property
    def port(self) -> int:
        """The TCP port (chosen when the host started with port 0)."""
        return self.server.port

    @property
    def url(self) -> str:
        """The WinRM endpoint, e.g. ``http://127.0.0.1:15985/wsman``."""
        return self.server.url

    @property
    def ca_file(self) -> str | None:
        """The CA certificate clients validate this host with (HTTPS only)."""
        if self.transport != "https" or self._authority is None:
            return None
        return str(self._authority.ca_file)

    def describe(self) -> dict[str, Any]:
        """The JSON line the command line prints for this host."""
        return {
            "name": self.name,
            "url": self.url,
            "transport": self.transport,
            "user": self.user,
            "password": self.password,
            "ca_file": self.ca_file,
        }

    # -- lifecycle ------------------------------------------------------------------

    def start(self) -> None:
        """Start listening (unless the 'refused' fault keeps the port closed)."""
        with self._lock:
            if self.server.faults.get(fp.REFUSED) is None:
                self.server.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Close every connection, shell and the listener."""
        with self._lock:
            self.server.stop(timeout)

    def restart(self, new_certificate: bool = False) -> None:
        """A reboot: connections and shells drop, VMs restart, the same port comes back."""
        with self._lock:
            self.server.stop()
            restart = getattr(self.model, "restart", None)
            if callable(restart):
                restart()
            if new_certificate and self.transport == "https" and self._authority is not None:
                self._certificate = self._authority.issue(self._certificate_names())
                self.server.use_certificate(self._certificate)
            self.start()

    # -- faults ---------------------------------------------------------------------

    def set_fault(self, kind: str, **options: Any) -> None:
        """Activate a fault (see ``wsman.fault_plan`` for the kinds and their options)."""
        with self._lock:
            self.server.faults.set(kind, **options)
            self._apply(kind, active=True, options=options)

    def clear_faults(self, kind: str | None = None) -> None:
        """Clear one fault or all of them."""
        with self._lock:
            for cleared in self.server.faults.clear(kind):
                self._apply(cleared, active=False, options={})

    def _apply(self, kind: str, *, active: bool, options: dict[str, Any]) -> None:
        if kind == fp.REFUSED:
            if active:
                self.server.close_listener()
            else:
                self.server.start()
        elif kind == fp.SLOW_CMDLETS:
            delay = float(options.get("delay_s", DEFAULT_SLOW_CMDLET_S)) if active else self._normal_delay
            if hasattr(self.model, "cmdlet_delay_s"):
                self.model.cmdlet_delay_s = delay
        elif kind in (fp.EXPIRED_CERT, fp.WRONG_NAME_CERT):
            self._apply_certificate(kind, active)
        elif kind == fp.LATENCY and active and "latency_ms" not in options:
            raise ValueError("the latency fault needs latency_ms=<milliseconds>")

    def _apply_certificate(self, kind: str, active: bool) -> None:
        if self.transport != "https" or self._authority is None or self._certificate is None:
            raise ValueError(f"the {kind} fault needs an HTTPS host")
        if not active:
            self.server.use_certificate(self._certificate)
            return
        if kind == fp.EXPIRED_CERT:
            self.server.use_certificate(self._authority.issue(self._certificate_names(), expired=True))
        else:
            self.server.use_certificate(self._authority.issue(["wrong-host.invalid"]))

    def _certificate_names(self) -> list[str]:
        names = [self.name, self.name.lower(), "localhost", self.address]
        hostname = socket.gethostname()
        if hostname:
            names.append(hostname)
        if self.address in ("0.0.0.0", "::"):
            names += ["127.0.0.1", "::1"]
        unique: list[str] = []
        for entry in names:
            if entry and entry not in unique:
                unique.append(entry)
        return unique
