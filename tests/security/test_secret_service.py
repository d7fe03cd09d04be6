"""The same scan against the real Secret Service (GNOME Keyring over D-Bus).

Runs only in its own CI step (scripts/test-secret-service): a private D-Bus session with
an unlocked gnome-keyring-daemon. The default run deselects it (pyproject addopts).
"""

from __future__ import annotations

import pytest
from secret_scan import assert_nothing_leaked, remember_restart_and_scan

from hvmanager.core.host_state import HostState
from hvmanager.settings.credential_store import SERVICE_NAME, CredentialStore

PASSWORD = "Secret-Service pa$$ \u00e9\u00e8 'x' 9"


@pytest.mark.secret_service
def test_remembered_password_lives_in_the_secret_service(make_lab, make_app, qtbot, config_dir,
                                                         tmp_path):
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    lab = make_lab(hosts=1, vms_per_host=2, password=PASSWORD)
    try:
        result = remember_restart_and_scan(make_app, qtbot, lab.hosts[0], PASSWORD, config_dir,
                                           tmp_path / "debug.log", lambda: CredentialStore(backend))
        account = CredentialStore.account(result.key, result.user)
        stored = backend.get_password(SERVICE_NAME, account)
    finally:
        for host in lab.hosts:
            CredentialStore(backend).delete(f"http://{host.address}:{host.port}", host.user)
    assert result.reconnected is HostState.CONNECTED
    assert stored == PASSWORD
    assert_nothing_leaked(result, PASSWORD)
