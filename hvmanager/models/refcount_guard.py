"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12 on Python 3.11.

PySide6-Essentials 6.12.0 (an abi3 wheel) returns ``None``/``True``/``False`` to Python
without taking a reference: every void method call (``QTimer.start``,
``changePersistentIndexList``, ``beginFilterChange``...), every ``data()`` override that
returns None and every ``signal.emit`` lowers their reference count by one. On Python
3.12+ these objects are immortal and nothing happens; on 3.11 the interpreter aborts
after a few thousand calls ("none_dealloc: deallocating None" / "bool_dealloc"),
reproduced in this repo with a table model. The fix is Python >= 3.12; until then
:func:`protect_singletons` gives the three objects a reserve of references so large
that the leak can never reach zero (they are never freed anyway).
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 48


def protect_singletons() -> bool:
    """On Python < 3.12, add a huge reference reserve to None/True/False (idempotent).

    Returns True when it acted. Call once, early, in the composition root and in test
    conftests; it is a no-op where the singletons are immortal.
    """
    if sys.version_info >= (3, 12):
        return False
    acted = False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _RESERVE // 2:
            count.value += _RESERVE
            acted = True
    return acted
