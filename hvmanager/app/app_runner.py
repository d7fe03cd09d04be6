"""One run of the desktop app in the mode the command line chose."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from hvmanager.app.arguments import Arguments
from hvmanager.app.desktop_app import DesktopApp
from hvmanager.app.exception_hook import ExceptionHook
from hvmanager.app.language_switcher import LanguageSwitcher, system_language
from hvmanager.app.qt_thread_garbage_collector import QtThreadGarbageCollector
from hvmanager.app.screenshot_job import ScreenshotJob
from hvmanager.domain.message import QT_TRANSLATE_NOOP
from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.remoting.session_factory import import_transports
from hvmanager.settings.config_dir import config_dir
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.settings.server_store import ServerStore
from hvmanager.ui.window_state_store import WindowStateStore

if TYPE_CHECKING:
    from hvmanager.ui.dialogs.error_report_dialog import ErrorReportDialog

log = logging.getLogger(__name__)
# A --server address the app refuses, shown in the status bar (a domain Message: the
# status bar shows it again in the new language after a switch).
_SERVER_ARGUMENT = QT_TRANSLATE_NOOP("AppRunner", "--server {address}: {reason}")

SHUTDOWN_TIMEOUT_S = 3.0
#: After the window is shown without servers, the transports are imported on a thread.
TRANSPORT_IMPORT_DELAY_MS = 1000
SELF_TEST_FILE = "self-test.json"


class AppRunner:
    """Builds the app for ``--demo`` / ``--screenshot`` / ``--self-test`` / ``--server`` or
    the saved servers, runs the qasync loop until the window closes, then shuts core down
    within a bound (sessions closed, worker threads joined) and returns the exit code."""

    def __init__(self, app: QApplication, loop: asyncio.AbstractEventLoop, args: Arguments) -> None:
        self.app = app
        self.loop = loop
        self.args = args
        self.lab = None
        self.desktop: DesktopApp | None = None
        self.report: ErrorReportDialog | None = None  # built by the first unexpected error
        self.exit_code = 0
        self._done: asyncio.Future = loop.create_future()

    # -- the run --------------------------------------------------------------------

    def run(self) -> int:
        """Build, show, run until quit, shut down; returns the process exit code."""
        self._handle_termination_signals()
        self._collector = QtThreadGarbageCollector(parent=self.app)
        self._collector.start()
        self.app.setQuitOnLastWindowClosed(False)
        self.app.lastWindowClosed.connect(lambda: self.finish(self.exit_code))
        self.app.aboutToQuit.connect(lambda: self.finish(self.exit_code))
        try:
            self.loop.run_until_complete(self._main())
        except RuntimeError as error:
            # Something called QApplication.quit(): the loop stopped early; still shut down.
            log.info("event loop stopped: %s", error)
            self._shutdown_sync()
        return self.exit_code

    def _handle_termination_signals(self) -> None:
        # Ctrl+C or a session logout's SIGTERM close the window like the user would, so
        # the bounded shutdown runs. Python runs signal handlers only between bytecodes:
        # a slow no-op timer makes sure it gets a chance while Qt idles.
        def close(*_args) -> None:
            window = self.desktop.window if self.desktop is not None else None
            if window is not None and window.isVisible():
                window.close()
            else:
                self.finish(self.exit_code)
        for name in ("SIGINT", "SIGTERM"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), close)
        self._signal_timer = QTimer()
        self._signal_timer.timeout.connect(lambda: None)
        self._signal_timer.start(250)

    async def _main(self) -> None:
        try:
            self._build()
        except Exception:
            sys.excepthook(*sys.exc_info())
            self.exit_code = 1
            raise
        await self._done
        await self._shutdown()

    def finish(self, code: int) -> None:
        """End the run with ``code`` (first call wins)."""
        if not self._done.done():
            self.exit_code = code
            self._done.set_result(code)

    async def _shutdown(self) -> None:
        if self.desktop is not None:
            await self.desktop.shutdown(SHUTDOWN_TIMEOUT_S)
        if self.lab is not None:
            await asyncio.get_running_loop().run_in_executor(None, self.lab.stop)

    def _shutdown_sync(self) -> None:
        try:
            self.loop.run_until_complete(self._shutdown())
        except RuntimeError:
            log.warning("shutdown did not complete after the event loop stopped")

    # -- building -------------------------------------------------------------------

    def _build(self) -> None:
        args = self.args
        isolated = args.demo or args.self_test
        window_store = None if (args.screenshot or args.self_test) else WindowStateStore()
        switcher = LanguageSwitcher(self.app)
        language = args.language or (window_store.language() if window_store else "") \
            or system_language()
        switcher.apply(language)
        self._name_app()
        self.hook = ExceptionHook(self._report_error)
        self.hook.install()
        self.loop.set_exception_handler(self.hook.asyncio_handler)
        server_store = None if (isolated or args.servers) else ServerStore()  # never saved
        credentials = None if isolated else CredentialStore()
        self.desktop = desktop = DesktopApp(window_store=window_store, server_store=server_store,
                                            credentials=credentials)
        window = desktop.window
        # Closing the main window ends the run even if another top-level window (the
        # error report) is still open.
        window.closed.connect(lambda: self.finish(self.exit_code))
        window.set_language_checked(switcher.language)
        if switcher.problem:
            window.status.showMessage(switcher.problem, 15000)
        window.language_requested.connect(
            lambda lang: self._switch_language(switcher, window_store, lang))
        if args.self_test:
            window.show()
            QTimer.singleShot(0, self._self_test_tick)
            return
        if args.demo:
            self._start_demo()
        elif args.servers:
            self._connect_command_line_servers()
        else:
            if desktop.catalog.load_saved():
                window.status.show_problem(desktop.catalog.saved_problem)
        if desktop.inventory.sessions:
            # Their first connects would import the transports in the shown window's first
            # loop turn (a ~0.1 s freeze): import them before it is shown instead.
            import_transports()
        window.show()
        log.info("window shown (%s)", "demo" if args.demo else
                 f"{len(desktop.catalog.keys())} server(s)")
        if not desktop.inventory.sessions:
            # Nothing imported the transports yet: do it off the Qt thread once the window
            # is up, so the first server the user adds does not freeze the window for it.
            QTimer.singleShot(TRANSPORT_IMPORT_DELAY_MS, self._import_transports)
        if args.screenshot:
            self.screenshot = ScreenshotJob(desktop, Path(args.screenshot), args.timeout_s,
                                            self.finish)
            self.screenshot.start()

    def _import_transports(self) -> None:
        # A daemon: quitting never waits for it.
        threading.Thread(target=_import_transports_logged, name="hvmanager-import", daemon=True).start()

    def _report_error(self, kind: type[BaseException], error: BaseException,
                      traceback: TracebackType | None) -> None:
        # The report window is built by the first error it shows, not with every window.
        if self.report is None:
            from hvmanager.ui.dialogs.error_report_dialog import ErrorReportDialog  # noqa: PLC0415

            self.report = ErrorReportDialog()
        self.report.add_error(kind, error, traceback)

    def _start_demo(self) -> None:
        from hvmanager.app.demo_lab import DemoLab

        self.lab = DemoLab()
        for config, password in self.lab.start():
            self.desktop.catalog.connect(config, password)

    def _connect_command_line_servers(self) -> None:
        args = self.args
        password = os.environ.get(args.password_env) if args.password_env else None
        for address in args.servers:
            try:
                config = ServerConfig.from_address(address, user_name=args.user)
            except InvalidServerConfig as error:
                # Shown again in the new language after a switch, like the saved-servers problem.
                self.desktop.window.status.show_problem(_SERVER_ARGUMENT.format(address=address, reason=error.text))
                continue
            self.desktop.catalog.connect(config, password)

    def _switch_language(self, switcher: LanguageSwitcher, store: WindowStateStore | None,
                         language: str) -> None:
        switcher.apply(language)
        self._name_app()
        if store is not None:
            store.set_language(language)
            store.sync()
        window = self.desktop.window
        window.set_language_checked(switcher.language)
        if switcher.problem:
            window.status.showMessage(switcher.problem, 15000)

    def _name_app(self) -> None:
        # Qt appends the display name to window titles (X11, Windows): say it in the language.
        self.app.setApplicationDisplayName(
            QCoreApplication.translate("AppRunner", "Hyper-V Manager"))

    def _self_test_tick(self) -> None:
        window = self.desktop.window
        result = {"self_test": "ok", "window": window.objectName(),
                  "actions": len(window.registry.all()), "platform": self.app.platformName(),
                  "visible": window.isVisible()}
        line = json.dumps(result)
        if sys.stdout is not None:  # a Windows GUI executable has no console
            print(line, flush=True)
        try:
            directory = config_dir()
            directory.mkdir(parents=True, exist_ok=True)
            (directory / SELF_TEST_FILE).write_text(line + "\n", encoding="utf-8")
        except OSError as error:
            log.warning("self-test result not written: %s", error)
        self.finish(0)


def _import_transports_logged() -> None:
    """``import_transports`` for a background thread: a failure goes to the log (a windowed
    frozen build has no stderr for ``threading.excepthook``), and the first server that
    needs a transport imports it again and reports the error as its own."""
    try:
        import_transports()
    except Exception:  # noqa: BLE001 - logged; the first connect meets it again
        log.exception("importing the transports in the background failed")
