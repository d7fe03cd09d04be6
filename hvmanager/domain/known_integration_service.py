"""The six integration services Hyper-V Manager shows, keyed by their stable GUID."""

from __future__ import annotations

import enum
import uuid


class KnownIntegrationService(enum.Enum):
    """An integration service by GUID, with its English Settings label.

    Hosts translate ``Name`` (German: "Takt" for Heartbeat), so the GUID at the end of
    the service's ``Id`` is the only key; ``english_name`` is for display fallbacks only.
    """

    SHUTDOWN = ("9F8233AC-BE49-4C79-8EE3-E7E1985B2077", "Operating system shutdown", "Shutdown", True)
    TIME_SYNCHRONIZATION = ("2497F4DE-E9FA-4204-80E4-4B75C46419C0", "Time synchronization",
                            "Time Synchronization", True)
    DATA_EXCHANGE = ("2A34B1C2-FD73-4043-8A5B-DD2159BC743F", "Data Exchange",
                     "Key-Value Pair Exchange", True)
    HEARTBEAT = ("84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47", "Heartbeat", "Heartbeat", True)
    BACKUP = ("5CED1297-4598-4915-A5FC-AD21BB4D02A4", "Backup (volume shadow copy)", "VSS", True)
    GUEST_SERVICES = ("6C09BB55-D683-4DA0-8931-C9BF705F6480", "Guest services",
                      "Guest Service Interface", False)

    def __init__(self, guid: str, label: str, english_name: str, default_enabled: bool) -> None:
        self.guid = uuid.UUID(guid)
        self.label = label
        self.english_name = english_name
        self.default_enabled = default_enabled

    @classmethod
    def from_guid(cls, guid: uuid.UUID | None) -> "KnownIntegrationService | None":
        """The known service with that GUID, or None (hosts may add services)."""
        for member in cls:
            if member.guid == guid:
                return member
        return None
