"""Decoded CreatePipeline messages, shared by every runspace pool of a lab.

A client sends the same CreatePipeline message for the same pipeline: the app's refresh
is byte for byte identical on every host and every time (the pipeline id travels in the
message header, not in its data). Decoding one costs ~2 ms of CLIXML parsing, more than
running the refresh itself, so each distinct message is decoded once. What is kept is only
read afterwards: psrpcore's decoded message and the pipeline description made from it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DecodedPipeline:
    """A CreatePipeline message's PSObject and psrpcore's ``PowerShell`` made from it."""

    ps_object: Any
    metadata: Any


class CreatePipelineCache:
    """A thread-safe, bounded map from message data to its ``DecodedPipeline``.

    The least recently used entry goes first: one-off pipelines (an action on one VM's id)
    pass through while the refresh stays.
    """

    def __init__(self, capacity: int = 64) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[bytes, DecodedPipeline] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, data: bytes) -> DecodedPipeline | None:
        """The decoded message, or None when it was not seen (recently)."""
        with self._lock:
            entry = self._entries.get(data)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(data)
            self.hits += 1
            return entry

    def put(self, data: bytes, decoded: DecodedPipeline) -> None:
        """Remember a decoded message (dropping the least recently used beyond capacity)."""
        with self._lock:
            self._entries[data] = decoded
            self._entries.move_to_end(data)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
