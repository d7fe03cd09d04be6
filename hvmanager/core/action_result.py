"""The outcome of one action on one VM."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from hvmanager.domain.message import Message
from hvmanager.hyperv.vm_action import VmAction


@dataclass(frozen=True)
class ActionResult:
    """Per-VM result of a bulk action: ``ok``, or the user message of the typed error.

    ``error_kind`` is the ``RemotingError.kind`` (or the PowerShell error kind such as
    ``InvalidState``) so the UI can group failures; ``server_key`` names the host.
    ``text`` is ``message`` as a translatable ``Message`` (None: show ``message``).
    """

    server_key: str
    vm_id: uuid.UUID
    vm_name: str
    action: VmAction
    ok: bool
    message: str = ""
    error_kind: str = ""
    duration_s: float = 0.0
    text: Message | None = None
