"""What kind of failure a PowerShell error record reports, by its id prefix."""

from __future__ import annotations

import enum

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.errors import PowerShellError


class PowerShellErrorKind(enum.Enum):
    """The ``FullyQualifiedErrorId`` prefixes Hyper-V cmdlets use, with words for users.

    Classify by prefix, never by message text: messages are translated. ``message``
    says what happened, ``hint`` what to do (English); ``text`` and ``hint_text`` are the
    same as translatable ``Message``s.
    """

    INVALID_STATE = ("InvalidState",
                     QT_TRANSLATE_NOOP("PowerShellErrors",
                                       "The virtual machine is not in a state that allows this action."),
                     QT_TRANSLATE_NOOP("PowerShellErrors",
                                       "Refresh and try again once the current operation has finished."))
    INVALID_PARAMETER = ("InvalidParameter",
                         QT_TRANSLATE_NOOP("PowerShellErrors",
                                           "Hyper-V could not find that object or rejected a value."),
                         QT_TRANSLATE_NOOP("PowerShellErrors",
                                           "Refresh: the virtual machine may have been deleted or renamed."))
    OUT_OF_MEMORY = ("OutOfMemory",
                     QT_TRANSLATE_NOOP("PowerShellErrors",
                                       "The host does not have enough free memory to start the virtual machine."),
                     QT_TRANSLATE_NOOP("PowerShellErrors",
                                       "Stop or save other virtual machines, or lower this one's startup memory."))
    OPERATION_FAILED = ("OperationFailed",
                        QT_TRANSLATE_NOOP("PowerShellErrors", "Hyper-V could not complete the operation."),
                        QT_TRANSLATE_NOOP("PowerShellErrors",
                                          "See the details in the PowerShell log for the host's reason."))
    OBJECT_NOT_FOUND = ("ObjectNotFound",
                        QT_TRANSLATE_NOOP("PowerShellErrors", "Hyper-V could not find the object."),
                        QT_TRANSLATE_NOOP("PowerShellErrors",
                                          "Refresh: it may have been deleted, or the Hyper-V service stopped."))
    PARAMETER_NOT_FOUND = ("NamedParameterNotFound",
                           QT_TRANSLATE_NOOP("PowerShellErrors",
                                             "The host's Hyper-V module does not know a parameter this app used."),
                           QT_TRANSLATE_NOOP("PowerShellErrors", "The host may run an older Hyper-V version."))
    COMMAND_NOT_FOUND = ("CommandNotFoundException",
                         QT_TRANSLATE_NOOP("PowerShellErrors", "The host does not know this command."),
                         QT_TRANSLATE_NOOP("PowerShellErrors", "Install the Hyper-V PowerShell module on the host."))
    ACCESS_DENIED = ("AccessDenied",
                     QT_TRANSLATE_NOOP("PowerShellErrors", "Access was denied."),
                     QT_TRANSLATE_NOOP("PowerShellErrors",
                                       "Connect as a member of Administrators or Hyper-V Administrators."))
    OTHER = ("",
             QT_TRANSLATE_NOOP("PowerShellErrors", "The command failed."),
             QT_TRANSLATE_NOOP("PowerShellErrors", "See the details in the PowerShell log."))

    def __init__(self, prefix: str, text: Message, hint_text: Message) -> None:
        self.prefix = prefix
        self.text = text
        self.hint_text = hint_text
        self.message = str(text)
        self.hint = str(hint_text)

    @classmethod
    def of(cls, error: ErrorInfo | PowerShellError) -> "PowerShellErrorKind":
        """The kind of an error record (or of a PowerShellError's first record)."""
        if isinstance(error, PowerShellError):
            if not error.records:
                return cls.OTHER
            error = error.records[0]
        prefix = error.error_kind
        if prefix in ("UnauthorizedAccess", "PermissionDenied") \
                or error.category == "PermissionDenied":
            return cls.ACCESS_DENIED
        for kind in cls:
            if kind.prefix and kind.prefix == prefix:
                return kind
        return cls.OTHER
