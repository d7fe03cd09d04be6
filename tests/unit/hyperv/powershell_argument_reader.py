"""A reader for the subset of PowerShell argument syntax the renderer emits.

It follows PowerShell's tokenizer rules for single-quoted strings (any of ' and
U+2018..U+201B opens and closes; two quote characters in a row stand for the second)
and for bare words (run to whitespace, comma or a character with meaning), so a
rendering that let a value escape its quotes reads back differently.
"""

from __future__ import annotations

SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
_WORD_END = " \t\r\n,;|&(){}@$`\"'\u2018\u2019\u201a\u201b"


class ReadError(ValueError):
    pass


def read_argument(text: str, start: int = 0) -> tuple[str, int]:
    """One string argument (quoted or bare) starting at ``start``; returns (value, end)."""
    if start >= len(text):
        raise ReadError("nothing to read")
    if text[start] in SINGLE_QUOTES:
        out = []
        i = start + 1
        while True:
            if i >= len(text):
                raise ReadError("unterminated string")
            ch = text[i]
            if ch in SINGLE_QUOTES:
                if i + 1 < len(text) and text[i + 1] in SINGLE_QUOTES:
                    out.append(text[i + 1])
                    i += 2
                    continue
                return "".join(out), i + 1
            out.append(ch)
            i += 1
    i = start
    while i < len(text) and text[i] not in _WORD_END:
        i += 1
    if i == start:
        raise ReadError(f"unexpected {text[start]!r}")
    return text[start:i], i


def read_whole(text: str) -> str:
    """Exactly one argument spanning all of ``text``."""
    value, end = read_argument(text)
    if end != len(text):
        raise ReadError(f"trailing text {text[end:]!r}")
    return value


def read_list(text: str) -> list[str]:
    """An argument-mode array ``a, 'b', c``."""
    values = []
    i = 0
    while True:
        value, i = read_argument(text, i)
        values.append(value)
        if i == len(text):
            return values
        if text[i:i + 2] != ", ":
            raise ReadError(f"expected ', ' at {i}")
        i += 2
