"""Connect with a remembered password, restart the app, reconnect, then look for the
password everywhere the app writes: config dir, logs, QSettings, crash reports."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from hvmanager.app.exception_hook import ExceptionHook
from hvmanager.core.host_state import HostState
from hvmanager.domain import AuthMethod, ServerConfig
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.settings.server_store import ServerStore
from hvmanager.ui.dialogs.error_report_dialog import ErrorReportDialog
from hvmanager_testing.gui_app import shut_down

# NTLM messages start with "NTLMSSP\0"; in HTTP headers they are base64 ("TlRMTVNTUA").
NTLM_MARKERS = (b"NTLMSSP", b"TlRMTVNTUA")


@dataclass
class ScanResult:
    """Where the scan looked and what the second run saw."""

    files: dict[Path, bytes]
    report: str
    key: str
    user: str
    reconnected: HostState


def connect_through_dialog(desktop: Any, host: Any, password: str) -> str:
    """Connect to Server as a user would: NTLM, another user, remember the password."""
    dialog = desktop.window.commands.connect_server()
    dialog.address_edit.setText(host.address)
    dialog.port_spin.setValue(host.port)
    dialog.auth_combo.setCurrentIndex(dialog.auth_combo.findData(AuthMethod.NTLM))
    dialog.credentials.setChecked(True)
    dialog.credentials.user_edit.setText(host.user)
    dialog.credentials.password_edit.setText(password)
    dialog.credentials.remember_check.setChecked(True)
    assert dialog.credentials.remember(), dialog.credentials.remember_reason.text()
    dialog.ok_button.click()
    return ServerConfig(host.address, port=host.port, auth=AuthMethod.NTLM, user_name=host.user).key


def _crash_report_with_password_in_scope(password: str) -> str:
    report = ErrorReportDialog()
    hook = ExceptionHook(report.add_error)
    hook.install()
    try:
        def connect(secret: str) -> None:  # a bug where the password is a local
            raise RuntimeError("unexpected failure while connecting")
        try:
            connect(password)
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        hook.uninstall()
    text = report.details_text() + report.summary_label.text()
    report.deleteLater()
    return text


def remember_restart_and_scan(make_app: Callable[..., Any], qtbot: Any, host: Any, password: str,
                              config_dir: Path, log_file: Path,
                              credentials: Callable[[], CredentialStore]) -> ScanResult:
    """The whole scenario, with every logger at DEBUG into ``log_file``."""
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        first = make_app(server_store=ServerStore(), credentials=credentials())
        key = connect_through_dialog(first, host, password)
        qtbot.waitUntil(lambda: first.catalog.session(key) is not None
                        and first.catalog.session(key).status.state is HostState.CONNECTED,
                        timeout=10000)
        report = _crash_report_with_password_in_scope(password)
        shut_down(first, qtbot)

        second = make_app(server_store=ServerStore(), credentials=credentials())
        assert second.catalog.load_saved() == ""
        qtbot.waitUntil(lambda: second.catalog.session(key) is not None
                        and second.catalog.session(key).status.state is HostState.CONNECTED,
                        timeout=10000)
        reconnected = second.catalog.session(key).status.state
        shut_down(second, qtbot)
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
        handler.close()
    files = {path: path.read_bytes() for path in sorted(config_dir.rglob("*")) if path.is_file()}
    files[log_file] = log_file.read_bytes()
    return ScanResult(files, report, key, host.user, reconnected)


def assert_nothing_leaked(result: ScanResult, password: str) -> None:
    """The password (in any usual encoding) and NTLM tokens appear nowhere."""
    needles = {password.encode("utf-8"), password.encode("utf-16-le"),
               password.encode("unicode_escape")}
    for path, data in result.files.items():
        for needle in needles:
            assert needle not in data, f"the password is in {path}"
        for marker in NTLM_MARKERS:
            assert marker not in data, f"an NTLM token is in {path}"
    assert password not in result.report
    assert "unexpected failure while connecting" in result.report  # the report was made
