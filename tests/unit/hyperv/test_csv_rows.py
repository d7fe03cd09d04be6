"""CsvRows: records and fields exactly as the line-by-line rule and the csv module give them."""

import csv

from hypothesis import given, settings
from hypothesis import strategies as st
from refresh_answers import any_text, quoted
from refresh_oracle import _csv_rows

from hvmanager.hyperv.csv_rows import CsvRows

texts = st.lists(st.one_of(any_text, st.lists(any_text, max_size=4).map(quoted),
                           st.sampled_from(["#TYPE x", "", " ", "\r\n", '"', '"a\r\nb"', '"x","y\n'])), max_size=6)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_records_are_those_of_the_line_by_line_rule(items):
    assert list(CsvRows.records(items)) == list(_csv_rows(items))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(any_text, max_size=6).map(quoted), any_text))
def test_fields_are_what_csv_reads(record):
    try:
        expected = next(csv.reader(record.splitlines(keepends=True)), [])
    except csv.Error:
        expected = csv.Error
    try:
        got = CsvRows.fields(record, csv.field_size_limit())
    except csv.Error:
        got = csv.Error
    assert got == expected


def test_quoted_values_keep_line_breaks_commas_and_quotes():
    record = quoted(['say "hi"', "a,b", "first\r\nsecond", ""])
    assert CsvRows.fields(record, csv.field_size_limit()) == ['say "hi"', "a,b", "first\r\nsecond", ""]
    assert list(CsvRows.records(["#TYPE T", '"a","b', 'c"', '"d"', "  "])) == ['"a","bc"', '"d"']


def test_a_value_longer_than_the_csv_limit_is_refused_as_csv_refuses_it():
    record = quoted(["x" * 200, "y"])
    assert CsvRows.fields(record, csv.field_size_limit()) == ["x" * 200, "y"]
    old = csv.field_size_limit(100)
    try:
        CsvRows.fields(record, csv.field_size_limit())
    except csv.Error:
        return
    finally:
        csv.field_size_limit(old)
    raise AssertionError("a field over the limit must fail as csv.reader fails")
