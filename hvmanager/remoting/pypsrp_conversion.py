"""Turn what pypsrp returns into neutral values, ``Record``s and ``ErrorInfo``s.

pypsrp keeps ``DateTime``, ``TimeSpan`` and ``Version`` as bare strings, indistinguishable
from ``String``. Each object it deserialises keeps its raw CLIXML, though (``_xml``, which
pypsrp itself re-reads in ``get_command_metadata``), so objects are decoded again with
psrpcore for exact types. Only when that is impossible (an element that refers to a type
list outside itself) is the pypsrp object converted directly.
"""

from __future__ import annotations

import uuid
from types import MappingProxyType
from typing import Any
from xml.etree.ElementTree import ParseError

from psrpcore.types import ErrorCategory
from pypsrp.complex_objects import ComplexObject, GenericComplexObject

from hvmanager.remoting import psrpcore_conversion
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.record import Record


def to_record(value: Any) -> Record:
    """Convert one pypsrp output object into a ``Record``."""
    neutral = to_neutral(value)
    if isinstance(neutral, Record):
        return neutral
    return Record(to_string=None if neutral is None else str(neutral), value=neutral)


def to_neutral(value: Any, depth: int = 0) -> Any:
    """Convert a pypsrp value into a Python primitive, list, dict or ``Record``."""
    if isinstance(value, ComplexObject):
        raw = getattr(value, "_xml", None)
        if raw:
            try:
                return psrpcore_conversion.to_neutral(psrpcore_conversion.decode_clixml_element(raw))
            except (KeyError, ValueError, TypeError, AttributeError, ParseError):
                pass  # fall back to the pypsrp object itself
        if isinstance(value, GenericComplexObject):
            return _generic_record(value, depth)
        return str(value)
    if isinstance(value, dict):
        return {_key(k): to_neutral(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_neutral(item, depth + 1) for item in value]
    if value is None or isinstance(value, (bool, int, float, str, bytes, uuid.UUID)):
        return value
    return str(value)


def error_info(record: Any) -> ErrorInfo:
    """Convert a pypsrp ``ErrorRecord`` (error stream or failed pipeline state) into an ``ErrorInfo``."""
    exception = getattr(record, "exception", None)
    exception_message = None
    exception_type = ""
    if isinstance(exception, GenericComplexObject):
        exception_message = exception.adapted_properties.get("Message") \
            or exception.extended_properties.get("Message")
        exception_type = exception.types[0] if exception.types else ""
        exception_type = psrpcore_conversion.wire_type_names([exception_type])[0] if exception_type else ""
    elif exception is not None:
        exception_message = str(exception)
    message = getattr(record, "details_message", None) or exception_message \
        or getattr(record, "message", None) or "The command failed."
    return ErrorInfo(
        message=str(message),
        fully_qualified_error_id=str(getattr(record, "fq_error", "") or ""),
        category=_category_name(getattr(record, "category", None)),
        reason=str(getattr(record, "reason", "") or ""),
        target_name=str(getattr(record, "target_name", "") or ""),
        exception_type=exception_type,
    )


def _category_name(value: Any) -> str:
    if value is None:
        return ""
    try:
        return ErrorCategory(int(value)).name
    except (ValueError, TypeError):
        return str(value)


def _key(key: Any) -> Any:
    neutral = to_neutral(key)
    return neutral if isinstance(neutral, (str, int, float, bool, uuid.UUID, type(None))) else str(neutral)


def _generic_record(value: GenericComplexObject, depth: int) -> Record:
    type_names = psrpcore_conversion.wire_type_names(list(value.types))
    if "System.Enum" in type_names:
        number = value.property_sets[0] if value.property_sets else None
        return Record(type_names=type_names, to_string=value.to_string, value=number)
    properties: dict[str, Any] = {}
    if depth < 16:
        for name, item in list(value.adapted_properties.items()) + list(value.extended_properties.items()):
            properties[name] = to_neutral(item, depth + 1)
    wrapped = to_neutral(value.property_sets[0], depth + 1) if value.property_sets else None
    return Record(type_names=type_names, properties=MappingProxyType(properties),
                  to_string=value.to_string, value=wrapped)
