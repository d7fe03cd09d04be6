"""Waiting for a condition from plain (non-async) test code."""

from __future__ import annotations

import time
from typing import Callable


def poll_until(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    """True once ``condition()`` holds, checked every 10 ms; its last value after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()
