"""What users read for each typed error: kinds by id prefix, host text where it explains more."""

from hvmanager.core.error_report import ErrorReport
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.errors import AuthenticationFailed, ConnectTimeout, PowerShellError


def _powershell(error_id: str, message: str) -> PowerShellError:
    return PowerShellError([ErrorInfo(message, error_id)], "hint", "HV01")


def test_invalid_state_uses_our_words_and_keeps_the_host_text_as_detail():
    report = ErrorReport.of(_powershell(
        "InvalidState,Microsoft.HyperV.PowerShell.Commands.SuspendVM",
        "The operation cannot be performed while the object is in its current state."))
    assert report.kind == "InvalidState"
    assert report.message == "The virtual machine is not in a state that allows this action."
    assert report.detail.startswith("The operation cannot be performed")
    assert report.hint


def test_out_of_memory_shows_the_host_reason_too():
    report = ErrorReport.of(_powershell("OutOfMemory,Microsoft.HyperV.PowerShell.Commands.StartVM",
                                        "'DC01' failed to start. Not enough memory."))
    assert report.kind == "OutOfMemory"
    assert "enough free memory" in report.message and "'DC01' failed to start" in report.message


def test_an_unknown_id_shows_the_host_message():
    report = ErrorReport.of(_powershell("Strange,Some.Module", "Something odd happened."))
    assert (report.kind, report.message) == ("powershell", "Something odd happened.")


def test_transport_errors_keep_their_kind_message_and_hint():
    report = ErrorReport.of(ConnectTimeout("HV01 did not answer within 3 s.", "Check it.", "HV01"))
    assert (report.kind, report.message, report.hint) == (
        "timeout", "HV01 did not answer within 3 s.", "Check it.")


def test_one_line_joins_message_and_hint_without_line_breaks():
    report = ErrorReport.of(AuthenticationFailed("HV01 rejected\nthe credentials.", "Use\nHOST\\user."))
    assert report.one_line() == "HV01 rejected the credentials. (Use HOST\\user.)"
    assert ErrorReport("x", "no hint").one_line() == "no hint"
