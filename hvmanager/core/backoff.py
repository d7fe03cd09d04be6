"""Retry delays after failures: doubling, capped, with jitter so hosts do not retry in step."""

from __future__ import annotations

import random


class Backoff:
    """``next_delay()`` grows ``initial_s * 2**n`` up to ``maximum_s`` (±20 % jitter);
    ``reset()`` after a success."""

    def __init__(self, initial_s: float = 1.0, maximum_s: float = 60.0,
                 rng: random.Random | None = None) -> None:
        if initial_s <= 0 or maximum_s < initial_s:
            raise ValueError("need 0 < initial_s <= maximum_s")
        self.initial_s = initial_s
        self.maximum_s = maximum_s
        self.failures = 0
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        """The delay before the next attempt; counts one more failure."""
        base = min(self.maximum_s, self.initial_s * (2 ** min(self.failures, 30)))
        self.failures += 1
        return min(self.maximum_s, base * self._rng.uniform(0.8, 1.2))

    def reset(self) -> None:
        """Forget past failures."""
        self.failures = 0
