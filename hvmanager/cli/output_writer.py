"""Rows as an aligned table, CSV (the csv module) or JSON (a list of objects)."""

from __future__ import annotations

import csv
import json
import unicodedata
from typing import Any, Sequence, TextIO

from hvmanager.cli.vm_columns import text_value

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Control characters, line/paragraph separators and lone surrogates.
_UNSHOWN = ("Cc", "Zl", "Zp", "Cs")


def write_rows(out: TextIO, output_format: str, columns: Sequence[str],
               rows: Sequence[Sequence[Any]]) -> None:
    """Write ``rows`` (JSON-ready values in ``columns`` order) in ``output_format``."""
    if output_format == "json":
        write_json(out, columns, rows)
    elif output_format == "csv":
        write_csv(out, columns, rows)
    else:
        write_table(out, columns, rows)


def write_json(out: TextIO, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A JSON list of objects, keys in column order. ASCII-only with escapes, so any name
    (even an unpaired surrogate) survives any console encoding exactly."""
    json.dump([dict(zip(columns, row)) for row in rows], out, ensure_ascii=True, indent=2)
    out.write("\n")


def write_csv(out: TextIO, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """RFC 4180 CSV with a header; values exact (quoted when they hold commas, quotes, newlines)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([text_value(value) for value in row] for row in rows)


def write_table(out: TextIO, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Columns aligned by display width (wide characters count two, combining marks none);
    numbers right-aligned; control characters shown escaped so a row stays one line."""
    if not rows:
        return
    cells = [[_printable(text_value(value)) for value in row] for row in rows]
    numeric = [all(isinstance(row[i], (int, float)) and not isinstance(row[i], bool)
                   or row[i] is None for row in rows) for i in range(len(columns))]
    widths = [max([display_width(c)] + [display_width(row[i]) for row in cells])
              for i, c in enumerate(columns)]
    lines = [_line(columns, widths, numeric), _line(["-" * w for w in widths], widths, numeric)]
    lines.extend(_line(row, widths, numeric) for row in cells)
    out.write("\n".join(lines) + "\n")


def _line(cells: Sequence[str], widths: Sequence[int], numeric: Sequence[bool]) -> str:
    padded = []
    for text, width, right in zip(cells, widths, numeric):
        gap = " " * (width - display_width(text))
        padded.append(gap + text if right else text + gap)
    return "  ".join(padded).rstrip()


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide = 2, combining and format = 0)."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(_escape(ch) for ch in text)


def _escape(ch: str) -> str:
    # Only what breaks a line or cannot be encoded: format characters (ZWJ in emoji,
    # bidi marks) stay, so names look as they do in Hyper-V Manager.
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if unicodedata.category(ch) in _UNSHOWN:
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
    return ch
