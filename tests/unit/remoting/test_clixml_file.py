"""Export-Clixml files: encodings, headers, shared type names, and clear errors."""

import codecs
from pathlib import Path

import pytest

from hvmanager.remoting.clixml_file import ClixmlFileError, read_clixml_file, read_clixml_text

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "clixml" / "hv01-get-vm.xml"
TEXT = SAMPLE.read_text(encoding="utf-8")


def test_records_keep_types_across_shared_type_names():
    records = read_clixml_file(SAMPLE)
    assert len(records) == 3
    first, second, third = records
    assert first.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")
    assert third.is_type("Microsoft.HyperV.PowerShell.VirtualMachine")  # from a <TNRef>
    state = second.get("State")
    assert (state.to_string, state.value) == ("Off", 3)
    assert state.is_type("Microsoft.HyperV.PowerShell.VMState")
    assert second.get("Name") == "O'Brien & \"co\" <lab>\nsecond line _x0041_ $(x) ; | `"
    assert first.get("VMName") == "DC01"  # alias properties from <MS>
    assert first.get("Uptime").days == 12
    assert first.get("Heartbeat").to_string == "OkApplicationsHealthy"
    assert second.get("Heartbeat") is None


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE),
                                          ("utf-8", codecs.BOM_UTF8), ("utf-8", b"")])
def test_encodings_by_byte_order_mark(tmp_path, encoding, bom):
    path = tmp_path / "vms.xml"
    path.write_bytes(bom + TEXT.encode(encoding))
    assert [r.get("Name") for r in read_clixml_file(path)][0] == "DC01"


def test_declaration_and_clixml_header_are_accepted():
    with_declaration = '<?xml version="1.0" encoding="utf-16"?>\r\n' + TEXT
    assert len(read_clixml_text(with_declaration)) == 3
    assert len(read_clixml_text("#< CLIXML\r\n" + TEXT)) == 3


@pytest.mark.parametrize("text,words", [
    ("<html><body>hi</body></html>", "does not start with <Objs>"),
    (TEXT[:500], "not valid CLIXML"),
    ("", "does not start with <Objs>"),
])
def test_not_clixml(text, words):
    with pytest.raises(ClixmlFileError) as caught:
        read_clixml_text(text, "vms.xml")
    assert words in str(caught.value) and "vms.xml" in str(caught.value)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "latin1.xml"
    path.write_bytes("<Objs>caf\u00e9</Objs>".encode("latin-1"))
    with pytest.raises(ClixmlFileError):
        read_clixml_file(path)
