"""The CLIXML of a runspace pool's opening answers, serialised once per host."""

from __future__ import annotations

import threading
from typing import Any, Callable, Hashable

from psrpcore.types import PSVersion


def windows_private_data() -> dict[str, Any]:
    """ApplicationPrivateData as Windows PowerShell 5.1 on Server 2019/2022 sends it."""
    return {
        "PSVersionTable": {
            "PSVersion": PSVersion("5.1.20348.2849"),
            "PSEdition": "Desktop",
            "PSCompatibleVersions": [PSVersion(v) for v in ("1.0", "2.0", "3.0", "4.0", "5.0", "5.1.20348.2849")],
            "BuildVersion": PSVersion("10.0.20348.2849"),
            "CLRVersion": PSVersion("4.0.30319.42000"),
            "WSManStackVersion": PSVersion("3.0"),
            "PSRemotingProtocolVersion": PSVersion("2.3"),
            "SerializationVersion": PSVersion("1.1.0.1"),
        }
    }


class OpeningAnswers:
    """What every pool of one host answers when it opens, kept as CLIXML bytes.

    A pool opens with the same answers on every connection: the server's
    SessionCapability (psrpcore's constants), ApplicationPrivateData (the host's
    ``private_data``, built once and never changed) and RunspacePoolState Opened.
    psrpcore serialises them anew for every pool (~1 ms); the bytes only depend on the
    key each caller gives (the message's values, the client's protocol version), so they
    are made once. Only the message header (the pool's id) differs, and the pool writes it.
    """

    def __init__(self, private_data: dict[str, Any]) -> None:
        self.private_data = private_data
        self._clixml: dict[Hashable, bytes] = {}
        self._lock = threading.Lock()
        self.hits = 0

    @classmethod
    def windows(cls) -> OpeningAnswers:
        """The answers of a Windows host (``windows_private_data``)."""
        return cls(windows_private_data())

    def clixml(self, key: Hashable, serialise: Callable[[], bytes]) -> bytes:
        """The bytes for ``key``, from ``serialise`` the first time."""
        with self._lock:
            known = self._clixml.get(key)
            if known is not None:
                self.hits += 1
                return known
        known = serialise()
        with self._lock:
            return self._clixml.setdefault(key, known)
