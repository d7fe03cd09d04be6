"""The outcome of switching one integration service of one VM on or off."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from hvmanager.domain.message import Message


@dataclass(frozen=True)
class IntegrationServiceResult:
    """Per-service result of ``HostSession.set_integration_services`` (keyed by GUID).

    ``enabled`` is what was asked; ``ok`` is True once the host reports that value.
    ``error_kind``/``message``/``text`` as in ``ActionResult``.
    """

    server_key: str
    vm_id: uuid.UUID
    guid: uuid.UUID
    name: str
    enabled: bool
    ok: bool
    message: str = ""
    error_kind: str = ""
    duration_s: float = 0.0
    text: Message | None = None
