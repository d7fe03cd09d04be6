"""What can go wrong with settings on disk and with the keyring.

One small hierarchy (like ``remoting.errors``) so callers can ``except SettingsError``.
Each carries a ``message`` a user understands (English) and the same as a translatable
``text`` (``domain.message.Message``); the UI shows it as a status, not a crash.
"""

from __future__ import annotations

from pathlib import Path

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message


class SettingsError(Exception):
    """Base of every settings problem."""

    kind = "settings"

    def __init__(self, message: str | Message, path: Path | None = None) -> None:
        self.text = message if isinstance(message, Message) else Message.verbatim(message)
        self.message = str(self.text)
        super().__init__(self.message)
        self.path = path


class SettingsCorrupt(SettingsError):
    """The file could not be read as saved servers; it was moved to ``moved_to``."""

    kind = "corrupt"

    def __init__(self, path: Path, moved_to: Path | None, reason: str | Message) -> None:
        if moved_to:
            text = QT_TRANSLATE_NOOP("SettingsMessages",
                                     "The saved server list {file} was unreadable ({reason}). It was kept as {copy}.")
        else:
            text = QT_TRANSLATE_NOOP("SettingsMessages", "The saved server list {file} was unreadable ({reason}).")
        super().__init__(text.format(file=path.name, reason=reason, copy=moved_to.name if moved_to else ""), path)
        self.moved_to = moved_to
        self.reason = str(reason)


class SettingsPartlyRead(SettingsError):
    """Some entries were invalid and skipped; the original file was copied to ``backup``."""

    kind = "partly_read"

    def __init__(self, path: Path, backup: Path | None, skipped: tuple[str | Message, ...]) -> None:
        if backup:
            text = QT_TRANSLATE_NOOP("SettingsMessages", "{count} saved server(s) in {file} were invalid and "
                                     "skipped: {entries}. The original was kept as {copy}.")
        else:
            text = QT_TRANSLATE_NOOP("SettingsMessages",
                                     "{count} saved server(s) in {file} were invalid and skipped: {entries}.")
        # "; " joins the entries in every language (each entry is translated on its own).
        entries = Message("", "; ".join(f"{{e{i}}}" for i in range(len(skipped)))).format(
            **{f"e{i}": entry for i, entry in enumerate(skipped)})
        super().__init__(text.format(count=len(skipped), file=path.name, entries=entries,
                                     copy=backup.name if backup else ""), path)
        self.backup = backup
        self.skipped = tuple(str(entry) for entry in skipped)


class SettingsTooNew(SettingsError):
    """Written by a newer hvmanager: read nothing, and refuse to overwrite it."""

    kind = "too_new"

    def __init__(self, path: Path, version: int, supported: int) -> None:
        text = QT_TRANSLATE_NOOP("SettingsMessages", "{file} was written by a newer hvmanager (schema {version}, "
                                 "this version understands up to {supported}); it is left untouched.")
        super().__init__(text.format(file=path.name, version=version, supported=supported), path)
        self.version = version
        self.supported = supported


class SettingsUnreadable(SettingsError):
    """The file exists but the operating system would not let us read it."""

    kind = "unreadable"


class CredentialStoreUnavailable(SettingsError):
    """No usable keyring: passwords cannot be remembered (never a plaintext fallback)."""

    kind = "no_keyring"


class HyperVManagerConfigError(SettingsError):
    """Hyper-V Manager's own settings file could not be parsed."""

    kind = "virtmgmt_config"
