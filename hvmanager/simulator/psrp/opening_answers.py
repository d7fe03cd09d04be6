"""The CLIXML of a runspace pool's opening answers, serialised once per host."""

from __future__ import annotations

import threading
from typing import Any, Callable, Hashable


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
