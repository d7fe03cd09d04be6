from hvmanager.remoting.command import Command
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.record import Record


def test_record_matches_type_suffix_whatever_the_prefix():
    record = Record(type_names=("Deserialized.Microsoft.HyperV.PowerShell.VirtualMachine",))
    assert record.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")
    assert not record.is_type("Microsoft.HyperV.PowerShell.VMSnapshot")


def test_record_get_prefers_first_name_and_ignores_case():
    record = Record(properties={"vmname": "a", "Name": "b"})
    assert record.get("Name", "VMName") == "b"
    assert record.get("VMName") == "a"
    assert record.get("Missing", default=3) == 3


def test_command_parameters_are_ordered_and_immutable():
    command = Command("Stop-VM").with_parameter("TurnOff").with_parameter("Force")
    assert command.parameters == (("TurnOff", True), ("Force", True))
    assert command.parameter("turnoff") is True
    pipeline = Pipeline.of(Command("Get-VM")).pipe(command)
    assert [c.name for c in pipeline.commands] == ["Get-VM", "Stop-VM"]


def test_error_kind_is_the_id_prefix():
    error = ErrorInfo("x", "InvalidState,Microsoft.HyperV.PowerShell.Commands.StartVM")
    assert error.error_kind == "InvalidState"
