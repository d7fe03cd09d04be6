import uuid
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvmanager.hyperv.powershell_text import (quote, render_command, render_parameter,
                                              render_pipeline, render_value)
from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline
from powershell_argument_reader import read_list, read_whole

HOSTILE = ["it's", "a'; Remove-Item C:\\ -Recurse; '", "$(Stop-Computer)", "`n", "x | y",
           "‘smart’ ‚low‛", "", " ", "-Force", "@(1)", "1e5", "$true", "a\nb", "\u0000", "#c",
           "VM \"quoted\"", "Name;", "trailing.", "*"]

text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_read_back_exactly(value):
    assert read_whole(render_value(value)) == value


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_any_string_reads_back_exactly(value):
    rendered = render_value(value)
    assert read_whole(rendered) == value
    # A quoted literal never leaves an odd quote character: every one inside is doubled.
    if rendered.startswith("'"):
        inner = rendered[1:-1]
        assert quote(value) == rendered
        runs = inner.replace("''", "")
        assert "'" not in runs


@settings(max_examples=150, deadline=None)
@given(st.lists(text_strategy, min_size=2, max_size=5))
def test_any_list_reads_back_as_the_same_list(values):
    assert read_list(render_value(values)) == values


@settings(max_examples=150, deadline=None)
@given(text_strategy)
def test_a_hostile_name_stays_one_parameter_value(name):
    command = Command("Rename-VM", (("NewName", name),))
    rendered = render_pipeline(Pipeline.of(Command("Get-VM", (("Id", uuid.UUID(int=7)),)), command))
    prefix = "Get-VM -Id 00000000-0000-0000-0000-000000000007 | Rename-VM -NewName "
    assert rendered.startswith(prefix)
    assert read_whole(rendered[len(prefix):]) == name


def test_plain_words_stay_bare_and_others_are_quoted():
    assert render_value("vmms") == "vmms"
    assert render_value("Microsoft-Hyper-V*") == "Microsoft-Hyper-V*"
    assert render_value("web 01") == "'web 01'"
    assert render_value("-Force") == "'-Force'"
    assert render_value("12") == "'12'"


def test_switches_booleans_guids_numbers_and_arrays():
    guid = uuid.UUID("8d7b2a3e-1111-4000-8000-000000000001")
    assert render_parameter("TurnOff", True) == "-TurnOff"
    assert render_parameter("Confirm", False) == "-Confirm:$false"
    assert render_parameter("Id", guid) == "-Id 8d7b2a3e-1111-4000-8000-000000000001"
    assert render_value(None) == "$null"
    assert render_value(-5) == "-5" and render_value(1.5) == "1.5"
    assert render_value(["a b", "c"]) == "'a b', c"
    assert render_value(["Name"]) == "Name"
    assert render_value([]) == "@()"
    assert render_value([["x"], "y"]) == "@('x'), y"
    assert render_value({"Name": "x y", "Value": True}) == "@{Name = 'x y'; Value = $true}"
    assert render_value(timedelta(seconds=1)) == "([timespan]::FromTicks(10000000))"


def test_names_that_are_not_identifiers_are_refused_or_called_safely():
    with pytest.raises(ValueError):
        render_parameter("Id; rm", 1)
    assert render_command(Command("odd name")) == "& 'odd name'"
    with pytest.raises(TypeError):
        render_value(object())
