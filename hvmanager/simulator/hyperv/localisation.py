"""Translated names a Windows host shows in its display language.

Only names: identities (integration-service GUIDs, service names) never change with the
language. German names come from real ``Get-VMIntegrationService`` output published in
public scripts (two independent sources agree on "Herunterfahren" and "Austausch von
Schlüsselwertepaaren") and Microsoft's German documentation for the vmms display name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SHUTDOWN = "9F8233AC-BE49-4C79-8EE3-E7E1985B2077"
TIME_SYNC = "2497F4DE-E9FA-4204-80E4-4B75C46419C0"
KVP = "2A34B1C2-FD73-4043-8A5B-DD2159BC743F"
HEARTBEAT = "84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47"
VSS = "5CED1297-4598-4915-A5FC-AD21BB4D02A4"
GUEST_SERVICE = "6C09BB55-D683-4DA0-8931-C9BF705F6480"

#: The six integration services in the order Get-VMIntegrationService lists them on an
#: en-US host (alphabetical by English name), with their default enabled state.
INTEGRATION_SERVICE_DEFAULTS: tuple[tuple[str, bool], ...] = (
    (GUEST_SERVICE, False),
    (HEARTBEAT, True),
    (KVP, True),
    (SHUTDOWN, True),
    (TIME_SYNC, True),
    (VSS, True),
)

_IC_NAMES = {
    "en-US": {
        SHUTDOWN: "Shutdown",
        TIME_SYNC: "Time Synchronization",
        KVP: "Key-Value Pair Exchange",
        HEARTBEAT: "Heartbeat",
        VSS: "VSS",
        GUEST_SERVICE: "Guest Service Interface",
    },
    "de-DE": {
        SHUTDOWN: "Herunterfahren",
        TIME_SYNC: "Zeitsynchronisierung",
        KVP: "Austausch von Schlüsselwertepaaren",
        HEARTBEAT: "Takt",
        VSS: "VSS",
        GUEST_SERVICE: "Gastdienstschnittstelle",
    },
}

_SERVICE_NAMES = {
    "en-US": {
        "vmms": "Hyper-V Virtual Machine Management",
        "vmcompute": "Hyper-V Host Compute Service",
        "WinRM": "Windows Remote Management (WS-Management)",
        "W32Time": "Windows Time",
        "Spooler": "Print Spooler",
        "EventLog": "Windows Event Log",
        "LanmanServer": "Server",
        "vmicheartbeat": "Hyper-V Heartbeat Service",
    },
    "de-DE": {
        "vmms": "Hyper-V-Verwaltung für virtuelle Computer",
        "vmcompute": "Hyper-V-Hostcomputedienst",
        "WinRM": "Windows-Remoteverwaltung (WS-Verwaltung)",
        "W32Time": "Windows-Zeitgeber",
        "Spooler": "Druckwarteschlange",
        "EventLog": "Windows-Ereignisprotokoll",
        "LanmanServer": "Server",
        "vmicheartbeat": "Hyper-V-Taktdienst",
    },
}

_STATUS_TEXT = {
    "en-US": {"ok": "Operating normally", "ic_ok": "OK", "ic_no_contact": "No Contact",
              "ic_lost": "Lost Communication", "memory_ok": "OK"},
    "de-DE": {"ok": "Normaler Betrieb", "ic_ok": "OK", "ic_no_contact": "Kein Kontakt",
              "ic_lost": "Kommunikation unterbrochen", "memory_ok": "OK"},
}


@dataclass(frozen=True)
class Localisation:
    """The display texts of one host language (``en-US`` or ``de-DE``)."""

    locale: str = "en-US"
    _lang: str = field(init=False, repr=False, default="en-US")

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lang", "de-DE" if self.locale.lower().startswith("de") else "en-US")

    @property
    def is_german(self) -> bool:
        """True for a German host."""
        return self._lang == "de-DE"

    def integration_service_name(self, guid: str) -> str:
        """The translated Name of the integration service with this GUID."""
        return _IC_NAMES[self._lang][guid.upper()]

    def service_display_name(self, service_name: str) -> str:
        """The translated DisplayName of a Windows service."""
        names = _SERVICE_NAMES[self._lang]
        return names.get(service_name, _SERVICE_NAMES["en-US"].get(service_name, service_name))

    def text(self, key: str) -> str:
        """A status text (``ok``, ``ic_ok``, ``ic_no_contact``, ...)."""
        return _STATUS_TEXT[self._lang][key]

    @staticmethod
    def service_names() -> tuple[str, ...]:
        """The service names every simulated host has."""
        return tuple(_SERVICE_NAMES["en-US"])
