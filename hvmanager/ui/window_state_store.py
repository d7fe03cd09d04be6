"""Window layout, splitter sizes, columns and language in an INI file beside the servers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from hvmanager.settings.config_dir import config_dir

FILE_NAME = "window.ini"


class WindowStateStore:
    """QSettings in INI format at ``<config dir>/window.ini`` (``HVMANAGER_CONFIG_DIR``
    isolates it), never the registry or a global organisation path, so tests and
    ``--demo`` runs cannot touch each other's layout.

    Columns are stored like Hyper-V Manager's ``CurrentVisibleColumns``:
    ``name:160;state:87`` (visible keys in order, with widths).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / FILE_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- window and splitters -------------------------------------------------------

    def restore_window(self, window: QMainWindow) -> bool:
        """Geometry and dock/toolbar state; False when nothing was saved yet."""
        geometry = self._settings.value("window/geometry")
        state = self._settings.value("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        return isinstance(geometry, QByteArray)

    def save_window(self, window: QMainWindow) -> None:
        """Remember geometry and state."""
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/state", window.saveState())

    def restore_splitter(self, splitter: QSplitter) -> bool:
        """Sizes by the splitter's objectName; False when none were saved."""
        state = self._settings.value(f"splitters/{splitter.objectName()}")
        if isinstance(state, QByteArray) and not state.isEmpty():
            return splitter.restoreState(state)
        return False

    def save_splitter(self, splitter: QSplitter) -> None:
        """Remember one splitter's sizes."""
        self._settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())

    # -- columns --------------------------------------------------------------------

    def columns(self) -> list[tuple[str, int]] | None:
        """Visible column keys in order with their widths (0: default); None if never saved."""
        text = self._settings.value("columns/visible")
        if not isinstance(text, str) or not text.strip():
            return None
        columns: list[tuple[str, int]] = []
        for part in text.split(";"):
            key, _, width = part.partition(":")
            if key.strip():
                columns.append((key.strip(), int(width) if width.strip().isdigit() else 0))
        return columns or None

    def set_columns(self, columns: list[tuple[str, int]]) -> None:
        """Remember the visible columns (keys in order, widths)."""
        self._settings.setValue("columns/visible",
                                ";".join(f"{key}:{max(0, int(width))}" for key, width in columns))

    # -- panes ----------------------------------------------------------------------

    def hidden_panes(self) -> set[str]:
        """objectNames of the panes the user hid in View > Panes."""
        value = self._settings.value("view/hidden_panes", "")
        return {name for name in value.split(";") if name} if isinstance(value, str) else set()

    def set_hidden_panes(self, names: set[str]) -> None:
        """Remember which panes are hidden."""
        self._settings.setValue("view/hidden_panes", ";".join(sorted(names)))

    # -- language -------------------------------------------------------------------

    def language(self) -> str:
        """"en", "nl", or "" (follow the system locale)."""
        value = self._settings.value("view/language", "")
        return value if isinstance(value, str) else ""

    def set_language(self, language: str) -> None:
        """Remember the language chosen in View > Language."""
        self._settings.setValue("view/language", language)

    def sync(self) -> None:
        """Write to disk now (QSettings otherwise writes lazily)."""
        self._settings.sync()
