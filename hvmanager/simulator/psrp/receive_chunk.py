"""What one Receive takes from a pool: PSRP payloads and whether the pipeline is done."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReceiveChunk:
    """``payloads`` are whole PSRP fragment runs, each at most one fragment size.

    ``done`` is True when the pipeline reached a final state and this chunk holds its
    last data (WS-Man answers CommandState Done).
    """

    payloads: tuple[bytes, ...]
    done: bool = False

    @property
    def size(self) -> int:
        """Bytes of PSRP data in this chunk."""
        return sum(len(p) for p in self.payloads)
