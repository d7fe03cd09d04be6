"""What loading the saved servers produced."""

from __future__ import annotations

from dataclasses import dataclass

from hvmanager.domain.server_config import ServerConfig
from hvmanager.settings.settings_errors import SettingsError


@dataclass(frozen=True)
class LoadResult:
    """The servers read, plus a problem to show the user (None when all went well).

    ``problem`` is a ``SettingsError`` subclass (``SettingsCorrupt``, ``SettingsPartlyRead``,
    ``SettingsTooNew``, ``SettingsUnreadable``) whose ``message`` the UI shows as a status.
    """

    servers: tuple[ServerConfig, ...] = ()
    problem: SettingsError | None = None
