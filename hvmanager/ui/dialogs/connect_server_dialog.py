"""Hyper-V Manager's "Connect to Server", with transport, authentication and certificate choices."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLayout, QLineEdit, QRadioButton, QSpinBox, QVBoxLayout,
                               QWidget)

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.models.message_text import MessageText
from hvmanager.ui.dialogs.certificate_options_box import CertificateOptionsBox
from hvmanager.ui.dialogs.connect_request import ConnectRequest
from hvmanager.ui.dialogs.host_address_check import address_problem, normalized_address
from hvmanager.ui.dialogs.user_credentials_box import UserCredentialsBox

_ERROR_STYLE = "color: #b00020;"


class ConnectServerDialog(QDialog):
    """Choose a server and how to reach it; produces a :class:`ConnectRequest`.

    Every choice is checked as it is made: the problem shows in place, under the field
    it concerns, and OK stays disabled until there is none. Basic authentication is
    only offered over HTTPS. ``credential_store`` decides whether "Remember password"
    is possible (None: not offered). ``initial`` pre-fills the dialog from a saved server.
    ``local_available`` defaults to "running on Windows" (the local computer is reached
    through a local PowerShell process). On OK, :attr:`server_chosen` carries the request.
    """

    server_chosen = Signal(object)

    def __init__(self, credential_store: CredentialStore | None = None, *,
                 initial: ServerConfig | None = None, local_available: bool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectServerDialog")
        self.setWindowTitle(self.tr("Connect to Server"))
        self.setAccessibleName(self.tr("Connect to Server"))
        self._local_available = sys.platform == "win32" if local_available is None \
            else local_available
        reason = MessageText.of(credential_store.unavailable_text) if credential_store is not None else \
            self.tr("No password store was given.")
        self._build(reason)
        self._result: ConnectRequest | None = None
        if initial is not None:
            self._show_config(initial)
        self._connect_signals()
        self._update()

    # -- construction -----------------------------------------------------------------

    def _named(self, widget: QWidget, name: str, accessible: str) -> QWidget:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        return widget

    def _build(self, keyring_reason: str) -> None:
        self.local_radio = self._named(QRadioButton(self.tr("&Local computer")),
                                       "localComputerRadio", self.tr("Local computer"))
        self.another_radio = self._named(QRadioButton(self.tr("&Another computer:")),
                                         "anotherComputerRadio", self.tr("Another computer"))
        self._where = QButtonGroup(self)
        self._where.addButton(self.local_radio)
        self._where.addButton(self.another_radio)
        self.another_radio.setChecked(True)
        if not self._local_available:
            self.local_radio.setEnabled(False)
            self.local_radio.setToolTip(self.tr(
                "The local computer can only be managed when hvmanager runs on Windows."))
        self.address_edit = self._named(QLineEdit(), "addressEdit", self.tr("Computer name"))
        self.address_edit.setPlaceholderText(self.tr("Name, FQDN or IP address"))
        self.address_error = self._error_label("addressError", self.tr("Address problem"))
        self.transport_combo = self._named(QComboBox(), "transportCombo", self.tr("Transport"))
        self.transport_combo.addItem(self.tr("HTTP (WinRM, encrypted by the authentication)"),
                                     Transport.HTTP)
        self.transport_combo.addItem(self.tr("HTTPS (WinRM over TLS)"), Transport.HTTPS)
        self.port_spin = self._named(QSpinBox(), "portSpin", self.tr("Port"))
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(Transport.HTTP.default_port or 5985)
        self.auth_combo = self._named(QComboBox(), "authCombo", self.tr("Authentication"))
        for text, method in ((self.tr("Negotiate (Kerberos or NTLM)"), AuthMethod.NEGOTIATE),
                             (self.tr("NTLM"), AuthMethod.NTLM),
                             (self.tr("Kerberos"), AuthMethod.KERBEROS),
                             (self.tr("Basic (HTTPS only)"), AuthMethod.BASIC),
                             (self.tr("CredSSP"), AuthMethod.CREDSSP)):
            self.auth_combo.addItem(text, method)
        self.auth_note = self._named(QLabel(), "authNote", self.tr("Authentication note"))
        self.auth_note.setWordWrap(True)
        self.credentials = UserCredentialsBox(keyring_reason, self)
        self.certificate = CertificateOptionsBox(self)
        self.certificate_error = self._error_label("certificateError",
                                                   self.tr("Certificate problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("connectButtons")
        self.buttons.setAccessibleName(self.tr("Dialog buttons"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("connectOkButton")
        self.ok_button.setAccessibleName(self.tr("OK"))
        self._lay_out()

    def _error_label(self, name: str, accessible: str) -> QLabel:
        label = self._named(QLabel(), name, accessible)
        label.setStyleSheet(_ERROR_STYLE)
        label.setWordWrap(True)
        return label

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Transport:"), self.transport_combo)
        form.addRow(self.tr("P&ort:"), self.port_spin)
        form.addRow(self.tr("Aut&hentication:"), self.auth_combo)
        form.addRow("", self.auth_note)
        layout = QVBoxLayout(self)
        # Follow the content: notes and errors appear and vanish as choices change, and a
        # window that kept its first size would squeeze the fields under them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(QLabel(self.tr("Select the computer to connect to:")))
        layout.addWidget(self.local_radio)
        layout.addWidget(self.another_radio)
        layout.addWidget(self.address_edit)
        layout.addWidget(self.address_error)
        layout.addLayout(form)
        layout.addWidget(self.credentials)
        layout.addWidget(self.certificate)
        layout.addWidget(self.certificate_error)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self._where.buttonToggled.connect(self._update)
        self.address_edit.textChanged.connect(self._update)
        self.transport_combo.currentIndexChanged.connect(self._transport_changed)
        self.port_spin.valueChanged.connect(self._update)
        self.auth_combo.currentIndexChanged.connect(self._update)
        self.credentials.changed.connect(self._update)
        self.certificate.changed.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _show_config(self, config: ServerConfig) -> None:
        if config.transport is Transport.LOCAL:
            self.local_radio.setEnabled(True)
            self.local_radio.setChecked(True)
            return
        self.address_edit.setText(config.address)
        self.transport_combo.setCurrentIndex(self.transport_combo.findData(config.transport))
        self.port_spin.setValue(config.effective_port or 5985)
        self.auth_combo.setCurrentIndex(self.auth_combo.findData(config.auth))
        if config.user_name:
            self.credentials.setChecked(True)
            self.credentials.user_edit.setText(config.user_name)
        self.certificate.set_choice(config.certificate_validation, config.ca_file)

    # -- state ------------------------------------------------------------------------

    def transport(self) -> Transport:
        """The chosen transport (LOCAL for the local computer)."""
        if self.local_radio.isChecked():
            return Transport.LOCAL
        return self.transport_combo.currentData()

    def auth(self) -> AuthMethod:
        """The chosen authentication."""
        return self.auth_combo.currentData()

    def _transport_changed(self, *args: object) -> None:
        # Follow the default port unless the user typed another one.
        defaults = {Transport.HTTP.default_port, Transport.HTTPS.default_port}
        if self.port_spin.value() in defaults:
            self.port_spin.setValue(self.transport_combo.currentData().default_port)
        self._update()

    def _set_basic_allowed(self, allowed: bool) -> None:
        model = self.auth_combo.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(self.auth_combo.findData(AuthMethod.BASIC))
        item.setEnabled(allowed)
        item.setData(None if allowed else self.tr(
            "Basic sends the password in clear: it is only offered over HTTPS."),
            Qt.ItemDataRole.ToolTipRole)
        if not allowed and self.auth() is AuthMethod.BASIC:
            self.auth_combo.setCurrentIndex(self.auth_combo.findData(AuthMethod.NEGOTIATE))

    def _auth_note_text(self, https: bool) -> str:
        if self.auth() is AuthMethod.CREDSSP:
            return self.tr("CredSSP hands your password to the host, so it can reach other "
                           "servers on your behalf. Use it only with hosts you trust.")
        if not https:
            return self.tr("Basic authentication is only available over HTTPS: it sends the "
                           "password in clear.")
        return ""

    def _update(self, *args: object) -> None:
        remote = not self.local_radio.isChecked()
        https = remote and self.transport_combo.currentData() is Transport.HTTPS
        for widget in (self.address_edit, self.transport_combo, self.port_spin, self.auth_combo,
                       self.credentials):
            widget.setEnabled(remote)
        self._set_basic_allowed(https)
        self.certificate.setEnabled(https)
        note = self._auth_note_text(https) if remote else ""
        self.auth_note.setText(note)
        self.auth_note.setVisible(bool(note))
        address_error = address_problem(self.address_edit.text()) if remote else ""
        user_required = self.auth() in (AuthMethod.BASIC, AuthMethod.CREDSSP)
        credentials_error = self.credentials.problem(user_required) if remote else ""
        certificate_error = self.certificate.problem() if https else ""
        self._show(self.address_error, address_error)
        # An empty field is a prompt, not a mistake: no error colour before anything is typed.
        self.address_error.setStyleSheet("" if not self.address_edit.text().strip()
                                         else _ERROR_STYLE)
        self.credentials.show_problem(credentials_error)
        self._show(self.certificate_error, certificate_error)
        self.ok_button.setEnabled(not (address_error or credentials_error or certificate_error))

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    # -- result -----------------------------------------------------------------------

    def config(self) -> ServerConfig:
        """The server as chosen; raises ``InvalidServerConfig`` while a problem is shown."""
        if self.local_radio.isChecked():
            return ServerConfig.local()
        problem = address_problem(self.address_edit.text())
        if problem:
            raise InvalidServerConfig(problem)
        transport = self.transport()
        port = self.port_spin.value()
        https = transport is Transport.HTTPS
        return ServerConfig(
            address=normalized_address(self.address_edit.text()), transport=transport,
            port=None if port == transport.default_port else port, auth=self.auth(),
            user_name=self.credentials.user_name(),
            certificate_validation=self.certificate.validation() if https else
            CertificateValidation.SYSTEM_STORE,
            ca_file=self.certificate.ca_file() if https else "")

    def request(self) -> ConnectRequest:
        """Config, password (memory only) and the remember flag; see :class:`ConnectRequest`."""
        config = self.config()
        if config.transport is Transport.LOCAL:
            return ConnectRequest(config)
        password = self.credentials.password()
        return ConnectRequest(config, password, self.credentials.remember())

    def result_request(self) -> ConnectRequest | None:
        """The request accepted with OK, or None (cancelled, or not closed yet)."""
        return self._result

    def accept(self) -> None:
        """Close only with a valid server; otherwise show why and stay open."""
        self._update()
        if not self.ok_button.isEnabled():
            return
        try:
            request = self.request()
        except InvalidServerConfig as error:
            self._show(self.address_error, MessageText.of_error(error))
            return
        self._result = request
        super().accept()
        self.server_chosen.emit(request)
