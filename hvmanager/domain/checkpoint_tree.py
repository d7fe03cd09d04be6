"""A VM's checkpoints arranged as the tree Hyper-V Manager shows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Iterable, Iterator

from hvmanager.domain.checkpoint import Checkpoint


@dataclass(frozen=True)
class CheckpointTree:
    """Checkpoints linked by ``parent_id``; orphans (parent not listed) count as roots.

    Children keep creation order (then name), as the Checkpoints pane lists them.
    """

    checkpoints: tuple[Checkpoint, ...]

    @classmethod
    def build(cls, checkpoints: Iterable[Checkpoint]) -> "CheckpointTree":
        """Sort by creation time so children come out in the order they were taken."""
        ordered = sorted(checkpoints, key=lambda c: (c.creation_time is None,
                                                     c.creation_time or 0, c.name))
        return cls(tuple(ordered))

    def roots(self) -> tuple[Checkpoint, ...]:
        """Checkpoints without a listed parent."""
        ids = {c.checkpoint_id for c in self.checkpoints}
        return tuple(c for c in self.checkpoints if c.parent_id not in ids)

    def children(self, checkpoint_id: uuid.UUID) -> tuple[Checkpoint, ...]:
        """Direct children of one checkpoint."""
        return tuple(c for c in self.checkpoints if c.parent_id == checkpoint_id)

    def walk(self) -> Iterator[tuple[int, Checkpoint]]:
        """Depth-first ``(depth, checkpoint)`` pairs; safe against parent cycles."""
        seen: set[uuid.UUID] = set()
        stack = [(0, c) for c in reversed(self.roots())]
        while stack:
            depth, node = stack.pop()
            if node.checkpoint_id in seen:
                continue
            seen.add(node.checkpoint_id)
            yield depth, node
            stack.extend((depth + 1, c) for c in reversed(self.children(node.checkpoint_id)))
