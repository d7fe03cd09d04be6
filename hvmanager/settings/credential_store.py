"""Passwords in the OS keyring, and only there."""

from __future__ import annotations

from typing import Any

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.settings.settings_errors import CredentialStoreUnavailable

SERVICE_NAME = "hvmanager"


def _unusable_reason(backend: Any) -> Message | None:
    """Why ``backend`` must not hold passwords, or None when it may."""
    from keyring.backends import chainer, fail, null

    module = type(backend).__module__
    name = type(backend).__name__
    if isinstance(backend, fail.Keyring):
        return _NO_KEYRING
    if isinstance(backend, null.Keyring):
        return QT_TRANSLATE_NOOP("SettingsMessages", "The keyring is disabled (null backend).")
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return QT_TRANSLATE_NOOP("SettingsMessages", "The only keyring available ({backend}) keeps passwords in a "
                                 "file; hvmanager does not store passwords there.").format(backend=f"{module}.{name}")
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        if not members:
            return _NO_KEYRING
        for member in members:
            reason = _unusable_reason(member)
            if reason:
                # The chainer may pick any member: one unsafe member makes it unsafe.
                return reason
    return None


_NO_KEYRING = QT_TRANSLATE_NOOP("SettingsMessages", "No system keyring was found (Windows Credential Manager, "
                                "macOS Keychain or a Secret Service such as GNOME Keyring or KWallet).")


class CredentialStore:
    """Remember, read and forget passwords per (server key, user) in the OS keyring.

    ``keyring`` is imported on first use (it probes backends, which can be slow). With
    no usable keyring — the fail or null backend, ``NoKeyringError``, or a plaintext
    ``keyrings.alt`` backend — :meth:`available` is False, :attr:`unavailable_reason`
    says why, and :meth:`save` raises ``CredentialStoreUnavailable``: there is no
    plaintext fallback. Pass ``backend`` to use a specific keyring backend (tests).
    """

    def __init__(self, backend: Any = None, service: str = SERVICE_NAME) -> None:
        self._backend = backend
        self._service = service

    @staticmethod
    def account(server_key: str, user: str) -> str:
        """The keyring user name: ``<server key>|<user>`` (``|`` occurs in neither)."""
        return f"{server_key}|{user}"

    def _resolve(self) -> Any:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    @property
    def unavailable_reason(self) -> str:
        """Why passwords cannot be remembered (English), or "" when they can."""
        text = self.unavailable_text
        return str(text) if text is not None else ""

    @property
    def unavailable_text(self) -> Message | None:
        """``unavailable_reason`` as a translatable ``Message``; None when passwords can be remembered."""
        try:
            return _unusable_reason(self._resolve())
        except Exception as error:  # a broken keyring configuration must not crash the UI
            return QT_TRANSLATE_NOOP("SettingsMessages", "The keyring could not be opened: {error}").format(
                error=str(error))

    def available(self) -> bool:
        """True when :meth:`save` can store a password safely."""
        return not self.unavailable_reason

    def save(self, server_key: str, user: str, password: str) -> None:
        """Store the password; raise ``CredentialStoreUnavailable`` if it cannot be safe."""
        reason = self.unavailable_text
        if reason is not None:
            raise CredentialStoreUnavailable(reason)
        if not user:
            raise ValueError("A password is stored per user: a user name is needed")
        from keyring.errors import KeyringError

        try:
            self._resolve().set_password(self._service, self.account(server_key, user), password)
        except KeyringError as error:
            raise CredentialStoreUnavailable(QT_TRANSLATE_NOOP(
                "SettingsMessages", "The keyring refused the password: {error}").format(error=str(error))) from None

    def get(self, server_key: str, user: str) -> str | None:
        """The stored password, or None (not stored, or no usable keyring)."""
        if not user or not self.available():
            return None
        from keyring.errors import KeyringError

        try:
            return self._resolve().get_password(self._service, self.account(server_key, user))
        except KeyringError:
            return None

    def delete(self, server_key: str, user: str) -> bool:
        """Forget the password; True when one was deleted."""
        if not user or not self.available():
            return False
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self._resolve().delete_password(self._service, self.account(server_key, user))
        except PasswordDeleteError:
            return False
        except KeyringError:
            return False
        return True
