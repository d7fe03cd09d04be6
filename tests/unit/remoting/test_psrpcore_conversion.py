import datetime
import uuid

from remoting_clixml_samples import COMMAND_NOT_FOUND, GET_VM_NOT_FOUND, INTEGRATION_SERVICE, SELECTED_VM
from hvmanager.remoting import psrpcore_conversion
from hvmanager.remoting.record import Record


def _record(xml: str) -> Record:
    return psrpcore_conversion.to_record(psrpcore_conversion.decode_clixml_element(xml))


def test_selected_vm_keeps_wire_type_names_and_note_properties():
    record = _record(SELECTED_VM)
    assert record.type_names[0] == "Selected.Microsoft.HyperV.PowerShell.VirtualMachine"
    assert record.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")
    assert record.to_string == "@{Name=web 01; State=Running}"
    assert record.get("Name") == 'web 01\n"<quoted>" & ünïcödé'
    assert record.get("Id") == uuid.UUID("5fcb4a14-7f3c-4a11-8a4b-2b3f2e1d0c01")
    assert type(record.get("Id")) is uuid.UUID


def test_primitives_become_plain_python_types():
    record = _record(SELECTED_VM)
    assert record.get("CPUUsage") == 3 and type(record.get("CPUUsage")) is int
    assert record.get("MemoryAssigned") == 2147483648
    assert record.get("Uptime") == datetime.timedelta(hours=1, minutes=7, seconds=3.5)
    assert type(record.get("Uptime")) is datetime.timedelta
    created = record.get("CreationTime")
    assert type(created) is datetime.datetime
    assert created == datetime.datetime(2024, 3, 1, 9, 11, 12, 123456, tzinfo=datetime.timezone.utc)
    assert record.get("IntegrationServicesVersion") == "10.0.19041.1"
    assert record.get("Heartbeat") is None
    assert record.get("DynamicMemoryEnabled") is True
    assert record.get("Ratio") == 0.25
    assert record.get("Tags") == ["a", 1]
    assert record.get("Labels") == {"owner": "ops"}


def test_enums_are_nested_records_with_name_and_number():
    record = _record(SELECTED_VM)
    state = record.get("State")
    assert isinstance(state, Record)
    assert state.is_type("Microsoft.HyperV.PowerShell.VMState")
    assert (state.to_string, state.value) == ("Running", 2)
    # The second enum of the same type arrives as a TNRef: same type names.
    previous = record.get("PreviousState")
    assert previous.type_names == state.type_names
    assert (previous.to_string, previous.value) == ("Off", 3)
    assert record.get("Heartbeat2").to_string == "OkApplicationsHealthy"


def test_adapted_properties_nested_objects_and_a_deserialized_prefix_on_the_wire():
    record = _record(INTEGRATION_SERVICE)
    assert record.type_names[0] == "Deserialized.Microsoft.HyperV.PowerShell.VMIntegrationComponent"
    assert record.is_type("Microsoft.HyperV.PowerShell.VMIntegrationComponent")
    assert record.get("Name") == "Takt"
    assert record.get("Id").endswith("\\84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47")
    assert record.get("PrimaryStatusDescription") is None
    [status] = record.get("OperationalStatus")
    assert (status.to_string, status.value) == ("Ok", 2)
    vm = record.get("VM")
    assert vm.get("Name") == "web 01"
    assert vm.to_string == "VirtualMachine (Name = 'web 01')"


def test_bare_primitive_output_becomes_a_record_with_a_value():
    record = _record('<DT>2024-01-02T03:04:05Z</DT>')
    assert record.value == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    assert _record("<S>x</S>").value == "x"
    assert _record("<I64>5</I64>").to_string == "5"


def test_non_terminating_error_record():
    info = psrpcore_conversion.error_info(psrpcore_conversion.decode_clixml_element(GET_VM_NOT_FOUND))
    assert info.message == 'Hyper-V was unable to find a virtual machine with name "nosuch".'
    assert info.fully_qualified_error_id == "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM"
    assert info.error_kind == "InvalidParameter"
    assert info.category == "InvalidArgument"
    assert info.reason == "VirtualizationException"
    assert info.target_name == "nosuch"
    assert info.exception_type == "Microsoft.HyperV.PowerShell.VirtualizationException"


def test_error_details_message_wins_over_the_exception_message():
    info = psrpcore_conversion.error_info(psrpcore_conversion.decode_clixml_element(COMMAND_NOT_FOUND))
    assert info.message == "The term 'Get-Nothing' is not recognized as the name of a cmdlet."
    assert info.category == "ObjectNotFound"
    assert info.exception_type == "System.Management.Automation.CommandNotFoundException"
