"""Test-only helper of wine-e2e.sh: save the whole X screen ($DISPLAY, Xvfb) as a PNG.

The installed app runs under Wine in a real window; this Linux-side Qt grabs what the
screen shows. Usage: ``python grab_screen.py OUT.png`` (exit 1 when the screen is blank).
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtGui import QGuiApplication  # noqa: E402  (platform chosen first)


def main() -> int:
    """Grab the primary screen into ``sys.argv[1]``."""
    app = QGuiApplication(sys.argv[:1])
    image = app.primaryScreen().grabWindow(0).toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16)
               for y in range(0, image.height(), 16)}
    if len(colours) < 8:
        print(f"the screen is blank ({len(colours)} colours)", file=sys.stderr)
        return 1
    if not image.save(sys.argv[1], "PNG"):
        print(f"cannot write {sys.argv[1]}", file=sys.stderr)
        return 1
    print(f"grabbed {image.width()}x{image.height()} into {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
