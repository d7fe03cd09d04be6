"""Render a structured ``Pipeline`` as the PowerShell a user would type (for the log pane).

The text is for people: it is never sent to a host (commands travel as typed PSRP
values). It must still be exact, so a user can paste it: every string that is not a
plain word is single-quoted with its quote characters doubled, including the
typographic quotes PowerShell also treats as single quotes.
"""

from __future__ import annotations

import enum
import re
import uuid
from datetime import date, datetime, timedelta
from typing import Any, Mapping

from hvmanager.remoting.command import Command
from hvmanager.remoting.pipeline import Pipeline

#: Characters PowerShell accepts as a single quote: ' and U+2018..U+201B.
SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
#: A word PowerShell reads back as the same string in argument mode. Deliberately
#: narrow: it must start with a letter and holds no character with a meaning
#: (no $ ` ' " ; | & , ( ) { } @ # < > spaces or dashes at the start).
_BARE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*\*?\Z")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_COMMAND_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)?\Z")


def quote(text: str) -> str:
    """``text`` as a single-quoted PowerShell literal (quote characters doubled)."""
    return "'" + "".join(ch * 2 if ch in SINGLE_QUOTES else ch for ch in text) + "'"


def render_string(text: str, argument_mode: bool = True) -> str:
    """A plain word bare in argument mode (``vmms``), anything else quoted.

    In expression mode (inside ``@()`` or ``@{}``) a bare word would run as a command,
    so strings are always quoted there.
    """
    if argument_mode and _BARE_WORD.match(text) and not text.endswith("."):
        return text
    return quote(text)


def render_value(value: Any, argument_mode: bool = True) -> str:
    """One parameter value as PowerShell source (argument mode unless told otherwise)."""
    if value is None:
        return "$null"
    if isinstance(value, bool):
        return "$true" if value else "$false"
    if isinstance(value, enum.Enum):
        return render_value(value.value, argument_mode)
    if isinstance(value, uuid.UUID):
        # Bare in argument mode (as users type it); a string in expression mode.
        return str(value) if argument_mode else quote(str(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _render_float(value)
    if isinstance(value, str):
        return render_string(value, argument_mode)
    if isinstance(value, (datetime, date)):
        return "([datetime]" + quote(value.isoformat()) + ")"
    if isinstance(value, timedelta):
        return "([timespan]::FromTicks(" + str(_ticks(value)) + "))"
    if isinstance(value, Mapping):
        items = "; ".join(f"{_render_key(k)} = {render_value(v, False)}" for k, v in value.items())
        return "@{" + items + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        values = list(value)
        if argument_mode and len(values) > 1:
            # `-Property Id, Name, State`: an argument-mode array, as users type it.
            return ", ".join(_render_element(v) for v in values)
        if argument_mode and len(values) == 1:
            # `-Property Name`: PowerShell binds a scalar to an array parameter as a
            # one-element array, and that is what users type.
            return _render_element(values[0])
        return "@(" + ", ".join(render_value(v, False) for v in values) + ")"
    if isinstance(value, bytes):
        return "([byte[]]@(" + ", ".join(str(b) for b in value) + "))"
    raise TypeError(f"No PowerShell rendering for {type(value).__name__}")


def _render_element(value: Any) -> str:
    # An element of an argument-mode array: nested collections need their own @().
    if isinstance(value, (list, tuple, set, frozenset)):
        return render_value(value, False)
    return render_value(value, True)


def _render_float(value: float) -> str:
    if value != value:
        return "([double]::NaN)"
    if value in (float("inf"), float("-inf")):
        return "([double]::PositiveInfinity)" if value > 0 else "([double]::NegativeInfinity)"
    return repr(value)


def _ticks(value: timedelta) -> int:
    return ((value.days * 86400 + value.seconds) * 1_000_000 + value.microseconds) * 10


def _render_key(key: Any) -> str:
    return key if isinstance(key, str) and _IDENTIFIER.match(key) else render_value(key, False)


def render_parameter(name: str, value: Any) -> str:
    """``-Name value``; ``True`` is a present switch (``-Name``), ``False`` ``-Name:$false``."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"Not a parameter name: {name!r}")
    if value is True:
        return f"-{name}"
    if value is False:
        return f"-{name}:$false"
    return f"-{name} {render_value(value)}"


def render_command(command: Command) -> str:
    """One command with its parameters, in order."""
    name = command.name if _COMMAND_NAME.match(command.name) else "& " + quote(command.name)
    return " ".join([name] + [render_parameter(k, v) for k, v in command.parameters])


def render_pipeline(pipeline: Pipeline) -> str:
    """Commands joined by `` | `` — the line the log pane shows."""
    return " | ".join(render_command(c) for c in pipeline.commands)
