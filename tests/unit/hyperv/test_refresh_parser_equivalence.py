"""The refresh parser reads every answer exactly as the implementation before it did.

``refresh_oracle.OracleRefreshParser`` is that implementation (commit d8c3ce6), kept here
only as the oracle. Both parse the same successive answers of one host, sane and hostile
(quotes, line breaks of every kind in and out of quotes, surrogates, empty, unknown and
culture-formatted values, missing, extra, repeated and reordered columns, records cut
across output items, ``#TYPE`` and blank lines, object records): the same VMs (each
field's type and value, ``fetched``, repr), the same ``unchanged``, the same re-use of
the last refresh's objects, and the same exception where the old one raised.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from refresh_answers import answers, exact, selections
from refresh_oracle import OracleRefreshParser

from hvmanager.hyperv.refresh_parser import RefreshParser


def _outcome(parser, output, properties):
    try:
        parsed = parser.parse(output, properties)
    except Exception as error:  # noqa: BLE001 - the exception is the outcome compared
        return None, type(error)
    return parsed, None


def _reuse(vms, before):
    """For each VM, the index of the same object in the previous refresh's VMs (or None)."""
    ids = {id(vm): index for index, vm in enumerate(before)}
    return [ids.get(id(vm)) for vm in vms]


def _compare(refreshes, properties_of, resets=()):
    new, old = RefreshParser("hv01"), OracleRefreshParser("hv01")
    new_before, old_before = (), ()
    for number, output in enumerate(refreshes):
        if number in resets:
            new.reset()
            old.reset()
        properties = properties_of(number)
        expected, expected_error = _outcome(old, list(output), properties)
        got, error = _outcome(new, list(output), properties)
        assert error is expected_error, (number, output)
        if expected is None:
            continue
        assert got.unchanged == expected.unchanged, (number, output)
        assert [exact(vm) for vm in got.vms] == [exact(vm) for vm in expected.vms], (number, output)
        assert _reuse(got.vms, new_before) == _reuse(expected.vms, old_before), (number, output)
        new_before, old_before = got.vms, expected.vms


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers(), selections)
def test_successive_answers_parse_as_before(refreshes, properties):
    _compare(refreshes, lambda number: properties)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers(pool_size=3), st.lists(selections, min_size=5, max_size=5),
       st.sets(st.integers(0, 4), max_size=2))
def test_changing_selections_and_resets_parse_as_before(refreshes, chosen, resets):
    # The same selection as a new tuple, a list or other names: the parser's selection
    # cache must see what selection() sees.
    _compare(refreshes, lambda number: list(chosen[number]) if number % 2 else chosen[number], resets)
