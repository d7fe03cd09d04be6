"""Table, CSV and JSON output: aligned, exact, one line per row."""

import csv
import io
import json

from hvmanager.cli.output_writer import display_width, write_rows

COLUMNS = ("Host", "Name", "CPUUsage")
ROWS = [["hv01", "plain", 5], ["hv01", "两个字 wide", 100], ["hv02", "cafe\u0301", None],
        ["hv02", "two\nlines\tand\x07bell", 7], ["hv03", "lone \udc80 surrogate", 0]]


def _write(output_format):
    out = io.StringIO()
    write_rows(out, output_format, COLUMNS, ROWS)
    return out.getvalue()


def test_table_columns_line_up_by_display_width():
    lines = _write("table").splitlines()
    assert len(lines) == 2 + len(ROWS)
    name_start = lines[0].index("Name")
    cpu_end = len(lines[0])
    for line, row in zip(lines[2:], ROWS):
        assert display_width(line[:name_start]) == name_start
        if row[2] is not None:  # numbers are right-aligned to the header's end
            assert display_width(line) == cpu_end
        else:  # an empty cell leaves no trailing blanks
            assert not line.endswith(" ")
    assert "two\\nlines\\tand\\x07bell" in lines[5]
    assert "\\udc80" in lines[6]
    assert lines[1].split() == ["----", "-" * display_width("two\\nlines\\tand\\x07bell"), "--------"]


def test_empty_table_prints_nothing():
    out = io.StringIO()
    write_rows(out, "table", COLUMNS, [])
    assert out.getvalue() == ""


def test_csv_is_exact():
    rows = list(csv.reader(io.StringIO(_write("csv"), newline="")))
    assert rows[0] == list(COLUMNS)
    assert rows[1:] == [[h, n, "" if c is None else str(c)] for h, n, c in ROWS]


def test_json_is_ascii_and_exact():
    text = _write("json")
    assert text.isascii()
    assert json.loads(text) == [dict(zip(COLUMNS, row)) for row in ROWS]


def test_display_width():
    assert display_width("abc") == 3
    assert display_width("两个") == 4
    assert display_width("e\u0301") == 1
    assert display_width("a\u200db") == 2
