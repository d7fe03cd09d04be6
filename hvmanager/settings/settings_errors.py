"""What can go wrong with settings on disk and with the keyring.

One small hierarchy (like ``remoting.errors``) so callers can ``except SettingsError``.
Each carries a ``message`` a user understands; the UI shows it as a status, not a crash.
"""

from __future__ import annotations

from pathlib import Path


class SettingsError(Exception):
    """Base of every settings problem."""

    kind = "settings"

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class SettingsCorrupt(SettingsError):
    """The file could not be read as saved servers; it was moved to ``moved_to``."""

    kind = "corrupt"

    def __init__(self, path: Path, moved_to: Path | None, reason: str) -> None:
        where = f" It was kept as {moved_to.name}." if moved_to else ""
        super().__init__(f"The saved server list {path.name} was unreadable ({reason}).{where}",
                         path)
        self.moved_to = moved_to
        self.reason = reason


class SettingsPartlyRead(SettingsError):
    """Some entries were invalid and skipped; the original file was copied to ``backup``."""

    kind = "partly_read"

    def __init__(self, path: Path, backup: Path | None, skipped: tuple[str, ...]) -> None:
        super().__init__(f"{len(skipped)} saved server(s) in {path.name} were invalid and "
                         f"skipped: {'; '.join(skipped)}."
                         + (f" The original was kept as {backup.name}." if backup else ""), path)
        self.backup = backup
        self.skipped = skipped


class SettingsTooNew(SettingsError):
    """Written by a newer hvmanager: read nothing, and refuse to overwrite it."""

    kind = "too_new"

    def __init__(self, path: Path, version: int, supported: int) -> None:
        super().__init__(f"{path.name} was written by a newer hvmanager (schema {version}, this "
                         f"version understands up to {supported}); it is left untouched.", path)
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
