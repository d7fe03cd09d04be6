"""Type parameter values for the wire, so a value is never turned into PowerShell text.

``Command`` parameters are plain Python values. PSRP needs a .NET type for each; the
libraries guess some wrongly (pypsrp sends ``float`` as ``Single`` and cannot send
``DateTime``; psrpcore sends ``float`` as ``Single`` too), so the type is chosen here once.
"""

from __future__ import annotations

import enum
from typing import Any
from xml.etree.ElementTree import Element

from psrpcore.types import PSDouble, PSInt, PSInt64, serialize

from hvmanager.remoting.psrpcore_conversion import opaque_cipher

_INT32 = range(-(2**31), 2**31)


def to_psrpcore(value: Any) -> Any:
    """The psrpcore value that serialises to the right CLIXML element for ``value``."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, int):
        return PSInt(value) if value in _INT32 else PSInt64(value)
    if isinstance(value, float):
        return PSDouble(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_psrpcore(item) for item in value]
    return value


def to_pypsrp(value: Any) -> Any:
    """A value pypsrp inserts verbatim: a CLIXML element, or a list of them for arrays."""
    if isinstance(value, (list, tuple, set, frozenset)):
        # pypsrp wraps the list itself, so object reference ids stay unique in the message.
        return [to_pypsrp(item) for item in value]
    element: Element = serialize(to_psrpcore(value), opaque_cipher())
    return element
