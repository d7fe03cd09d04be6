"""An error record's TargetObject reaches ``ErrorInfo.target_object`` through both
deserialisers: it is how a bulk pipeline's errors are matched to the VMs they name."""

import uuid

import pytest
from remoting_clixml_samples import GET_VM_NOT_FOUND
from pypsrp.complex_objects import ObjectMeta
from pypsrp.messages import ErrorRecordMessage
from pypsrp.serializer import Serializer

from hvmanager.remoting import psrpcore_conversion, pypsrp_conversion
from hvmanager.remoting.record import Record

VM_ID = uuid.UUID("0b4c1f6e-5c1a-4d7e-9a51-3f0e2d9c8b71")
STRING_TARGET = '<S N="TargetObject">nosuch</S>'
VM_TARGET = (
    '<Obj N="TargetObject" RefId="9"><TN RefId="9"><T>Microsoft.HyperV.PowerShell.VirtualMachine</T>'
    '<T>System.Object</T></TN><ToString>VirtualMachine (Name = \'twin\')</ToString>'
    f'<Props><S N="Name">twin</S><G N="Id">{VM_ID}</G><G N="VMId">{VM_ID}</G></Props></Obj>')
NO_TARGET = '<Nil N="TargetObject" />'


def _both(xml: str):
    via_pypsrp = pypsrp_conversion.error_info(
        Serializer().deserialize(xml, ObjectMeta("Obj", object=ErrorRecordMessage)))
    via_psrpcore = psrpcore_conversion.error_info(psrpcore_conversion.decode_clixml_element(xml))
    return via_pypsrp, via_psrpcore


def test_a_string_target_is_kept():
    assert STRING_TARGET in GET_VM_NOT_FOUND
    for info in _both(GET_VM_NOT_FOUND):
        assert info.target_object == "nosuch"


@pytest.mark.parametrize("converter", ["pypsrp", "psrpcore"])
def test_an_object_target_becomes_a_record_with_its_id(converter):
    xml = GET_VM_NOT_FOUND.replace(STRING_TARGET, VM_TARGET)
    info = dict(zip(["pypsrp", "psrpcore"], _both(xml)))[converter]
    assert isinstance(info.target_object, Record)
    assert info.target_object.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")
    assert info.target_object.get("Id") == VM_ID and info.target_object.get("Name") == "twin"
    # Equality (and hashing) ignore the target: it is a view of the record, not its identity.
    assert info == _both(GET_VM_NOT_FOUND)[0]
    hash(info)


def test_no_target_is_none():
    for info in _both(GET_VM_NOT_FOUND.replace(STRING_TARGET, NO_TARGET)):
        assert info.target_object is None
