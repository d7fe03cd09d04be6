"""Test-only helper of wine-e2e.sh: save the X screen ($DISPLAY, Xvfb) as a PNG.

The installed app runs under Wine in a real window; this Linux-side Qt grabs what the screen
shows and crops the empty (black) root window around it. Usage:
``python grab_screen.py OUT.png`` (exit 1 when the screen is blank).
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402  (platform chosen first)

EMPTY = 0xFF000000  # Xvfb's root window: opaque black


def crop_empty_border(image: QImage) -> QImage:
    """The smallest rectangle holding every pixel that is not the empty root window."""
    def busy_row(y: int) -> bool:
        return any(image.pixel(x, y) != EMPTY for x in range(0, image.width(), 2))

    def busy_column(x: int) -> bool:
        return any(image.pixel(x, y) != EMPTY for y in range(0, image.height(), 2))

    rows = [y for y in range(image.height()) if busy_row(y)]
    columns = [x for x in range(image.width()) if busy_column(x)]
    if not rows or not columns:
        return image
    return image.copy(columns[0], rows[0], columns[-1] - columns[0] + 1, rows[-1] - rows[0] + 1)


def main() -> int:
    """Grab the primary screen into ``sys.argv[1]``."""
    app = QGuiApplication(sys.argv[:1])
    image = crop_empty_border(app.primaryScreen().grabWindow(0).toImage())
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
