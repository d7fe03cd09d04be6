"""``hvmanager``: the desktop app's entry point (also ``python -m hvmanager``)."""

from __future__ import annotations

import asyncio
import logging
import os
import sys

from hvmanager.app.arguments import Arguments


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, start Qt with a qasync loop, run the app; returns the exit code."""
    args = Arguments.parse(argv)
    if args.self_test or (args.screenshot and not (os.environ.get("DISPLAY")
                                                   or os.environ.get("WAYLAND_DISPLAY"))):
        # No display needed: the window is built (and grabbed) offscreen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logging.basicConfig(level=logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("hvmanager").setLevel(logging.INFO)
    import qasync
    from PySide6.QtWidgets import QApplication

    from hvmanager.app.app_runner import AppRunner
    from hvmanager.models.refcount_guard import protect_singletons

    protect_singletons()  # PySide6 6.12 on Python 3.11: see models/refcount_guard.py

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hvmanager")
    app.setApplicationDisplayName("Hyper-V Manager")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        return AppRunner(app, loop, args).run()
    finally:
        loop.close()
