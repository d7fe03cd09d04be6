import pytest

from hvmanager.hyperv.error_classifier import (classify_errors, is_hyperv_cmdlet, raise_for_result,
                                               reclassify)
from hvmanager.hyperv.powershell_error_kind import PowerShellErrorKind
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.errors import (AccessDenied, HyperVNotInstalled, HyperVServiceStopped,
                                       PowerShellError)
from hvmanager.remoting.result import Result

VMMS_MESSAGE = ("Hyper-V encountered an error trying to access an object on computer 'HV01' "
                "because the object was not found. The object might have been deleted. Verify "
                "that the Virtual Machine Management service on the computer is running.")
GERMAN_VMMS = "Hyper-V hat beim Zugriff auf ein Objekt auf dem Computer \"HV01\" einen Fehler festgestellt."


def err(fqid, message="failed", **kw):
    return ErrorInfo(message, fqid, **kw)


def test_vmms_stopped_from_the_message_or_the_known_state():
    error = err("ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.GetVM", VMMS_MESSAGE)
    assert isinstance(classify_errors([error], "hv01"), HyperVServiceStopped)
    german = err("ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.GetVM", GERMAN_VMMS)
    assert isinstance(classify_errors([german]), PowerShellError)
    assert isinstance(classify_errors([german], vmms_running=False), HyperVServiceStopped)
    # vmms runs: the object is simply gone.
    gone = classify_errors([error], vmms_running=True)
    assert isinstance(gone, PowerShellError)
    assert PowerShellErrorKind.of(gone) is PowerShellErrorKind.OBJECT_NOT_FOUND


def test_object_not_found_from_other_modules_is_not_the_service():
    error = err("ObjectNotFound,Microsoft.PowerShell.Commands.GetItemCommand", VMMS_MESSAGE)
    assert isinstance(classify_errors([error]), PowerShellError)


def test_get_vm_unknown_means_hyperv_not_installed():
    error = err("CommandNotFoundException",
                "The term 'Get-VM' is not recognized as the name of a cmdlet, function, script "
                "file, or operable program.", category="ObjectNotFound", target_name="Get-VM")
    result = classify_errors([error], "hv01")
    assert isinstance(result, HyperVNotInstalled) and result.host == "hv01"
    no_target = err("CommandNotFoundException", "Der Begriff 'Get-VM' wurde nicht erkannt.")
    assert isinstance(classify_errors([no_target]), HyperVNotInstalled)
    other = err("CommandNotFoundException", "The term 'Get-Foo' is not recognized",
                target_name="Get-Foo")
    assert isinstance(classify_errors([other]), PowerShellError)


@pytest.mark.parametrize("prefix,kind", [
    ("InvalidState", PowerShellErrorKind.INVALID_STATE),
    ("InvalidParameter", PowerShellErrorKind.INVALID_PARAMETER),
    ("OutOfMemory", PowerShellErrorKind.OUT_OF_MEMORY),
    ("OperationFailed", PowerShellErrorKind.OPERATION_FAILED),
    ("NamedParameterNotFound", PowerShellErrorKind.PARAMETER_NOT_FOUND),
    ("Weird", PowerShellErrorKind.OTHER),
])
def test_powershell_error_kinds_carry_user_words(prefix, kind):
    message = "The operation cannot be performed while the object is in its current state."
    error = classify_errors([err(f"{prefix},Microsoft.HyperV.PowerShell.Commands.StartVM", message)])
    assert isinstance(error, PowerShellError)
    assert PowerShellErrorKind.of(error) is kind
    assert error.message == message and kind.hint in error.hint
    assert error.fully_qualified_error_id.startswith(prefix)


def test_access_denied_and_empty_and_raise():
    denied = err("UnauthorizedAccess,Microsoft.HyperV.PowerShell.Commands.GetVM",
                 "You do not have the required permission", category="PermissionDenied")
    assert isinstance(classify_errors([err("InvalidState,x"), denied]), AccessDenied)
    assert classify_errors([]) is None
    ok = Result(records=(), errors=())
    assert raise_for_result(ok) is ok
    with pytest.raises(PowerShellError):
        raise_for_result(Result(errors=(err("OperationFailed,Microsoft.HyperV.PowerShell.Commands.StartVM"),)))


def test_reclassify_a_terminating_error_raised_by_a_transport():
    raised = PowerShellError([err("ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.GetVM",
                                  VMMS_MESSAGE)], host="hv01")
    assert isinstance(reclassify(raised), HyperVServiceStopped)
    assert reclassify(raised).host == "hv01"


def test_hyperv_cmdlets():
    assert is_hyperv_cmdlet("Get-VM") and is_hyperv_cmdlet("Checkpoint-VM")
    assert is_hyperv_cmdlet("Get-VMIntegrationService") and not is_hyperv_cmdlet("Get-Service")
    assert not is_hyperv_cmdlet("VM")
