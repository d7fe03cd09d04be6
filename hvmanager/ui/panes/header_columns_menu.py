"""The VM table header's right-click menu: show/hide each column, and "More columns..."."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu

from hvmanager.models.column_registry import ColumnRegistry

translate = QCoreApplication.translate

#: Always shown: a row without its name means nothing (the columns dialog agrees).
FIXED_KEY = "name"


class HeaderColumnsMenu(QObject):
    """Built on each right-click: one checkable entry per registry column, in registry
    order (Hyper-V Manager's defaults first), then "More columns..." (the dialog).

    Toggling calls ``apply`` with the new visible keys: a shown column is appended at
    the end, a hidden one removed; Name cannot be hidden.
    """

    def __init__(self, header: QHeaderView, registry: ColumnRegistry,
                 visible_keys: Callable[[], tuple[str, ...]],
                 apply: Callable[[tuple[str, ...]], None], more_action: QAction) -> None:
        super().__init__(header)
        self._header = header
        self._registry = registry
        self._visible_keys = visible_keys
        self._apply = apply
        self._more_action = more_action
        self.menu: QMenu | None = None
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._open)

    def build(self) -> QMenu:
        """A fresh menu for the current columns (public so tests can trigger its actions)."""
        menu = QMenu(self._header)
        menu.setObjectName("vmTableHeaderMenu")
        visible = set(self._visible_keys())
        for column in self._registry:
            action = menu.addAction(column.display_title())
            action.setObjectName(f"columnToggle_{column.key}")
            action.setCheckable(True)
            action.setChecked(column.key in visible)
            action.setEnabled(column.key != FIXED_KEY)
            action.toggled.connect(lambda checked, key=column.key: self.set_visible(key, checked))
        menu.addSeparator()
        more = menu.addAction(translate("HeaderColumnsMenu", "More columns..."))
        more.setObjectName("moreColumnsAction")
        more.triggered.connect(self._more_action.trigger)
        self.menu = menu
        return menu

    def set_visible(self, key: str, visible: bool) -> None:
        """Show (at the end) or hide one column."""
        keys = [k for k in self._visible_keys() if k != key]
        if visible:
            keys.append(key)
        elif key == FIXED_KEY:
            return
        self._apply(tuple(keys))

    def _open(self, position: QPoint) -> None:
        self.build().popup(self._header.viewport().mapToGlobal(position))
