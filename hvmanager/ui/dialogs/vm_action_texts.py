"""The words for each VM action: translated titles, confirmation questions and consequences.

Kept as functions over ``VmAction`` with literal strings, so ``pyside6-lupdate`` extracts
every one of them (context ``VmActionTexts``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hvmanager.hyperv.vm_action import VmAction

translate = QCoreApplication.translate


def action_title(action: VmAction) -> str:
    """The action's name as menus and buttons show it ("Turn Off")."""
    titles = {
        VmAction.START: translate("VmActionTexts", "Start"),
        VmAction.SHUT_DOWN: translate("VmActionTexts", "Shut Down"),
        VmAction.TURN_OFF: translate("VmActionTexts", "Turn Off"),
        VmAction.SAVE: translate("VmActionTexts", "Save"),
        VmAction.PAUSE: translate("VmActionTexts", "Pause"),
        VmAction.RESUME: translate("VmActionTexts", "Resume"),
        VmAction.RESET: translate("VmActionTexts", "Reset"),
        VmAction.CHECKPOINT: translate("VmActionTexts", "Checkpoint"),
        VmAction.DELETE_SAVED_STATE: translate("VmActionTexts", "Delete Saved State"),
        VmAction.RENAME: translate("VmActionTexts", "Rename"),
        VmAction.DELETE: translate("VmActionTexts", "Delete"),
    }
    return titles[action]


def confirmation_question(action: VmAction) -> str:
    """"Are you sure you want to turn off the selected virtual machine(s)?" (Hyper-V Manager's
    words; the dialog lists the machines and counts them in a plural-aware line of its own:
    lupdate marks plurals only in ``self.tr`` calls)."""
    questions = {
        VmAction.SHUT_DOWN: translate(
            "VmActionTexts", "Are you sure you want to shut down the selected virtual "
            "machine(s)?"),
        VmAction.TURN_OFF: translate(
            "VmActionTexts", "Are you sure you want to turn off the selected virtual "
            "machine(s)?"),
        VmAction.RESET: translate(
            "VmActionTexts", "Are you sure you want to reset the selected virtual machine(s)?"),
        VmAction.DELETE_SAVED_STATE: translate(
            "VmActionTexts", "Are you sure you want to delete the saved state of the selected "
            "virtual machine(s)?"),
        VmAction.DELETE: translate(
            "VmActionTexts", "Are you sure you want to delete the selected virtual "
            "machine(s)?"),
    }
    if action in questions:
        return questions[action]
    return translate("VmActionTexts", "Are you sure you want to run '%1' on the selected "
                     "virtual machine(s)?").replace("%1", action_title(action))


def consequence(action: VmAction) -> str:
    """What the action does to the guest, in plain words ("" when nothing to warn about)."""
    texts = {
        VmAction.SHUT_DOWN: translate(
            "VmActionTexts", "The guest operating system is asked to shut down; this needs "
            "the Operating system shutdown integration service."),
        VmAction.TURN_OFF: translate(
            "VmActionTexts", "Turning off is like pulling the power cord: anything the guest "
            "has not saved is lost."),
        VmAction.RESET: translate(
            "VmActionTexts", "Resetting is like pressing the reset button: anything the guest "
            "has not saved is lost."),
        VmAction.DELETE_SAVED_STATE: translate(
            "VmActionTexts", "The saved memory is discarded: the next start is like starting "
            "after a power loss."),
        VmAction.DELETE: translate(
            "VmActionTexts", "The virtual machine's configuration is removed from the host. "
            "Its virtual hard disks stay on disk."),
    }
    return texts.get(action, "")
