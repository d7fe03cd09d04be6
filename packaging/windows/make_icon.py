"""Render the app's SVG icon into a multi-size Windows ``.ico`` (PNG-compressed entries).

The committed ``resources/windows/hvmanager.ico`` comes from this script; run it again after
changing ``hvmanager/resources/icons/hvmanager.svg``::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/windows/make_icon.py

PNG entries (Windows Vista and later) keep every size sharp and the file small; the
Start-menu shortcut, the Add/Remove Programs entry and the exe's own icon all use it.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "hvmanager" / "resources" / "icons" / "hvmanager.svg"
ICO = ROOT / "resources" / "windows" / "hvmanager.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """Render the SVG at ``size`` x ``size`` pixels and return it as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """Pack ``(size, png)`` pairs into an ICO container (ICONDIR + ICONDIRENTRY table)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in images:
        # 256 is written as 0 in the one-byte width/height fields.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + entries + payload


def main() -> int:
    """Write ``resources/windows/hvmanager.ico``."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    ICO.parent.mkdir(parents=True, exist_ok=True)
    ICO.write_bytes(ico_bytes([(size, render_png(renderer, size)) for size in SIZES]))
    print(f"wrote {ICO} ({ICO.stat().st_size} bytes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
