"""Connect to Server: each option produces the right ServerConfig; problems show in place."""

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from hvmanager.domain import AuthMethod, CertificateValidation, ServerConfig, Transport
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.ui.dialogs.connect_server_dialog import ConnectServerDialog


@pytest.fixture
def dialog(qtbot):
    widget = ConnectServerDialog(CredentialStore(), local_available=True)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def test_plain_name_gives_http_negotiate_with_own_credentials(dialog, qtbot):
    qtbot.keyClicks(dialog.address_edit, "  hv01.lab.example ")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.server_chosen) as chosen:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    request = chosen.args[0]
    assert request.config == ServerConfig("hv01.lab.example")
    assert request.password is None and request.remember_password is False
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_request() == request


def test_local_computer(dialog):
    dialog.local_radio.setChecked(True)
    assert not dialog.address_edit.isEnabled() and not dialog.credentials.isEnabled()
    assert dialog.ok_button.isEnabled()
    assert dialog.request().config == ServerConfig.local()


def test_local_computer_is_disabled_with_a_reason_off_windows(qtbot):
    widget = ConnectServerDialog(CredentialStore(), local_available=False)
    qtbot.addWidget(widget)
    assert not widget.local_radio.isEnabled()
    assert "Windows" in widget.local_radio.toolTip()


def test_https_switches_the_default_port_and_keeps_a_typed_one(dialog):
    dialog.address_edit.setText("hv01")
    choose(dialog.transport_combo, Transport.HTTPS)
    assert dialog.port_spin.value() == 5986
    assert dialog.config() == ServerConfig("hv01", transport=Transport.HTTPS)
    choose(dialog.transport_combo, Transport.HTTP)
    assert dialog.port_spin.value() == 5985
    dialog.port_spin.setValue(8080)
    choose(dialog.transport_combo, Transport.HTTPS)
    assert dialog.port_spin.value() == 8080
    assert dialog.config().port == 8080 and dialog.config().key == "https://hv01:8080"


@pytest.mark.parametrize("method", [AuthMethod.NTLM, AuthMethod.KERBEROS, AuthMethod.NEGOTIATE])
def test_each_http_authentication(dialog, method):
    dialog.address_edit.setText("10.0.0.5")
    choose(dialog.auth_combo, method)
    assert dialog.config() == ServerConfig("10.0.0.5", auth=method)


def test_basic_is_disabled_over_http_and_offered_over_https(dialog):
    dialog.address_edit.setText("hv01")
    model = dialog.auth_combo.model()
    basic = model.item(dialog.auth_combo.findData(AuthMethod.BASIC))
    assert not basic.isEnabled()
    assert "HTTPS" in basic.toolTip()
    assert "HTTPS" in dialog.auth_note.text()
    choose(dialog.transport_combo, Transport.HTTPS)
    assert basic.isEnabled()
    choose(dialog.auth_combo, AuthMethod.BASIC)
    # Basic without a user cannot work: said in place, OK disabled.
    assert not dialog.ok_button.isEnabled()
    assert "user name" in dialog.credentials.error_label.text()
    dialog.credentials.setChecked(True)
    dialog.credentials.user_edit.setText(".\\student")
    dialog.credentials.password_edit.setText("pw")
    assert dialog.ok_button.isEnabled()
    assert dialog.config() == ServerConfig("hv01", transport=Transport.HTTPS,
                                           auth=AuthMethod.BASIC, user_name=".\\student")
    # Back to HTTP: Basic is dropped for Negotiate rather than producing an invalid config.
    choose(dialog.transport_combo, Transport.HTTP)
    assert dialog.auth() is AuthMethod.NEGOTIATE and dialog.config().transport is Transport.HTTP


def test_credssp_needs_a_user_and_warns(dialog):
    dialog.address_edit.setText("hv01")
    choose(dialog.auth_combo, AuthMethod.CREDSSP)
    assert "CredSSP" in dialog.auth_note.text() and not dialog.auth_note.isHidden()
    assert not dialog.ok_button.isEnabled()
    dialog.credentials.setChecked(True)
    dialog.credentials.user_edit.setText("CORP\\admin")
    assert dialog.config().auth is AuthMethod.CREDSSP


def test_another_user_with_remembered_password(dialog):
    dialog.address_edit.setText("hv02")
    dialog.credentials.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    assert dialog.credentials.error_label.text() == "Enter the user name."
    assert "HOST\\user" in dialog.credentials.user_hint.text()
    assert ".\\user" in dialog.credentials.user_hint.text()
    dialog.credentials.user_edit.setText("HV02\\student")
    dialog.credentials.remember_check.setChecked(True)
    assert "password to remember" in dialog.credentials.error_label.text()
    dialog.credentials.password_edit.setText("s3cret")
    request = dialog.request()
    assert request.config == ServerConfig("hv02", user_name="HV02\\student")
    assert request.password == "s3cret" and request.remember_password is True
    assert "s3cret" not in repr(request)


