"""The menu bar and toolbar of the main window, built from the action registry."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from hvmanager.ui.actions.action_registry import ActionRegistry

translate = QCoreApplication.translate


class MainMenuBar:
    """File, Action, View (columns, language, panes) and Help menus, plus the toolbar.

    ``pane_actions`` are the checkable show/hide actions of the panes. Titles are set by
    :meth:`retranslate` so a language switch renames them in place.
    """

    def __init__(self, window: QMainWindow, registry: ActionRegistry,
                 pane_actions: Iterable[QAction]) -> None:
        bar = window.menuBar()
        bar.setObjectName("menuBar")
        r = registry
        self.file_menu = self._menu(bar, "menuFile", [
            r["actionConnectServer"], r["actionImportServers"], r["actionRemoveServer"], None,
            r["actionExportCsv"], None, r["actionQuit"]])
        self.action_menu = self._menu(bar, "menuAction", [
            r["actionRefresh"], r["actionHyperVService"], r["actionHostReadiness"], None,
            *(action for _, action in r.vm_actions()), None, r["actionIntegrationServices"]])
        self.view_menu = self._menu(bar, "menuView", [r["actionColumns"], r["actionFindVM"], None])
        self.language_menu = self._menu(self.view_menu, "menuLanguage", [
            r["actionLanguageEnglish"], r["actionLanguageDutch"]])
        self.panes_menu = self._menu(self.view_menu, "menuPanes", list(pane_actions))
        self.help_menu = self._menu(bar, "menuHelp", [r["actionAbout"]])
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in (r["actionConnectServer"], r["actionRefresh"], None, r["actionStartVM"],
                       r["actionShutDownVM"], r["actionTurnOffVM"], r["actionSaveVM"],
                       r["actionPauseVM"], r["actionResumeVM"], r["actionResetVM"],
                       r["actionCheckpointVM"], None, r["actionIntegrationServices"],
                       r["actionHyperVService"], None, r["actionExportCsv"]):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        window.addToolBar(self.toolbar)
        self.retranslate()

    @staticmethod
    def _menu(parent, name: str, actions) -> QMenu:
        menu = parent.addMenu("")
        menu.setObjectName(name)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def retranslate(self) -> None:
        """Menu titles in the current language."""
        self.file_menu.setTitle(translate("MainMenuBar", "&File"))
        self.action_menu.setTitle(translate("MainMenuBar", "&Action"))
        self.view_menu.setTitle(translate("MainMenuBar", "&View"))
        self.language_menu.setTitle(translate("MainMenuBar", "&Language"))
        self.panes_menu.setTitle(translate("MainMenuBar", "&Panes"))
        self.help_menu.setTitle(translate("MainMenuBar", "&Help"))
        self.toolbar.setWindowTitle(translate("MainMenuBar", "Toolbar"))
