"""The app icon for the exe, the Start-menu shortcut and Add/Remove Programs."""

from __future__ import annotations

import struct

import pytest
from msi_builds import ROOT
from PySide6.QtGui import QImage

pytestmark = pytest.mark.packaging

ICO = ROOT / "resources" / "windows" / "hvmanager.ico"


def test_icon_holds_every_size_windows_asks_for_as_png() -> None:
    data = ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)  # an icon, not a cursor
    sizes = []
    for index in range(count):
        width, height, _colours, _zero, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index)
        image = QImage.fromData(data[offset:offset + length], "PNG")
        size = width or 256  # 0 means 256 in the one-byte field
        assert (image.width(), image.height()) == (size, size)
        assert bits == 32 and image.hasAlphaChannel()
        sizes.append(size)
    assert {16, 24, 32, 48, 256} <= set(sizes)
