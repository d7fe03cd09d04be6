"""Every QAction of the main window, created once, named for automation, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

from hvmanager.hyperv.vm_action import VmAction

translate = QCoreApplication.translate

#: objectNames of the VM lifecycle actions (issue 4 item 9 names the first eight).
VM_ACTION_NAMES: dict[VmAction, str] = {
    VmAction.START: "actionStartVM",
    VmAction.SHUT_DOWN: "actionShutDownVM",
    VmAction.TURN_OFF: "actionTurnOffVM",
    VmAction.SAVE: "actionSaveVM",
    VmAction.PAUSE: "actionPauseVM",
    VmAction.RESUME: "actionResumeVM",
    VmAction.RESET: "actionResetVM",
    VmAction.CHECKPOINT: "actionCheckpointVM",
    VmAction.DELETE_SAVED_STATE: "actionDeleteSavedStateVM",
    VmAction.RENAME: "actionRenameVM",
}

HOST_ACTION_NAMES = ("actionConnectServer", "actionRemoveServer", "actionRefresh",
                     "actionHyperVService", "actionHostReadiness", "actionImportServers")
OTHER_ACTION_NAMES = ("actionIntegrationServices", "actionColumns", "actionExportCsv",
                      "actionFindVM", "actionQuit", "actionAbout", "actionLanguageEnglish",
                      "actionLanguageDutch")


def _texts() -> dict[str, str]:
    """Every action's text; literal ``translate`` calls so lupdate finds them."""
    return {
        "actionConnectServer": translate("ActionRegistry", "Connect to Server..."),
        "actionRemoveServer": translate("ActionRegistry", "Remove Server"),
        "actionRefresh": translate("ActionRegistry", "Refresh"),
        "actionHyperVService": translate("ActionRegistry", "Hyper-V Service..."),
        "actionHostReadiness": translate("ActionRegistry", "Host Readiness..."),
        "actionImportServers": translate("ActionRegistry", "Import Servers..."),
        "actionStartVM": translate("ActionRegistry", "Start"),
        "actionShutDownVM": translate("ActionRegistry", "Shut Down..."),
        "actionTurnOffVM": translate("ActionRegistry", "Turn Off..."),
        "actionSaveVM": translate("ActionRegistry", "Save"),
        "actionPauseVM": translate("ActionRegistry", "Pause"),
        "actionResumeVM": translate("ActionRegistry", "Resume"),
        "actionResetVM": translate("ActionRegistry", "Reset..."),
        "actionCheckpointVM": translate("ActionRegistry", "Checkpoint"),
        "actionDeleteSavedStateVM": translate("ActionRegistry", "Delete Saved State..."),
        "actionRenameVM": translate("ActionRegistry", "Rename..."),
        "actionIntegrationServices": translate("ActionRegistry", "Integration Services..."),
        "actionColumns": translate("ActionRegistry", "Columns..."),
        "actionExportCsv": translate("ActionRegistry", "Export to CSV..."),
        "actionFindVM": translate("ActionRegistry", "Filter Virtual Machines"),
        "actionQuit": translate("ActionRegistry", "Quit"),
        "actionAbout": translate("ActionRegistry", "About hvmanager"),
        "actionLanguageEnglish": translate("ActionRegistry", "English"),
        "actionLanguageDutch": translate("ActionRegistry", "Nederlands"),
    }


def _tips() -> dict[str, str]:
    return {
        "actionStartVM": translate(
            "ActionRegistry", "Start the selected virtual machines (Start-VM)"),
        "actionShutDownVM": translate("ActionRegistry", "Ask the guests to shut down (Stop-VM)"),
        "actionTurnOffVM": translate(
            "ActionRegistry", "Power off the selected virtual machines (Stop-VM -TurnOff)"),
        "actionSaveVM": translate(
            "ActionRegistry", "Save the state of the selected virtual machines (Save-VM)"),
        "actionPauseVM": translate(
            "ActionRegistry", "Pause the selected virtual machines (Suspend-VM)"),
        "actionResumeVM": translate(
            "ActionRegistry", "Resume the selected virtual machines (Resume-VM)"),
        "actionResetVM": translate(
            "ActionRegistry", "Hard reset of the selected virtual machines (Restart-VM)"),
        "actionCheckpointVM": translate("ActionRegistry", "Create a checkpoint (Checkpoint-VM)"),
        "actionDeleteSavedStateVM": translate(
            "ActionRegistry", "Discard the saved state (Remove-VMSavedState)"),
        "actionRefresh": translate(
            "ActionRegistry", "Refresh the selected server, or every server (F5)"),
        "actionHyperVService": translate(
            "ActionRegistry", "Start or stop the Hyper-V Virtual Machine Management service"),
        "actionHostReadiness": translate(
            "ActionRegistry", "Check whether the host can run Hyper-V"),
        "actionImportServers": translate(
            "ActionRegistry", "Import the server list of Windows' Hyper-V Manager"),
    }


