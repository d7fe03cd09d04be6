"""The servers of the window: saved ones and session-only ones, each with a live session."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from hvmanager.domain.message import Message
from hvmanager.domain.server_config import ServerConfig
from hvmanager.models.message_text import MessageText
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.settings.server_store import ServerStore
from hvmanager.settings.settings_errors import SettingsError

log = logging.getLogger(__name__)


class ServerCatalog(QObject):
    """Adds servers to the ``Inventory`` (connections start at once, in parallel) and keeps
    the saved list in step; session-only servers (``--server``, ``--demo``) are never saved.

    ``store`` None means nothing is saved (self-test, demo); ``credentials`` None means no
    password is read or remembered. Problems with the saved list are returned as text
    for the status bar, never raised at the user.
    """

    server_added = Signal(object)
    server_removed = Signal(str)

    def __init__(self, inventory, store: ServerStore | None = None,
                 credentials: CredentialStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inventory = inventory
        self.store = store
        self.credentials = credentials
        self._configs: dict[str, ServerConfig] = {}
        self._saved: set[str] = set()
        self._reconnecting: set[asyncio.Task] = set()
        self.saved_problem: Message | None = None

    def load_saved(self) -> str:
        """Connect every saved server; return the problem to show ("" when none), in the
        current language; ``saved_problem`` keeps it as a ``Message`` (for a status bar that
        shows it again after a language switch)."""
        self.saved_problem = None
        if self.store is None:
            return ""
        result = self.store.load()
        for config in result.servers:
            password = None
            if self.credentials is not None and config.user_name:
                password = self.credentials.get(config.key, config.user_name)
            self._saved.add(config.key)
            self.connect(config, password)
        if result.problem is None:
            return ""
        self.saved_problem = result.problem.text
        return MessageText.of(self.saved_problem)

    def connect(self, config: ServerConfig, password: str | None = None, *, save: bool = False,
                remember_password: bool = False) -> str:
        """Add a server; for one already present, the same settings without a password
        refresh it, new settings or a password reconnect it with them. Returns a problem
        text ("" when all went well)."""
        problem = ""
        if save and self.store is not None:
            try:
                self.store.add(config)
                self._saved.add(config.key)
            except (SettingsError, OSError) as error:
                problem = MessageText.of_error(error)
        if remember_password and password and self.credentials is not None:
            try:
                self.credentials.save(config.key, config.user_name, password)
            except (SettingsError, ValueError) as error:
                problem = problem or MessageText.of_error(error)
        existing = self._configs.get(config.key)
        if existing is not None and existing == config and password is None:
            session = self.inventory.session(config.key)
            if session is not None:
                session.refresh_soon()
            return problem
        self._configs[config.key] = config
        if existing is not None:
            # Connecting again with a new password, CA file or user: the old session keeps
            # the old ones, so it is replaced (the node stays, retitled if needed).
            self._reconnect(config, password)
            self.server_added.emit(config)
            return problem
        self.inventory.add(config, password)
        self.server_added.emit(config)
        return problem

    def _reconnect(self, config: ServerConfig, password: str | None) -> None:
        async def replace() -> None:
            await self.inventory.remove(config.key)
            if self._configs.get(config.key) is config and config.key not in self.inventory:
                try:
                    self.inventory.add(config, password)
                except RuntimeError:
                    pass  # the app shut down meanwhile

        task = asyncio.ensure_future(replace())
        self._reconnecting.add(task)
        task.add_done_callback(self._reconnecting.discard)

    async def remove(self, key: str) -> str:
        """Close the session, forget the server (and its saved entry); return a problem."""
        problem = ""
        if key not in self._configs:
            return problem
        config = self._configs.pop(key)
        self.server_removed.emit(key)
        if key in self._saved and self.store is not None:
            try:
                self.store.remove(key)
                self._saved.discard(key)
            except (SettingsError, OSError) as error:
                problem = MessageText.of_error(error)
            if self.credentials is not None and config.user_name:
                self.credentials.delete(key, config.user_name)
        await self.inventory.remove(key)
        return problem

    def session(self, key: str | None):
        """The host session of ``key`` (None when unknown, removed or shut down)."""
        if key not in self._configs or key not in self.inventory:
            return None
        return self.inventory.session(key)

    def config(self, key: str) -> ServerConfig | None:
        """The server's configuration."""
        return self._configs.get(key)

    def title(self, key: str) -> str:
        """What the tree shows for the server (its key when unknown)."""
        config = self._configs.get(key)
        return config.title if config is not None else key

    def keys(self) -> tuple[str, ...]:
        """Every server key, in the order added."""
        return tuple(self._configs)

    def is_saved(self, key: str) -> bool:
        """True when the server is in the saved list (not session-only)."""
        return key in self._saved
