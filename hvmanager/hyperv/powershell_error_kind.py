"""What kind of failure a PowerShell error record reports, by its id prefix."""

from __future__ import annotations

import enum

from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.errors import PowerShellError


class PowerShellErrorKind(enum.Enum):
    """The ``FullyQualifiedErrorId`` prefixes Hyper-V cmdlets use, with words for users.

    Classify by prefix, never by message text: messages are translated. ``message``
    says what happened, ``hint`` what to do.
    """

    INVALID_STATE = ("InvalidState",
                     "The virtual machine is not in a state that allows this action.",
                     "Refresh and try again once the current operation has finished.")
    INVALID_PARAMETER = ("InvalidParameter",
                         "Hyper-V could not find that object or rejected a value.",
                         "Refresh: the virtual machine may have been deleted or renamed.")
    OUT_OF_MEMORY = ("OutOfMemory",
                     "The host does not have enough free memory to start the virtual machine.",
                     "Stop or save other virtual machines, or lower this one's startup memory.")
    OPERATION_FAILED = ("OperationFailed", "Hyper-V could not complete the operation.",
                        "See the details in the PowerShell log for the host's reason.")
    OBJECT_NOT_FOUND = ("ObjectNotFound", "Hyper-V could not find the object.",
                        "Refresh: it may have been deleted, or the Hyper-V service stopped.")
    PARAMETER_NOT_FOUND = ("NamedParameterNotFound",
                           "The host's Hyper-V module does not know a parameter this app used.",
                           "The host may run an older Hyper-V version.")
    COMMAND_NOT_FOUND = ("CommandNotFoundException", "The host does not know this command.",
                         "Install the Hyper-V PowerShell module on the host.")
    ACCESS_DENIED = ("AccessDenied", "Access was denied.",
                     "Connect as a member of Administrators or Hyper-V Administrators.")
    OTHER = ("", "The command failed.", "See the details in the PowerShell log.")

    def __init__(self, prefix: str, message: str, hint: str) -> None:
        self.prefix = prefix
        self.message = message
        self.hint = hint

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
