"""One integration service of one VM."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from hvmanager.domain.known_integration_service import KnownIntegrationService


@dataclass(frozen=True)
class IntegrationService:
    """``VMIntegrationComponent``, keyed by ``guid`` (the end of its ``Id``).

    ``name`` is whatever the host calls it (translated); ``full_id`` is the host's
    ``Id`` string (``Microsoft:<VMId>\\<GUID>``). Status fields are None when the VM is Off.
    """

    guid: uuid.UUID
    vm_id: uuid.UUID | None
    name: str
    enabled: bool
    full_id: str = ""
    primary_status: str | None = None
    secondary_status: str | None = None

    @property
    def known(self) -> KnownIntegrationService | None:
        """Which of the six well-known services this is, if any."""
        return KnownIntegrationService.from_guid(self.guid)

    @property
    def label(self) -> str:
        """The English Settings label for known services, the host's name otherwise."""
        known = self.known
        return known.label if known else self.name
