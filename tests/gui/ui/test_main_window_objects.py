"""The window builds with every named pane and action of issue 4 (automation names)."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QTableView, QWidget

PANES = ["serverTree", "vmTable", "vmFilter", "detailsPane", "checkpointsPane", "actionsPane",
         "powershellLog"]
ACTIONS = ["actionConnectServer", "actionRemoveServer", "actionRefresh", "actionStartVM",
           "actionShutDownVM", "actionTurnOffVM", "actionSaveVM", "actionPauseVM",
           "actionResumeVM", "actionResetVM", "actionCheckpointVM", "actionIntegrationServices",
           "actionHyperVService", "actionHostReadiness", "actionColumns", "actionExportCsv",
           "actionDeleteSavedStateVM", "actionRenameVM", "actionImportServers"]


def test_every_named_pane_exists_with_an_accessible_name(make_app):
    window = make_app().window
    assert window.objectName() == "mainWindow"
    for name in PANES:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    assert isinstance(window.findChild(QTableView, "vmTable"), QTableView)
    assert isinstance(window.findChild(QLineEdit, "vmFilter"), QLineEdit)


def test_every_named_action_exists_with_text(make_app):
    window = make_app().window
    for name in ACTIONS:
        action = window.findChild(QAction, name)
        assert action is not None, name
        assert action.text(), name


def test_menus_and_toolbar_offer_the_actions(make_app):
    window = make_app().window
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["File", "Action", "View", "Help"]
    menus = {menu.objectName(): menu for menu in (window.menus.file_menu, window.menus.view_menu,
                                                   window.menus.action_menu)}
    action_names = {a.objectName() for a in menus["menuAction"].actions()}
    assert {"actionStartVM", "actionTurnOffVM", "actionRefresh"} <= action_names
    view_names = {a.objectName() for a in window.menus.language_menu.actions()}
    assert view_names == {"actionLanguageEnglish", "actionLanguageDutch"}
    toolbar = {a.objectName() for a in window.menus.toolbar.actions()}
    assert {"actionConnectServer", "actionRefresh", "actionStartVM"} <= toolbar


def test_nothing_selected_enables_no_vm_action(make_app):
    window = make_app().window
    for name in ACTIONS[3:11]:
        assert not window.findChild(QAction, name).isEnabled(), name
    assert window.findChild(QAction, "actionConnectServer").isEnabled()
    assert window.findChild(QAction, "actionRefresh").isEnabled()
