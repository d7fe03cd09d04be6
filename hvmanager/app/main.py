"""``hvmanager``: the desktop app's entry point (also ``python -m hvmanager``)."""

from __future__ import annotations

import asyncio
import logging
import os
import sys

from hvmanager.app.arguments import Arguments


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, start Qt with a qasync loop (``BatchedEventLoop``), run the app;
    returns the exit code."""
    args = Arguments.parse(argv)
    if args.self_test or (args.screenshot and not (os.environ.get("DISPLAY")
                                                   or os.environ.get("WAYLAND_DISPLAY"))):
        # No display needed: the window is built (and grabbed) offscreen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _set_up_logging()
    from PySide6.QtWidgets import QApplication

    from hvmanager.app.app_runner import AppRunner
    from hvmanager.app.batched_event_loop import BatchedEventLoop

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hvmanager")
    app.setApplicationDisplayName("Hyper-V Manager")
    loop = BatchedEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        return AppRunner(app, loop, args).run()
    finally:
        loop.close()


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _set_up_logging() -> None:
    """Warnings from libraries, our own INFO, to stderr and to ``<config dir>/hvmanager.log``
    (a frozen GUI build has no console: the file is where the excepthook's reports stay)."""
    logging.basicConfig(level=logging.WARNING, format=LOG_FORMAT)
    logging.getLogger("hvmanager").setLevel(logging.INFO)
    from logging.handlers import RotatingFileHandler

    from hvmanager.settings.config_dir import config_dir

    try:
        directory = config_dir()
        directory.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(directory / "hvmanager.log", maxBytes=1_000_000,
                                      backupCount=2, encoding="utf-8")
    except OSError:
        return  # no writable config dir: stderr only
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.getLogger().addHandler(handler)
