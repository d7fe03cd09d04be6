import datetime

from remoting_clixml_samples import COMMAND_NOT_FOUND, GET_VM_NOT_FOUND, INTEGRATION_SERVICE, SELECTED_VM
from pypsrp.complex_objects import GenericComplexObject, ObjectMeta
from pypsrp.messages import ErrorRecordMessage
from pypsrp.serializer import Serializer

from hvmanager.remoting import psrpcore_conversion, pypsrp_conversion
from hvmanager.remoting.record import Record


def _pypsrp(xml: str):
    return Serializer().deserialize(xml)


def test_pypsrp_objects_convert_exactly_like_psrpcore_objects():
    for xml in (SELECTED_VM, INTEGRATION_SERVICE):
        via_pypsrp = pypsrp_conversion.to_record(_pypsrp(xml))
        via_psrpcore = psrpcore_conversion.to_record(psrpcore_conversion.decode_clixml_element(xml))
        assert via_pypsrp == via_psrpcore


def test_timespan_and_datetime_are_typed_although_pypsrp_keeps_them_as_text():
    raw = _pypsrp(SELECTED_VM)
    assert raw.extended_properties["Uptime"] == "PT1H7M3.5S"  # what pypsrp alone gives
    record = pypsrp_conversion.to_record(raw)
    assert record.get("Uptime") == datetime.timedelta(hours=1, minutes=7, seconds=3.5)
    assert isinstance(record.get("CreationTime"), datetime.datetime)


def test_direct_fallback_when_the_raw_xml_is_not_self_contained():
    raw = _pypsrp(SELECTED_VM)
    raw._xml = '<Obj RefId="9"><TNRef RefId="77" /></Obj>'  # refers to a type list elsewhere
    state = raw.extended_properties["State"]
    state._xml = None
    record = pypsrp_conversion.to_record(raw)
    assert record.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")
    assert record.get("Name").startswith("web 01")
    assert isinstance(record.get("State"), Record)
    assert (record.get("State").to_string, record.get("State").value) == ("Running", 2)


def test_primitive_output_values_pass_through():
    assert pypsrp_conversion.to_record("text").value == "text"
    assert pypsrp_conversion.to_record(5).to_string == "5"
    assert pypsrp_conversion.to_record(None).to_string is None
    assert pypsrp_conversion.to_neutral([1, "a"]) == [1, "a"]
    generic = GenericComplexObject()
    generic.types = ["Some.Type"]
    generic.to_string = "x"
    assert pypsrp_conversion.to_record(generic) == Record(type_names=("Some.Type",), to_string="x")


def test_error_records_from_pypsrp():
    record = Serializer().deserialize(GET_VM_NOT_FOUND, ObjectMeta("Obj", object=ErrorRecordMessage))
    info = pypsrp_conversion.error_info(record)
    expected = psrpcore_conversion.error_info(psrpcore_conversion.decode_clixml_element(GET_VM_NOT_FOUND))
    assert info == expected
    failed = Serializer().deserialize(COMMAND_NOT_FOUND, ObjectMeta("Obj", object=ErrorRecordMessage))
    info = pypsrp_conversion.error_info(failed)
    assert info.message == "The term 'Get-Nothing' is not recognized as the name of a cmdlet."
    assert info.fully_qualified_error_id == "CommandNotFoundException"
    assert info.category == "ObjectNotFound"
