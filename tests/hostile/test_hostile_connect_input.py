"""Odd server addresses and user names in Connect to Server: refused in place, with words
that say what is wrong, and OK stays disabled (nothing reaches the catalog)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from hvmanager.settings.credential_store import CredentialStore
from hvmanager.ui.dialogs.connect_server_dialog import ConnectServerDialog


@pytest.fixture
def dialog(qtbot):
    widget = ConnectServerDialog(CredentialStore(), local_available=False)
    qtbot.addWidget(widget)
    widget.show()
    return widget


ADDRESSES = [
    ("hv01\n", None),  # a trailing line break from a paste is trimmed, not an error
    ("hv01\nhv02", "cannot contain spaces"),
    ("hv01,hv02", "',' cannot be part of a computer name"),
    ("<script>", "'<' cannot be part of a computer name"),
    ("hv01%eth0", "'%' cannot be part of a computer name"),
    ("h\u00e9v01", "'\u00e9' cannot be part of a computer name"),
    ("hv01\u0301", "U+0301 COMBINING ACUTE ACCENT"),
    ("\u05e9\u05e8\u05ea", "cannot be part of a computer name"),
    ("'; Stop-Computer; '", "cannot contain spaces"),
    ("a" * 254, "longer than 253"),
]


@pytest.mark.parametrize(("text", "message"), ADDRESSES)
def test_odd_addresses(dialog, text, message):
    dialog.address_edit.setText(text)
    error = dialog.findChild(QLabel, "addressError")
    if message is None:
        assert error.isHidden() and dialog.ok_button.isEnabled()
        assert dialog.config().address == text.strip()
        return
    assert message in error.text() and error.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result_request() is None


USERS = [
    ("ad\tmin", "tab, line break or invisible character"),
    ("HV01\\ad\nmin", "tab, line break or invisible character"),
    ("adm\u200bin", "tab, line break or invisible character"),
    ("adm\u202ein", "tab, line break or invisible character"),
    ("adm\x00in", "tab, line break or invisible character"),
    ("alice|admin", "cannot contain '|'"),
    ("   ", "Enter the user name"),
]


@pytest.mark.parametrize(("user", "message"), USERS)
def test_odd_user_names(dialog, user, message):
    dialog.address_edit.setText("hv01")
    dialog.credentials.setChecked(True)
    dialog.credentials.user_edit.setText(user)
    dialog.credentials.password_edit.setText("pw")
    error = dialog.findChild(QLabel, "credentialsError")
    assert message in error.text() and error.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result_request() is None


@pytest.mark.parametrize("user", ["HV01\\Administrator", ".\\alice", "alice@corp.example",
                                  "J\u00fcrgen", "o'brien", "user name with spaces"])
def test_usual_user_names_are_kept_as_typed(dialog, user):
    dialog.address_edit.setText("hv01")
    dialog.credentials.setChecked(True)
    dialog.credentials.user_edit.setText(f" {user} ")
    assert dialog.ok_button.isEnabled()
    assert dialog.config().user_name == user
