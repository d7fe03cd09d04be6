"""The CSV records of a ``ConvertTo-Csv`` answer, and the fields of one record."""

from __future__ import annotations

import csv
from typing import Iterable, Iterator


class CsvRows:
    """Splits ``ConvertTo-Csv`` output into records and a record into its fields.

    A host writes one output string per record, every value quoted (``"a","b"``); a quoted
    value may hold line breaks (Notes). Both methods read that form directly and hand
    anything else to the general rule (records end where quotes balance at a line end;
    fields as the ``csv`` module reads them), so every text reads as it always did.
    """

    @staticmethod
    def split(text: str, pending: str = "") -> tuple[list[str], str]:
        """The records that ``text`` completes, after ``pending`` (the start of a record
        the texts before left open, or ""), and what it leaves open.

        A record ends at a line end where its quotes balance: ``"`` opens and closes a
        quoted value and an escaped quote is doubled, so an odd count means a value is
        still open. Line ends are those of ``str.splitlines``; ``#TYPE`` lines are skipped.
        """
        if not pending and text.isprintable():
            # Every character splitlines() breaks at is unprintable: one line, no line end.
            if text.startswith("#TYPE"):
                return [], ""
            if text.count('"') % 2:
                return [], text
            return ([text] if text.strip() else []), ""
        records = []
        for line in text.splitlines(keepends=True):
            if not pending and line.startswith("#TYPE"):
                continue
            pending += line
            if pending.count('"') % 2 == 0:
                if pending.strip():
                    records.append(pending.rstrip("\r\n"))
                pending = ""
        return records, pending

    @staticmethod
    def last(pending: str) -> str | None:
        """The record the last text left open, if it holds more than white space."""
        return pending.rstrip("\r\n") if pending.strip() else None

    @staticmethod
    def records(texts: Iterable[str]) -> Iterator[str]:
        """Every record of ``texts``, in order (see :meth:`split`)."""
        pending = ""
        for text in texts:
            records, pending = CsvRows.split(text, pending)
            yield from records
        last = CsvRows.last(pending)
        if last is not None:
            yield last

    @staticmethod
    def fields(record: str, field_limit: int) -> list[str]:
        """The values of one record (``[]`` for none), as ``csv.reader`` reads its lines.

        ``field_limit`` is ``csv.field_size_limit()``: a longer record goes to the reader,
        which refuses an oversized field.
        """
        # "v1","v2",...: when the only quotes are those around each value, the values are
        # the text between them (line breaks inside quotes included).
        if len(record) >= 2 and record[0] == '"' and record[-1] == '"' and len(record) <= field_limit:
            values = record[1:-1].split('","')
            if record.count('"') == 2 * len(values):
                return values
        return next(csv.reader(record.splitlines(keepends=True)), [])
