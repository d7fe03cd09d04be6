import datetime
import enum
import uuid
from xml.etree import ElementTree

from pypsrp.complex_objects import CommandParameter
from pypsrp.serializer import Serializer

from hvmanager.remoting import psrpcore_conversion, wire_values


def _tag_and_text(value):
    element = wire_values.to_pypsrp(value)
    return element.tag, element.text


def test_each_python_type_gets_its_dotnet_type():
    assert _tag_and_text(True) == ("B", "true")
    assert _tag_and_text(7) == ("I32", "7")
    assert _tag_and_text(2**40) == ("I64", str(2**40))
    assert _tag_and_text(0.1) == ("Db", "0.1")
    assert _tag_and_text("x") == ("S", "x")
    assert _tag_and_text(uuid.UUID(int=1)) == ("G", "00000000-0000-0000-0000-000000000001")
    assert _tag_and_text(datetime.timedelta(minutes=90)) == ("TS", "PT1H30M")
    assert _tag_and_text(datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)) \
        == ("DT", "2024-01-02T03:04:05Z")
    assert _tag_and_text(None) == ("Nil", None)


class _Colour(enum.Enum):
    RED = 1


def test_enum_members_travel_by_name():
    assert _tag_and_text(_Colour.RED) == ("S", "RED")


def test_hostile_strings_stay_data_inside_a_pypsrp_command_parameter():
    hostile = "x'; Remove-VM * -Force; '\n<Obj/>&\x00\U0001F600"
    parameter = CommandParameter(name="Name", value=wire_values.to_pypsrp(hostile))
    xml = ElementTree.tostring(Serializer().serialize(parameter))
    value = psrpcore_conversion.decode_clixml_element(
        ElementTree.tostring(ElementTree.fromstring(xml).find("MS/S[@N='V']")))
    assert str(value) == hostile


def test_lists_stay_lists_of_typed_elements_for_pypsrp():
    items = wire_values.to_pypsrp([1, "a", 2**40])
    assert [(e.tag, e.text) for e in items] == [("I32", "1"), ("S", "a"), ("I64", str(2**40))]
    parameter = CommandParameter(name="Id", value=items)
    xml = ElementTree.tostring(Serializer().serialize(parameter)).decode()
    assert "<LST><I32>1</I32><S>a</S><I64>1099511627776</I64></LST>" in xml


def test_psrpcore_values_round_trip():
    from psrpcore.types import serialize

    for value in (5, 2**40, 0.1, "é", uuid.uuid4(), datetime.timedelta(seconds=3.5), True, [1, "b"]):
        element = serialize(wire_values.to_psrpcore(value), psrpcore_conversion.opaque_cipher())
        back = psrpcore_conversion.to_neutral(
            psrpcore_conversion.decode_clixml_element(ElementTree.tostring(element)))
        assert back == value and type(back) is type(value)
