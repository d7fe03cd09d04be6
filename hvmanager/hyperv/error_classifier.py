"""Turn a pipeline's error records into one typed ``RemotingError``.

Classification reads ``FullyQualifiedErrorId`` (``Kind,Namespace.Command``), never the
message, which hosts translate — with one documented exception below.
"""

from __future__ import annotations

import re
from typing import Sequence

from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.hyperv.powershell_error_kind import PowerShellErrorKind
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.errors import (AccessDenied, HyperVNotInstalled, HyperVServiceStopped,
                                       PowerShellError, RemotingError)
from hvmanager.remoting.result import Result

_HYPERV_NAMESPACE = "Microsoft.HyperV.PowerShell"
_CMDLET_IN_TEXT = re.compile(r"\b[A-Za-z]+-VM[A-Za-z]*\b")


def is_hyperv_cmdlet(name: str) -> bool:
    """A cmdlet of the Hyper-V module: its noun starts with ``VM`` (Get-VM, Checkpoint-VM...)."""
    verb, _, noun = name.partition("-")
    return bool(verb) and noun.upper().startswith("VM")


def _from_hyperv_cmdlet(error: ErrorInfo) -> bool:
    _, _, source = error.fully_qualified_error_id.partition(",")
    return source.startswith(_HYPERV_NAMESPACE)


def _says_vmms(error: ErrorInfo) -> bool:
    # The one use of message text: with vmms stopped, ObjectNotFound is the only id,
    # and only the English message tells it from "this VM is gone". Callers that know
    # the service state pass vmms_running, which wins.
    text = error.message.lower()
    return "virtual machine management service" in text or "vmms" in text


def _is_service_stopped(error: ErrorInfo, vmms_running: bool | None) -> bool:
    if error.error_kind != "ObjectNotFound" or not _from_hyperv_cmdlet(error):
        return False
    if vmms_running is not None:
        return not vmms_running
    return _says_vmms(error)


def _is_not_installed(error: ErrorInfo) -> bool:
    if error.error_kind != "CommandNotFoundException":
        return False
    if error.target_name:
        return is_hyperv_cmdlet(error.target_name)
    return any(is_hyperv_cmdlet(name) for name in _CMDLET_IN_TEXT.findall(error.message))


def classify_errors(errors: Sequence[ErrorInfo], host: str = "",
                    vmms_running: bool | None = None) -> RemotingError | None:
    """One typed error for a list of error records; None when the list is empty.

    Order of precedence: Hyper-V service stopped (``ObjectNotFound`` from a Hyper-V
    cmdlet, with ``vmms_running`` False or the vmms message), Hyper-V not installed
    (``CommandNotFoundException`` for a Hyper-V cmdlet), access denied, else a
    ``PowerShellError`` carrying every record and the hint of the first record's kind
    (see :class:`PowerShellErrorKind`).
    """
    if not errors:
        return None
    for error in errors:
        if _is_service_stopped(error, vmms_running):
            return HyperVServiceStopped(
                QT_TRANSLATE_NOOP("PowerShellErrors",
                                  "The Hyper-V Virtual Machine Management service (vmms) is not running."),
                QT_TRANSLATE_NOOP("PowerShellErrors", "Start the Hyper-V service on the host (Start-Service vmms)."),
                host)
    for error in errors:
        if _is_not_installed(error):
            return HyperVNotInstalled(
                QT_TRANSLATE_NOOP("PowerShellErrors", "The Hyper-V PowerShell module is not installed on the host."),
                QT_TRANSLATE_NOOP("PowerShellErrors",
                                  "Enable Hyper-V (Microsoft-Hyper-V-All) including its PowerShell module."),
                host)
    kinds = [PowerShellErrorKind.of(error) for error in errors]
    if PowerShellErrorKind.ACCESS_DENIED in kinds:
        denied = errors[kinds.index(PowerShellErrorKind.ACCESS_DENIED)]
        # The host's own words when it gave some (in its language), else ours.
        return AccessDenied(denied.message or PowerShellErrorKind.ACCESS_DENIED.text,
                            PowerShellErrorKind.ACCESS_DENIED.hint_text, host)
    first = kinds[0]
    # An empty context joins translated parts without being translated itself.
    hint = Message("", "{what} {todo}").format(what=first.text, todo=first.hint_text)
    return PowerShellError(tuple(errors), hint, host)


def error_for_result(result: Result, host: str = "",
                     vmms_running: bool | None = None) -> RemotingError | None:
    """The typed error of a finished pipeline, or None when its error stream is empty."""
    return classify_errors(result.errors, host, vmms_running)


def raise_for_result(result: Result, host: str = "", vmms_running: bool | None = None) -> Result:
    """Return ``result`` unchanged when it has no errors, raise its typed error otherwise."""
    error = error_for_result(result, host, vmms_running)
    if error is not None:
        raise error
    return result


def reclassify(error: RemotingError, host: str = "",
               vmms_running: bool | None = None) -> RemotingError:
    """Re-read a ``PowerShellError`` a transport raised (terminating errors) the same way."""
    if isinstance(error, PowerShellError) and error.records:
        return classify_errors(error.records, host or error.host, vmms_running) or error
    return error