def test_remember_password_is_disabled_with_the_reason_under_the_fail_backend(qtbot):
    widget = ConnectServerDialog(CredentialStore(fail.Keyring()))
    qtbot.addWidget(widget)
    widget.show()
    credentials = widget.credentials
    credentials.setChecked(True)
    assert not credentials.remember_check.isEnabled()
    assert "No system keyring" in credentials.remember_check.toolTip()
    assert "No system keyring" in credentials.remember_reason.text()
    assert credentials.remember_reason.isVisible()
    widget.address_edit.setText("hv01")
    credentials.user_edit.setText("admin")
    credentials.password_edit.setText("pw")
    credentials.remember_check.setChecked(True)  # even if forced, nothing is remembered
    assert widget.request().remember_password is False
    assert widget.request().password == "pw"


HOSTILE = [
    ("", "Enter the computer's name"),
    ("   ", "Enter the computer's name"),
    ("hv 01", "cannot contain spaces"),
    ("hv01\tx", "cannot contain spaces"),
    ("hv01;rm -rf /", "cannot contain spaces"),
    ("hv01;calc", "';' cannot be part of a computer name"),
    ("$(whoami)", "'$' cannot be part of a computer name"),
    ("`calc`", "'`' cannot be part of a computer name"),
    ("hv01/wsman", "'/' cannot be part of a computer name"),
    ("..\\hv01", "'\\' cannot be part of a computer name"),
    ("\"hv01\"", "'\"' cannot be part of a computer name"),
    ("hv\u200b01", "U+200B ZERO WIDTH SPACE"),
    ("hv\u202e10", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("hv01\x00", "U+0000"),
    ("hv01:5985", "port in the Port field"),
    ("https://hv01", "choose HTTP or HTTPS"),
    ("admin@hv01", "Connect as another user"),
    ("999.1.1.1", "not a valid IPv4 address"),
    ("hv01..lab", "two dots"),
    ("-hv01", "hyphen"),
    ("a" * 64, "63 characters"),
]


def test_an_empty_address_is_a_prompt_not_an_error(dialog):
    assert dialog.address_error.text() == "Enter the computer's name, FQDN or IP address."
    assert dialog.address_error.styleSheet() == "" and not dialog.ok_button.isEnabled()
    dialog.address_edit.setText("hv 01")
    assert "#b00020" in dialog.address_error.styleSheet()


@pytest.mark.parametrize(("text", "message"), HOSTILE)
def test_hostile_addresses_are_rejected_with_a_clear_message(dialog, text, message):
    dialog.address_edit.setText(text)
    error = dialog.findChild(QLabel, "addressError")
    assert message in error.text()
    assert error.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.isVisible() and dialog.result_request() is None


@pytest.mark.parametrize("text", ["hv01", "HV-LAB01", "hv_lab.klas.school.local", "192.168.56.10",
                                  "fe80::1", "[2001:db8::5]", "localhost"])
def test_good_addresses_are_accepted(dialog, text):
    dialog.address_edit.setText(text)
    assert dialog.address_error.isHidden()
    assert dialog.ok_button.isEnabled()
    assert dialog.config().address == text.strip("[]")


def test_certificate_options_only_with_https(dialog, tmp_path):
    dialog.address_edit.setText("hv01")
    assert not dialog.certificate.isEnabled()
    choose(dialog.transport_combo, Transport.HTTPS)
    assert dialog.certificate.isEnabled()
    assert dialog.config().certificate_validation is CertificateValidation.SYSTEM_STORE

    dialog.certificate.ca_file_radio.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    assert "Choose the CA file" in dialog.certificate_error.text()
    dialog.certificate.ca_file_edit.setText(str(tmp_path / "missing.pem"))
    assert "does not exist" in dialog.certificate_error.text()
    ca = tmp_path / "lab-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog.certificate.ca_file_edit.setText(str(ca))
    assert dialog.ok_button.isEnabled()
    assert dialog.config() == ServerConfig("hv01", transport=Transport.HTTPS,
                                           certificate_validation=CertificateValidation.CA_FILE,
                                           ca_file=str(ca))

    assert not dialog.certificate.warning_label.isVisible()
    dialog.certificate.skip_radio.setChecked(True)
    assert dialog.certificate.warning_label.isVisible()
    assert "pretend to be it" in dialog.certificate.warning_label.text()
    config = dialog.config()
    assert config.certificate_validation is CertificateValidation.SKIP and config.ca_file == ""


def test_ca_file_picker_opens_without_blocking_and_fills_the_path(dialog, qtbot, tmp_path):
    choose(dialog.transport_combo, Transport.HTTPS)
    dialog.certificate.ca_file_radio.setChecked(True)
    qtbot.mouseClick(dialog.certificate.browse_button, Qt.MouseButton.LeftButton)
    picker = dialog.findChild(QFileDialog, "caFileDialog")
    assert picker is not None and picker.isVisible()
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    picker.fileSelected.emit(str(ca))
    picker.reject()
    assert dialog.certificate.ca_file_edit.text() == str(ca)


def test_initial_config_is_shown_and_round_trips(qtbot):
    initial = ServerConfig("hv09", transport=Transport.HTTPS, port=15986, auth=AuthMethod.NTLM,
                           user_name="HV09\\admin",
                           certificate_validation=CertificateValidation.SKIP)
    widget = ConnectServerDialog(CredentialStore(), initial=initial)
    qtbot.addWidget(widget)
    widget.credentials.password_edit.setText("pw")
    assert widget.config() == initial


def test_cancel_produces_nothing(dialog, qtbot):
    dialog.address_edit.setText("hv01")
    with qtbot.assertNotEmitted(dialog.server_chosen):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result_request() is None and not dialog.isVisible()