# Actions with a keyboard shortcut that works anywhere in the window. Remove Server (Del)
# and Enter are bound to their views by the panes: Del in the filter box must delete text.
_WINDOW_SHORTCUTS = {
    "actionRefresh": QKeySequence(Qt.Key.Key_F5),
    "actionFindVM": QKeySequence("Ctrl+F"),
    "actionQuit": QKeySequence("Ctrl+Q"),
    "actionExportCsv": QKeySequence("Ctrl+E"),
}


_SP = QStyle.StandardPixmap
# Icons from the platform style: no image files to ship, and they match the desktop.
_ICONS = {
    "actionConnectServer": _SP.SP_ComputerIcon, "actionRefresh": _SP.SP_BrowserReload,
    "actionStartVM": _SP.SP_MediaPlay, "actionShutDownVM": _SP.SP_MediaStop,
    "actionTurnOffVM": _SP.SP_DialogCloseButton, "actionSaveVM": _SP.SP_DialogSaveButton,
    "actionPauseVM": _SP.SP_MediaPause, "actionResumeVM": _SP.SP_MediaSeekForward,
    "actionResetVM": _SP.SP_MediaSkipBackward, "actionCheckpointVM": _SP.SP_DialogApplyButton,
    "actionIntegrationServices": _SP.SP_FileDialogDetailedView,
    "actionHyperVService": _SP.SP_DriveNetIcon, "actionHostReadiness": _SP.SP_MessageBoxQuestion,
    "actionExportCsv": _SP.SP_FileIcon, "actionRemoveServer": _SP.SP_TrashIcon,
}


class ActionRegistry(QObject):
    """Creates the window's actions; look them up by objectName or by ``VmAction``.

    Enabling follows the selection (see ``ActionEnabler``); texts follow the language
    (:meth:`retranslate`). Triggering is wired by the main window.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionRegistry")
        self._actions: dict[str, QAction] = {}
        for name in (*HOST_ACTION_NAMES, *VM_ACTION_NAMES.values(), *OTHER_ACTION_NAMES):
            action = QAction(self)
            action.setObjectName(name)
            if name in _ICONS:
                action.setIcon(QApplication.style().standardIcon(_ICONS[name]))
            shortcut = _WINDOW_SHORTCUTS.get(name)
            if shortcut is not None:
                action.setShortcut(shortcut)
            self._actions[name] = action
        self.language_group = QActionGroup(self)
        for name in ("actionLanguageEnglish", "actionLanguageDutch"):
            self._actions[name].setCheckable(True)
            self.language_group.addAction(self._actions[name])
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def all(self) -> tuple[QAction, ...]:
        """Every action, in creation order."""
        return tuple(self._actions.values())

    def vm(self, action: VmAction) -> QAction:
        """The QAction of a lifecycle action."""
        return self._actions[VM_ACTION_NAMES[action]]

    def vm_actions(self) -> tuple[tuple[VmAction, QAction], ...]:
        """Lifecycle actions in menu order."""
        return tuple((action, self._actions[name]) for action, name in VM_ACTION_NAMES.items())

    def host_actions(self) -> tuple[QAction, ...]:
        """Host actions in the order of the Actions pane."""
        return tuple(self._actions[name] for name in (
            "actionConnectServer", "actionRefresh", "actionHyperVService", "actionHostReadiness",
            "actionRemoveServer", "actionImportServers"))

    def retranslate(self) -> None:
        """Set texts, tooltips and accessible names in the current language."""
        tips = _tips()
        for name, text in _texts().items():
            action = self._actions[name]
            action.setText(text)
            action.setToolTip(tips.get(name, text.rstrip(".")))
            action.setStatusTip(tips.get(name, ""))
