"""The installed PySide6 must not leak references to None/True/False.

PySide6-Essentials 6.12.0 on CPython 3.11 lowers their refcount on every void call and the
interpreter aborts after ~100k calls (pyproject pins it away). This test fails if a future
install brings such a binding back. It runs in a child process because the failure mode is
an abort, not an exception.
"""

import subprocess
import sys

CHECK = """
import sys
from PySide6.QtCore import QObject
obj = QObject()
before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
for _ in range(20000):
    obj.setObjectName("x")
    obj.blockSignals(False)
after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
print(*(a - b for a, b in zip(after, before)))
"""


def test_void_calls_keep_singleton_refcounts():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    deltas = [abs(int(x)) for x in out.stdout.split()]
    # A leaking binding loses >= 20,000 per singleton; allow small noise from interpreter caches.
    assert max(deltas) < 1000, deltas
