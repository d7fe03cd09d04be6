"""A lab of simulated Hyper-V hosts, each with its own WinRM listener, started in threads.

    with Lab(hosts=2, vms_per_host=10, transport="https") as lab:
        for host in lab.hosts:
            print(host.describe())
        lab.set_fault("HV02", "blackhole")
"""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from hvmanager.simulator.engine_backends import EngineBackends
from hvmanager.simulator.host_backend import BackendFactory
from hvmanager.simulator.host_spec import HostSpec
from hvmanager.simulator.lab_host import LabHost
from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessageCache
from hvmanager.simulator.psrp.opening_answers import OpeningAnswers
from hvmanager.simulator.psrp.runner_threads import RunnerThreads
from hvmanager.simulator.wsman import fault_plan as fp
from hvmanager.simulator.wsman.certificate_authority import CertificateAuthority

log = logging.getLogger(__name__)

FaultsArgument = Mapping[str, str | Iterable[str]] | Iterable[str] | None


class Lab:
    """Starts every host on enter, stops them all (bounded in time) on exit."""

    def __init__(
        self,
        specs: list[HostSpec] | tuple[HostSpec, ...] | None = None,
        *,
        hosts: int = 1,
        vms_per_host: int = 10,
        seed: int = 1,
        transport: str = "http",
        user: str = "alice",
        password: str | None = None,
        bind: str = "127.0.0.1",
        port: int = 0,
        locale: str = "en-US",
        latency_ms: int = 0,
        faults: FaultsArgument = None,
        time_scale: float = 1.0,
        backend: BackendFactory | None = None,
    ) -> None:
        if transport not in ("http", "https"):
            raise ValueError(f"transport must be 'http' or 'https', not {transport!r}")
        if specs is None:
            specs = [HostSpec(f"HV{i + 1:02d}", vm_count=vms_per_host, locale=locale) for i in range(hosts)]
        self.specs = tuple(specs)
        self.seed = seed
        self.transport = transport
        self.user = user
        # Generated passwords start with a letter so they never look like an option on a command line.
        self.password = password or f"Hv{secrets.token_hex(8)}"
        self.bind = bind
        self.port = port
        self.latency_ms = latency_ms
        self.time_scale = time_scale
        self._faults = _parse_faults(faults)
        # The real engine unless a test gives its own; one factory for all hosts (see EngineBackends).
        self._backend = backend if backend is not None else EngineBackends()
        #: CreatePipeline messages decoded once for all hosts: the app sends every host the same refresh.
        self.message_cache = DecodedMessageCache()
        #: The pools' opening answers, serialised once for all hosts (they answer alike).
        self.opening_answers = OpeningAnswers.windows()
        #: Threads that run every host's pipelines (in a fan-out each host runs one or two).
        self.runner_threads = RunnerThreads("pipeline-lab")
        self._hosts: list[LabHost] = []
        self._work_dir: Path | None = None
        self._lock = threading.Lock()

    # -- lifecycle ------------------------------------------------------------------

    def __enter__(self) -> "Lab":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        """Generate every host's data and start its listener."""
        with self._lock:
            if self._hosts:
                return
            self._work_dir = Path(tempfile.mkdtemp(prefix="hvsim-"))
            try:
                self._start_hosts(self._work_dir)
            except BaseException:
                self._stop_hosts()
                raise

    def _start_hosts(self, work_dir: Path) -> None:
        needs_tls = any((s.transport or self.transport) == "https" for s in self.specs)
        authority = CertificateAuthority(work_dir) if needs_tls else None
        for index, spec in enumerate(self.specs):
            seed = spec.seed if spec.seed is not None else self.seed + index
            backend = self._backend(replace(spec, seed=seed), seed, self.time_scale)
            host = LabHost(
                name=spec.name,
                backend=backend,
                transport=spec.transport or self.transport,
                user=self.user,
                password=self.password,
                bind=spec.bind or self.bind,
                port=self.port + index if self.port else 0,
                work_dir=work_dir,
                authority=authority,
                message_cache=self.message_cache,
                opening_answers=self.opening_answers,
                runner_threads=self.runner_threads,
            )
            self._hosts.append(host)
            if self.latency_ms:
                host.set_fault(fp.LATENCY, latency_ms=self.latency_ms)
            for entry in (*spec.faults, *self._faults.get(spec.name, ())):
                kind, options = fault_options(entry)
                host.set_fault(kind, **options)
            host.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Close every socket and join every thread (each host bounded by ``timeout``)."""
        with self._lock:
            self._stop_hosts(timeout)

    def _stop_hosts(self, timeout: float = 5.0) -> None:
        for host in self._hosts:
            try:
                host.stop(timeout)
            except Exception:  # one broken host must not keep the others running
                log.exception("stopping %s failed", host.name)
        self._hosts = []
        self.runner_threads.release()  # shared by the hosts, so no host's stop ends them
        if self._work_dir is not None:
            shutil.rmtree(self._work_dir, ignore_errors=True)
            self._work_dir = None

    # -- access ---------------------------------------------------------------------

    @property
    def hosts(self) -> list[LabHost]:
        """The running hosts, in spec order."""
        return list(self._hosts)

    def host(self, name: str) -> LabHost:
        """A host by name (case-insensitive)."""
        for host in self._hosts:
            if host.name.lower() == name.lower():
                return host
        raise KeyError(f"no host {name!r} in this lab")

    def set_fault(self, name: str, kind: str, **options: Any) -> None:
        """Inject a fault into one host now (see ``wsman.fault_plan`` for kinds and options)."""
        self.host(name).set_fault(kind, **options)

    def clear_faults(self, name: str, kind: str | None = None) -> None:
        """Clear one fault kind, or every fault, of one host."""
        self.host(name).clear_faults(kind)

    def restart_host(self, name: str, new_certificate: bool = False) -> None:
        """Reboot one host: same port, shells dropped, VMs restarted."""
        self.host(name).restart(new_certificate=new_certificate)


def _parse_faults(faults: FaultsArgument) -> dict[str, tuple[str, ...]]:
    """Accepts ``{"HV02": "blackhole"}``, ``{"HV02": ["refused"]}`` or ``["HV02=blackhole"]``.

    A kind may carry a value after a colon: ``latency:200`` (ms), ``slow_cmdlets:1.5`` (s),
    ``reset:2`` (times) for the other request faults.
    """
    parsed: dict[str, list[str]] = {}
    if not faults:
        return {}
    if isinstance(faults, Mapping):
        for name, kinds in faults.items():
            parsed.setdefault(name, []).extend([kinds] if isinstance(kinds, str) else list(kinds))
    else:
        for entry in faults:
            name, separator, kind = entry.partition("=")
            if not separator or not kind:
                raise ValueError(f"a fault is HOST=KIND, not {entry!r}")
            parsed.setdefault(name, []).append(kind)
    for kinds in parsed.values():
        for kind in kinds:
            fault_options(kind)  # validates
    return {name: tuple(kinds) for name, kinds in parsed.items()}


def fault_options(entry: str) -> tuple[str, dict[str, Any]]:
    """Split ``kind[:value]`` into the kind and its options; raises ValueError."""
    kind, _, value = entry.partition(":")
    if kind not in fp.ALL_FAULTS:
        raise ValueError(f"unknown fault {kind!r}; known: {', '.join(fp.ALL_FAULTS)}")
    if kind == fp.LATENCY and not value:
        raise ValueError("the latency fault needs a value in ms, e.g. latency:200")
    if not value:
        return kind, {}
    try:
        if kind == fp.LATENCY:
            return kind, {"latency_ms": int(value)}
        if kind == fp.SLOW_CMDLETS:
            return kind, {"delay_s": float(value)}
        if kind in fp.REQUEST_FAULTS:
            return kind, {"times": int(value)}
    except ValueError:
        raise ValueError(f"bad value {value!r} for the {kind} fault") from None
    raise ValueError(f"the {kind} fault takes no value")
