"""Every QAction of the main window, created once, named for automation, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

from hvmanager.hyperv.vm_action import VmAction

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionRegistry", text)


def _texts() -> dict[str, str]:
    """Every action's text; literal ``_tr`` calls so lupdate finds them."""
    return {
        "actionConnectServer": _tr("Connect to Server..."),
        "actionRemoveServer": _tr("Remove Server"),
        "actionRefresh": _tr("Refresh"),
        "actionHyperVService": _tr("Hyper-V Service..."),
        "actionHostReadiness": _tr("Host Readiness..."),
        "actionImportServers": _tr("Import Servers..."),
        "actionStartVM": _tr("Start"),
        "actionShutDownVM": _tr("Shut Down..."),
        "actionTurnOffVM": _tr("Turn Off..."),
        "actionSaveVM": _tr("Save"),
        "actionPauseVM": _tr("Pause"),
        "actionResumeVM": _tr("Resume"),
        "actionResetVM": _tr("Reset..."),
        "actionCheckpointVM": _tr("Checkpoint"),
        "actionDeleteSavedStateVM": _tr("Delete Saved State..."),
        "actionRenameVM": _tr("Rename..."),
        "actionIntegrationServices": _tr("Integration Services..."),
        "actionColumns": _tr("Columns..."),
        "actionExportCsv": _tr("Export to CSV..."),
        "actionFindVM": _tr("Filter Virtual Machines"),
        "actionQuit": _tr("Quit"),
        "actionAbout": _tr("About hvmanager"),
        "actionLanguageEnglish": _tr("English"),
        "actionLanguageDutch": _tr("Nederlands"),
    }


def _tips() -> dict[str, str]:
    return {
        "actionStartVM": _tr("Start the selected virtual machines (Start-VM)"),
        "actionShutDownVM": _tr("Ask the guests to shut down (Stop-VM)"),
        "actionTurnOffVM": _tr("Power off the selected virtual machines (Stop-VM -TurnOff)"),
        "actionSaveVM": _tr("Save the state of the selected virtual machines (Save-VM)"),
        "actionPauseVM": _tr("Pause the selected virtual machines (Suspend-VM)"),
        "actionResumeVM": _tr("Resume the selected virtual machines (Resume-VM)"),
        "actionResetVM": _tr("Hard reset of the selected virtual machines (Restart-VM)"),
        "actionCheckpointVM": _tr("Create a checkpoint (Checkpoint-VM)"),
        "actionDeleteSavedStateVM": _tr("Discard the saved state (Remove-VMSavedState)"),
        "actionRefresh": _tr("Refresh the selected server, or every server (F5)"),
        "actionHyperVService": _tr("Start or stop the Hyper-V Virtual Machine Management service"),
        "actionHostReadiness": _tr("Check whether the host can run Hyper-V"),
        "actionImportServers": _tr("Import the server list of Windows' Hyper-V Manager"),
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
