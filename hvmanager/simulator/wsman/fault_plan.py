"""The faults currently injected into one host, changeable at runtime from any thread."""

from __future__ import annotations

import threading
from typing import Any

# Request-level faults (read by the HTTP handler on every request).
LATENCY = "latency"              # latency_ms=<int>: added before every answer
BLACKHOLE = "blackhole"          # accept, read, never answer
RESET = "reset"                  # reset the TCP connection when a Receive arrives
HTTP_500 = "http500"             # HTTP 500 with a garbage (non-XML) body
MALFORMED_XML = "malformed_xml"  # HTTP 200 whose envelope is cut off mid-element
# Hostile answers to a pipeline Receive (``wsman.hostile_receive``): a malicious host, for tests.
HUGE_RESPONSE = "huge_response"      # bytes=<int>, declared=<bool>: a body that goes on (1 GiB)
ENTITY_XML = "entity_xml"            # where=envelope|clixml, entity=laughs|external: a DTD
DEEP_XML = "deep_xml"                # depth=<int>: objects nested thousands deep
WRONG_TYPES = "wrong_types"          # Get-VM objects whose known properties have wrong types
ENDLESS_RECEIVE = "endless_receive"  # bytes=<int>: output that keeps coming, never Done
# Host-level faults (applied by LabHost when set or cleared).
REFUSED = "refused"              # listener closed: connection refused
SLOW_CMDLETS = "slow_cmdlets"    # delay_s=<float>: SimHost.cmdlet_delay_s
EXPIRED_CERT = "expired_cert"    # serve an expired certificate (HTTPS)
WRONG_NAME_CERT = "wrong_name_cert"  # serve a certificate for another host name (HTTPS)

HOSTILE_FAULTS = (HUGE_RESPONSE, ENTITY_XML, DEEP_XML, WRONG_TYPES, ENDLESS_RECEIVE)
REQUEST_FAULTS = (LATENCY, BLACKHOLE, RESET, HTTP_500, MALFORMED_XML) + HOSTILE_FAULTS
HOST_FAULTS = (REFUSED, SLOW_CMDLETS, EXPIRED_CERT, WRONG_NAME_CERT)
ALL_FAULTS = REQUEST_FAULTS + HOST_FAULTS


class FaultPlan:
    """Active faults with their options; ``times=N`` makes a request fault fire N times only."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, dict[str, Any]] = {}
        self.changed = threading.Condition(self._lock)

    def set(self, kind: str, **options: Any) -> None:
        """Activate (or re-configure) one fault."""
        if kind not in ALL_FAULTS:
            raise ValueError(f"unknown fault {kind!r}; known: {', '.join(ALL_FAULTS)}")
        with self._lock:
            self._faults[kind] = dict(options)
            self.changed.notify_all()

    def clear(self, kind: str | None = None) -> list[str]:
        """Deactivate one fault or all; returns the kinds that were active."""
        with self._lock:
            kinds = [kind] if kind is not None else list(self._faults)
            cleared = [k for k in kinds if self._faults.pop(k, None) is not None]
            self.changed.notify_all()
            return cleared

    def get(self, kind: str) -> dict[str, Any] | None:
        """The options of an active fault, or None."""
        with self._lock:
            options = self._faults.get(kind)
            return dict(options) if options is not None else None

    def fire(self, kind: str) -> dict[str, Any] | None:
        """Like ``get`` but counts one use of a ``times``-limited fault."""
        with self._lock:
            options = self._faults.get(kind)
            if options is None:
                return None
            times = options.get("times")
            if times is not None:
                if times <= 1:
                    self._faults.pop(kind)
                else:
                    options["times"] = times - 1
            return dict(options)

    def active(self) -> dict[str, dict[str, Any]]:
        """A copy of every active fault."""
        with self._lock:
            return {k: dict(v) for k, v in self._faults.items()}

    def wait_cleared(self, kind: str, stop: threading.Event, poll_s: float = 0.2) -> None:
        """Block while ``kind`` is active and ``stop`` is not set (the blackhole)."""
        with self._lock:
            while kind in self._faults and not stop.is_set():
                self.changed.wait(poll_s)
