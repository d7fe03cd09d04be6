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


def test_values_stay_as_pypsrp_gave_them_when_the_raw_xml_does_not_describe_them():
    raw = _pypsrp(SELECTED_VM)
    raw._xml = '<Obj RefId="9"><TNRef RefId="77" /></Obj>'  # nothing beside the properties
    record = pypsrp_conversion.to_record(raw)
    assert record.get("Uptime") == "PT1H7M3.5S"
    raw._xml = None
    assert pypsrp_conversion.to_record(raw) == record
    assert record.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")
    assert record.get("Name").startswith("web 01")
    assert record.get("Tags") == ["a", 1] and record.get("Labels") == {"owner": "ops"}
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


SHARED_AND_NESTED = """\
<Obj RefId="0"><TN RefId="0"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN><MS>\
<Obj N="First" RefId="1"><TN RefId="1"><T>Deserialized.Some.Checkpoint</T><T>Deserialized.System.Object</T></TN>\
<ToString>cp</ToString><Props><DT N="CreationTime">2024-05-06T07:08:09Z</DT></Props></Obj>\
<Ref N="Again" RefId="1" />\
<Obj N="Durations" RefId="2"><TN RefId="2"><T>System.Object[]</T><T>System.Array</T><T>System.Object</T></TN>\
<LST><TS>PT1S</TS><TS>P1DT2H</TS><S>PT1S</S></LST></Obj>\
<Obj N="ByName" RefId="3"><TN RefId="3"><T>System.Collections.Hashtable</T><T>System.Object</T></TN>\
<DCT><En><S N="Key">boot</S><DT N="Value">2024-01-01T00:00:00Z</DT></En></DCT></Obj>\
</MS></Obj>"""


def test_references_lists_and_dictionaries_keep_their_wire_types():
    record = pypsrp_conversion.to_record(_pypsrp(SHARED_AND_NESTED))
    utc = datetime.timezone.utc
    assert record.get("First").get("CreationTime") == datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=utc)
    assert record.get("Again") == record.get("First")
    assert record.get("Durations") == [datetime.timedelta(seconds=1), datetime.timedelta(days=1, hours=2), "PT1S"]
    assert record.get("ByName") == {"boot": datetime.datetime(2024, 1, 1, tzinfo=utc)}
    via_psrpcore = psrpcore_conversion.to_record(psrpcore_conversion.decode_clixml_element(SHARED_AND_NESTED))
    assert record == via_psrpcore


def test_collections_of_hyperv_types_are_lists_as_with_psrpcore():
    from remoting_clixml_samples import VM_WITH_TYPED_LISTS

    record = pypsrp_conversion.to_record(_pypsrp(VM_WITH_TYPED_LISTS))
    assert record.get("NetworkAdapters") == ["VMNetworkAdapter (Name = 'Network Adapter', VMName = 'web 01')"]
    assert record.get("Groups") == []
    assert record.get("Uptime") == datetime.timedelta(minutes=5)
    assert record == psrpcore_conversion.to_record(psrpcore_conversion.decode_clixml_element(VM_WITH_TYPED_LISTS))
