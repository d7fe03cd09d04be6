"""The filter's view of the VM table: lower-case cell texts per row and per-row flags."""

from __future__ import annotations

import operator
from typing import Callable, Sequence

from hvmanager.domain.virtual_machine import VirtualMachine
from hvmanager.models.column import Column


class SearchIndex:
    """Lower-case visible text per row, kept current cell by cell, and filter flags.

    It reads the table's row lists (``keys``, ``vms``), which the table mutates in place
    and reports through :meth:`inserted`, :meth:`removed`, :meth:`reordered` and
    :meth:`invalidate`. Texts are built lazily: nothing is formatted until a filter is
    typed; then all rows at once, column by column, reusing the text of equal values
    (``Column.text_key``); afterwards a refresh re-formats only the cells that changed.
    ``flags`` holds each row's verdict (None: not decided yet, see :meth:`accepts`); it is
    the same list object for the index's lifetime, so the proxy can hold on to it.
    """

    def __init__(self, keys: list[tuple], vms: list[VirtualMachine],
                 host_title: Callable[[str], str]) -> None:
        self._keys = keys
        self._vms = vms
        self._host_title = host_title
        self._columns: Sequence[Column] = ()
        self._cells: list[list[str | None] | tuple[str, ...] | None] = []
        self._texts: list[str | None] = []
        self.flags: list[bool | None] = []
        self._needle = ""
        self._server_key: str | None = None

    # --- keeping up with the table ----------------------------------------------------------

    def set_columns(self, columns: Sequence[Column]) -> None:
        """The visible columns changed: every text is stale."""
        self._columns = tuple(columns)
        self.reset()

    def reset(self) -> None:
        """Forget every text and verdict (language switch, new columns)."""
        count = len(self._vms)
        self._cells[:] = [None] * count
        self._texts[:] = [None] * count
        self.flags[:] = [None] * count

    def inserted(self, position: int, count: int) -> None:
        """``count`` rows were inserted at ``position``."""
        for rows in (self._cells, self._texts, self.flags):
            rows[position:position] = [None] * count

    def removed(self, first: int, last: int) -> None:
        """Rows ``first..last`` were removed."""
        for rows in (self._cells, self._texts, self.flags):
            del rows[first:last + 1]

    def reordered(self, order: Sequence[int]) -> None:
        """Rows were sorted: new row ``i`` is old row ``order[i]``."""
        if len(order) < 2:
            return
        pick = operator.itemgetter(*order)
        for rows in (self._cells, self._texts, self.flags):
            rows[:] = pick(rows)

    def invalidate_rows(self, rows: Sequence[int], sections: Sequence[int] | None = None) -> None:
        """Rows changed: re-format their ``sections`` (every cell when None) when next needed."""
        texts, flags, all_cells = self._texts, self.flags, self._cells
        for row in rows:
            texts[row] = None
            flags[row] = None
            cells = all_cells[row]
            if cells is None:
                continue
            if sections is None:
                all_cells[row] = None
                continue
            cells = list(cells)
            for section in sections:
                cells[section] = None
            all_cells[row] = cells

    # --- texts ------------------------------------------------------------------------------

    def _cell(self, column: Column, row: int) -> str:
        if column.shows_host:
            return self._host_title(self._keys[row][0]).lower()
        return column.text(self._vms[row]).lower()

    def text(self, row: int) -> str:
        """The row's visible texts, lower-case, one line per cell."""
        text = self._texts[row]
        if text is not None:
            return text
        cells = self._cells[row]
        if cells is None:
            cells = [self._cell(column, row) for column in self._columns]
            self._cells[row] = cells
        elif None in cells:
            cells = [self._cell(self._columns[i], row) if cell is None else cell
                     for i, cell in enumerate(cells)]
            self._cells[row] = cells
        text = "\n".join(cells)  # type: ignore[arg-type]
        self._texts[row] = text
        return text

    def text_count(self) -> int:
        """How many rows have their text built now."""
        return len(self._texts) - self._texts.count(None)

    def prepare(self) -> None:
        """Build every missing text; column by column when most rows are missing."""
        missing = self._texts.count(None)
        if not missing:
            return
        if missing * 4 < len(self._texts) or not self._columns:
            for row, text in enumerate(self._texts):
                if text is None:
                    self.text(row)
            return
        columns = [self._column_texts(column) for column in self._columns]
        self._cells[:] = zip(*columns)
        self._texts[:] = map("\n".join, self._cells)  # type: ignore[arg-type]

    def prepare_some(self, limit: int) -> bool:
        """Build up to ``limit`` missing texts; True when some are still missing.

        For building in idle time, a slice per event-loop turn, so the first keystroke
        finds the texts ready without freezing the window for the whole table. Rows never
        built are built column by column, as :meth:`prepare` does.
        """
        texts = self._texts
        rows: list[int] = []
        row = -1
        for _ in range(limit):
            try:
                row = texts.index(None, row + 1)
            except ValueError:
                break
            rows.append(row)
        fresh = [row for row in rows if self._cells[row] is None]
        if len(fresh) > 1 and self._columns:
            keys, vms = self._keys, self._vms
            columns = [self._column_texts(column, [keys[r] for r in fresh], [vms[r] for r in fresh])
                       for column in self._columns]
            cells, all_texts = self._cells, self._texts
            for row, row_cells in zip(fresh, zip(*columns)):
                cells[row] = row_cells
                all_texts[row] = "\n".join(row_cells)
        for row in rows:
            if texts[row] is None:
                self.text(row)
        try:
            texts.index(None, row + 1)
        except ValueError:
            return False
        return True

    def _column_texts(self, column: Column, keys: Sequence[tuple] | None = None,
                      vms: Sequence[VirtualMachine] | None = None) -> list[str]:
        """One column's texts for ``keys``/``vms`` (every row when None); equal values
        (``Column.text_key``) are formatted once."""
        keys = self._keys if keys is None else keys
        vms = self._vms if vms is None else vms
        if column.shows_host:
            titles: dict[str, str] = {}
            out = []
            for key in keys:
                text = titles.get(key[0])
                if text is None:
                    text = titles[key[0]] = self._host_title(key[0]).lower()
                out.append(text)
            return out
        if column.text_key is None:
            return [text.lower() for text in map(column.text, vms)]
        memo: dict[object, str] = {}
        out = []
        fmt, text_key = column.text, column.text_key
        for vm in vms:
            key = text_key(vm)
            text = memo.get(key)
            if text is None:
                text = memo[key] = fmt(vm).lower()
            out.append(text)
        return out

    # --- filter -----------------------------------------------------------------------------

    def set_filter(self, needle: str, server_key: str | None) -> None:
        """Decide every row at once: one server (None: all) and lower-case ``needle``."""
        self._needle = needle
        self._server_key = server_key
        keys = self._keys
        if needle:
            self.prepare()
            texts = self._texts
            if server_key is None:
                flags = [needle in text for text in texts]  # type: ignore[operator]
            else:
                flags = [key[0] == server_key and needle in text  # type: ignore[operator]
                         for key, text in zip(keys, texts)]
        elif server_key is None:
            flags = [True] * len(keys)
        else:
            flags = [key[0] == server_key for key in keys]
        self.flags[:] = flags

    def filtering(self) -> bool:
        """True when a text or server filter is set."""
        return bool(self._needle) or self._server_key is not None

    def refilter(self) -> None:
        """Decide every row again with the current filter (after a wholesale reset)."""
        self.set_filter(self._needle, self._server_key)

    def decide(self, rows: Sequence[int]) -> None:
        """Decide ``rows`` now (after a refresh changed them), before the proxy asks."""
        if not self.filtering():
            flags = self.flags
            for row in rows:
                flags[row] = True
            return
        for row in rows:
            self.accepts(row)

    def accepts(self, row: int) -> bool:
        """The verdict for ``row``, computed and cached when not decided yet."""
        flag = self.flags[row]
        if flag is None:
            flag = ((self._server_key is None or self._keys[row][0] == self._server_key)
                    and (not self._needle or self._needle in self.text(row)))
            self.flags[row] = flag
        return flag
