"""The saved servers: a small versioned JSON file, written atomically, never lost."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.settings.atomic_write import write_atomically
from hvmanager.settings.config_dir import config_dir
from hvmanager.settings.load_result import LoadResult
from hvmanager.settings.schema_migrations import MIGRATIONS
from hvmanager.settings.server_codec import server_from_dict, server_to_dict
from hvmanager.settings.settings_errors import (SettingsCorrupt, SettingsError, SettingsPartlyRead,
                                                SettingsTooNew, SettingsUnreadable)

FILE_NAME = "servers.json"
#: The schema this version writes. Bump it and add a migration (``schema_migrations``)
#: when the format changes.
SCHEMA_VERSION = 2


class _Corrupt(Exception):
    pass


class ServerStore:
    """Loads and saves the server list at ``path`` (default: config dir / servers.json).

    * A file that is not valid JSON, or not this schema, is renamed aside with a UTC
      timestamp and reported as ``SettingsCorrupt``; loading continues with no servers.
    * Invalid single entries are skipped and reported (``SettingsPartlyRead``) after the
      original is copied aside (once per distinct content), so the next save loses
      nothing irrecoverably.
    * A file from a newer version (``SettingsTooNew``) or one that cannot be read is
      left alone, and ``save`` refuses to overwrite it.
    * A file from an older schema is migrated in memory on load; the first save after
      that copies the original aside (``servers.json.schema-1``, kept once) before it
      writes the current schema, so an older hvmanager's file is never lost.

    ``schema_version`` and ``migrations`` exist to test the migration path; the
    application uses the defaults.
    """

    def __init__(self, path: Path | None = None, *, schema_version: int = SCHEMA_VERSION,
                 migrations: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]] = MIGRATIONS,
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.path = path if path is not None else config_dir() / FILE_NAME
        self._schema_version = schema_version
        self._migrations = migrations
        self._clock = clock
        self._blocked: SettingsError | None = None
        # (schema, bytes) of the file last loaded when it was older than this version.
        self._older: tuple[int, bytes] | None = None

    def load(self) -> LoadResult:
        """Read the servers; never raises for file content, reports it in ``problem``."""
        self._blocked = None
        self._older = None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return LoadResult()
        except OSError as error:
            text = QT_TRANSLATE_NOOP("SettingsMessages", "{file} could not be read: {why}")
            self._blocked = SettingsUnreadable(text.format(file=self.path.name, why=str(error.strerror or error)),
                                               self.path)
            return LoadResult(problem=self._blocked)
        try:
            document, version = self._parse(raw)
        except _Corrupt as error:
            moved = self._move_aside()
            return LoadResult(problem=SettingsCorrupt(self.path, moved, error.args[0]))
        except SettingsTooNew as error:
            self._blocked = error
            return LoadResult(problem=error)
        if version < self._schema_version:
            self._older = (version, raw)
        return self._servers_from(document)

    def save(self, servers: Iterable[ServerConfig]) -> None:
        """Write the list atomically (one entry per key, first wins).

        Raises the blocking ``SettingsError`` when the last load found a file this
        version must not overwrite.
        """
        if self._blocked is not None:
            raise self._blocked
        unique: dict[str, ServerConfig] = {}
        for server in servers:
            unique.setdefault(server.key, server)
        document = {"schema_version": self._schema_version,
                    "servers": [server_to_dict(s) for s in unique.values()]}
        data = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
        if self._older is not None:
            self._keep_older_copy(*self._older)
            self._older = None
        write_atomically(self.path, data)

    def _keep_older_copy(self, version: int, raw: bytes) -> None:
        # Before the first write in the new schema: an older hvmanager (or a downgrade)
        # can still use this copy. Kept once; a different older file gets a digest suffix.
        backup = self.path.with_name(f"{self.path.name}.schema-{version}")
        if backup.exists() and backup.read_bytes() != raw:
            digest = hashlib.sha256(raw).hexdigest()[:12]
            backup = self.path.with_name(f"{self.path.name}.schema-{version}-{digest}")
        if not backup.exists():
            write_atomically(backup, raw)

    def add(self, server: ServerConfig) -> tuple[ServerConfig, ...]:
        """Load, add (or replace the entry with the same key, in place), save; return the list."""
        current = self._servers_for_update()
        keys = [s.key for s in current]
        if server.key in keys:
            current[keys.index(server.key)] = server
        else:
            current.append(server)
        self.save(current)
        return tuple(current)

    def remove(self, key: str) -> tuple[ServerConfig, ...]:
        """Load, drop the server with ``key``, save; return the list."""
        remaining = [s for s in self._servers_for_update() if s.key != key]
        self.save(remaining)
        return tuple(remaining)

    def _servers_for_update(self) -> list[ServerConfig]:
        result = self.load()
        if self._blocked is not None:
            raise self._blocked
        return list(result.servers)

    def _parse(self, raw: bytes) -> tuple[dict[str, Any], int]:
        """The document in the current schema, and the schema it was written in."""
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise _Corrupt(QT_TRANSLATE_NOOP("SettingsMessages", "not JSON: {error}").format(error=str(error))) from None
        if not isinstance(document, dict):
            raise _Corrupt(QT_TRANSLATE_NOOP("SettingsMessages", "not a JSON object"))
        version = document.get("schema_version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise _Corrupt(QT_TRANSLATE_NOOP("SettingsMessages", "no valid schema_version"))
        if version > self._schema_version:
            raise SettingsTooNew(self.path, version, self._schema_version)
        written_in = version
        while version < self._schema_version:
            migrate = self._migrations.get(version)
            if migrate is None:
                raise _Corrupt(QT_TRANSLATE_NOOP("SettingsMessages", "no migration from schema {version}").format(
                    version=version))
            document = migrate(dict(document))
            version += 1
            document["schema_version"] = version
        if not isinstance(document.get("servers"), list):
            raise _Corrupt(QT_TRANSLATE_NOOP("SettingsMessages", "no server list"))
        return document, written_in

    def _servers_from(self, document: dict[str, Any]) -> LoadResult:
        servers: list[ServerConfig] = []
        skipped: list[Message] = []
        for index, entry in enumerate(document["servers"]):
            try:
                servers.append(server_from_dict(entry))
            except InvalidServerConfig as error:
                reason = error.args[0] if error.args and isinstance(error.args[0], Message) else str(error)
                skipped.append(QT_TRANSLATE_NOOP("SettingsMessages", "entry {number}: {reason}").format(
                    number=index + 1, reason=reason))
        if not skipped:
            return LoadResult(tuple(servers))
        # Named by content, not time: loading the same file at every start keeps one copy.
        digest = hashlib.sha256(self.path.read_bytes()).hexdigest()[:12]
        backup = self.path.with_name(f"{self.path.name}.invalid-{digest}")
        if not backup.exists():
            shutil.copy2(self.path, backup)
        return LoadResult(tuple(servers), SettingsPartlyRead(self.path, backup, tuple(skipped)))

    def _aside_path(self, label: str) -> Path:
        stamp = self._clock().strftime("%Y%m%dT%H%M%SZ")
        candidate = self.path.with_name(f"{self.path.name}.{label}-{stamp}")
        counter = 1
        while candidate.exists():
            counter += 1
            candidate = self.path.with_name(f"{self.path.name}.{label}-{stamp}-{counter}")
        return candidate

    def _move_aside(self) -> Path | None:
        target = self._aside_path("corrupt")
        try:
            self.path.rename(target)
        except OSError:
            # Could not move it: then it must not be overwritten either.
            self._blocked = SettingsUnreadable(QT_TRANSLATE_NOOP(
                "SettingsMessages", "{file} is unreadable and could not be moved aside.").format(file=self.path.name),
                self.path)
            return None
        return target
