"""A remembered password lives in the keyring only: never in the config dir, the logs,
QSettings or a crash report, across a restart of the app."""

from __future__ import annotations

from secret_scan import assert_nothing_leaked, remember_restart_and_scan

from hvmanager.core.host_state import HostState
from hvmanager.settings.credential_store import SERVICE_NAME, CredentialStore
from hvmanager_testing.memory_keyring import MemoryKeyring

PASSWORD = "Pa$$ w0rd\u00e9'\"-x7"


def test_remembered_password_is_only_in_the_keyring(make_lab, make_app, qtbot, config_dir, tmp_path):
    lab = make_lab(hosts=1, vms_per_host=2, password=PASSWORD)
    result = remember_restart_and_scan(make_app, qtbot, lab.hosts[0], PASSWORD, config_dir,
                                       tmp_path / "debug.log", lambda: CredentialStore(MemoryKeyring()))
    assert result.reconnected is HostState.CONNECTED
    account = CredentialStore.account(result.key, result.user)
    assert MemoryKeyring().get_password(SERVICE_NAME, account) == PASSWORD
    names = {path.name for path in result.files}
    # What was scanned: the saved servers, the layout (QSettings) and a busy debug log.
    assert "servers.json" in names and "window.ini" in names, names
    log = result.files[tmp_path / "debug.log"]
    # Busy: both sessions' pools (ours and the lab's), their requests at the lab and the crash report, at DEBUG.
    # (Its size follows psrpcore's DEBUG chatter, which our transport partly bypasses.)
    assert log.count(b"Creating Runspace Pool") >= 4 and log.count(b"POST /wsman") >= 10, log[:2000]
    assert b"unexpected failure while connecting" in log and len(log) > 5_000
    assert_nothing_leaked(result, PASSWORD)
