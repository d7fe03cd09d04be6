"""The command line in-process: exit codes, usage messages that never echo a secret."""

import io

import pytest

from hvmanager.cli.command_line import run

SAMPLE = "tests/data/clixml/hv01-get-vm.xml"


def _run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", [
    ("vms", "--server", "hv01", "--password", "p4ss-word"),
    ("vms", "--server", "hv01", "--password=p4ss-word"),
    ("vms", "--server", "hv01", "-p", "p4ss-word"),
    ("vms", "--server", "hv01", "p4ss-word"),
    ("vms", "--server", "hv01", "--passwd", "p4ss-word"),
    ("vms", "--server", "hv01", "--password-en", "p4ss-word"),
])
def test_secrets_on_the_command_line_are_refused_and_never_echoed(argv):
    code, out, err = _run(*argv)
    assert code == 1 and out == ""
    assert "p4ss-word" not in err and err.startswith("hvmanager-cli: error: ")


def test_no_command_is_a_usage_error():
    assert _run()[0] == 1


def test_from_clixml_in_process():
    code, out, err = _run("vms", "--from-clixml", SAMPLE, "--format", "csv", "--columns", "Name,State")
    assert code == 0 and err == ""
    assert out.splitlines()[:2] == ["Host,Name,State", "HV01,DC01,Running"]
