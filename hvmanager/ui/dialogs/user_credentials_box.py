"""'Connect as another user': user name, password, and remembering it in the OS keyring."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)


class UserCredentialsBox(QGroupBox):
    """A checkable group: unchecked means "use my Windows credentials".

    ``unavailable_reason`` (from ``CredentialStore.unavailable_reason``) disables
    "Remember password" and says why, as label and tooltip: there is no plaintext fallback.
    """

    changed = Signal()

    def __init__(self, unavailable_reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anotherUserGroup")
        self.setTitle(self.tr("Connect as another user"))
        self.setAccessibleName(self.tr("Connect as another user"))
        self.setCheckable(True)
        self.setChecked(False)
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("userEdit")
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.user_edit.setPlaceholderText(self.tr("DOMAIN\\user or user@domain"))
        self.user_hint = QLabel(self.tr(
            "For a host in a workgroup, name the host's own account: HOST\\user or .\\user."), self)
        self.user_hint.setObjectName("userHint")
        self.user_hint.setAccessibleName(self.tr("User name hint"))
        self.user_hint.setWordWrap(True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self.tr("Remember password"), self)
        self.remember_check.setObjectName("rememberPasswordCheck")
        self.remember_check.setAccessibleName(self.tr("Remember password"))
        self.remember_reason = QLabel(self)
        self.remember_reason.setObjectName("rememberPasswordReason")
        self.remember_reason.setAccessibleName(self.tr("Why the password cannot be remembered"))
        self.remember_reason.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("credentialsError")
        self.error_label.setAccessibleName(self.tr("Credentials problem"))
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.keyring_usable = not unavailable_reason
        if unavailable_reason:
            text = self.tr("Passwords cannot be remembered: %1").replace("%1", unavailable_reason)
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(text)
            self.remember_reason.setText(text)
        self.remember_reason.setVisible(bool(unavailable_reason))
        self._layout()
        self.toggled.connect(self._emit)
        self.user_edit.textChanged.connect(self._emit)
        self.password_edit.textChanged.connect(self._emit)
        self.remember_check.toggled.connect(self._emit)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow("", self.user_hint)
        form.addRow(self.tr("&Password:"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.remember_reason)
        layout.addWidget(self.error_label)

    def _emit(self, *args: object) -> None:
        self.changed.emit()

    def user_name(self) -> str:
        """The user, or "" when connecting with one's own credentials."""
        return self.user_edit.text().strip() if self.isChecked() else ""

    def password(self) -> str | None:
        """The typed password, or None when not connecting as another user."""
        return self.password_edit.text() if self.isChecked() else None

    def remember(self) -> bool:
        """True only when the keyring is usable, the box is checked and a password given."""
        return (self.keyring_usable and self.isChecked() and self.remember_check.isChecked()
                and bool(self.password_edit.text()))

    def problem(self, user_required: bool) -> str:
        """What blocks OK here, or "". ``user_required`` for Basic and CredSSP."""
        if user_required and not self.isChecked():
            return self.tr("This authentication needs a user name and password: check "
                           "'Connect as another user'.")
        if not self.isChecked():
            return ""
        user = self.user_edit.text().strip()
        if not user:
            return self.tr("Enter the user name.")
        if any(character.isspace() or not character.isprintable()
               for character in user.replace(" ", "")):
            return self.tr("The user name contains a tab, line break or invisible character.")
        if "|" in user:
            return self.tr("A user name cannot contain '|'.")
        if (self.remember_check.isChecked() and self.keyring_usable
                and not self.password_edit.text()):
            return self.tr("Enter the password to remember.")
        return ""

    def show_problem(self, text: str) -> None:
        """Show (or clear) the inline error."""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
