"""Decoded client messages that repeat, shared by every runspace pool of a lab.

A client sends the same bytes for the same thing: the app's refresh is one CreatePipeline
message, identical on every host and every time (the pipeline id travels in the message
header, not in its data), and every pool opens with the same SessionCapability and
InitRunspacePool. Decoding the refresh costs ~2 ms of CLIXML parsing, more than running
it, so each distinct message is decoded once. What is kept is only read afterwards:
psrpcore's decoded PSObject and, for a pipeline, the description psrpcore made from it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DecodedMessage:
    """A message's PSObject; for CreatePipeline also psrpcore's ``PowerShell`` made from it."""

    ps_object: Any
    metadata: Any


class DecodedMessageCache:
    """A thread-safe, bounded map from message data to its ``DecodedMessage``.

    The least recently used entry goes first: one-off pipelines (an action on one VM's id)
    pass through while the refresh and the pool-opening messages stay.
    """

    def __init__(self, capacity: int = 64) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[bytes, DecodedMessage] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, data: bytes) -> DecodedMessage | None:
        """The decoded message, or None when it was not seen (recently)."""
        with self._lock:
            entry = self._entries.get(data)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(data)
            self.hits += 1
            return entry

    def put(self, data: bytes, decoded: DecodedMessage) -> None:
        """Remember a decoded message (dropping the least recently used beyond capacity)."""
        with self._lock:
            self._entries[data] = decoded
            self._entries.move_to_end(data)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
