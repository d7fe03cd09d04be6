"""Turn what pypsrp returns into neutral values, ``Record``s and ``ErrorInfo``s.

pypsrp keeps ``DateTime`` and ``TimeSpan`` as bare strings, indistinguishable from
``String``. Each object it deserialises keeps its raw CLIXML, though (``_xml``, which
pypsrp itself re-reads in ``get_command_metadata``). So the pypsrp values are walked
together with that XML: the element beside each value says its wire type, and only
``DT``/``TS`` elements are decoded again (with psrpcore). This keeps the client's CPU per
object close to what pypsrp already spends, instead of deserialising everything twice.
"""

from __future__ import annotations

import uuid
from types import MappingProxyType
from typing import Any
from xml.etree import ElementTree

from psrpcore.types import ErrorCategory
from pypsrp.complex_objects import ComplexObject, GenericComplexObject

from hvmanager.remoting import psrpcore_conversion
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.record import Record

_MAX_DEPTH = 16
_TYPED_TEXT = ("DT", "TS")  # wire types pypsrp leaves as text
_COLLECTIONS = ("LST", "IE", "QUE", "STK")


def to_record(value: Any) -> Record:
    """Convert one pypsrp output object into a ``Record``."""
    neutral = to_neutral(value)
    if isinstance(neutral, Record):
        return neutral
    return Record(to_string=None if neutral is None else str(neutral), value=neutral)


def to_neutral(value: Any) -> Any:
    """Convert a pypsrp value into a Python primitive, list, dict or ``Record``."""
    element, references = None, {}
    raw = getattr(value, "_xml", None) if isinstance(value, ComplexObject) else None
    if raw:
        try:
            element = ElementTree.fromstring(raw)
            references = {e.attrib["RefId"]: e for e in element.iter("Obj") if "RefId" in e.attrib}
        except ElementTree.ParseError:
            element = None
    try:
        return _Walker(references).convert(value, element, 0)
    except _NeedsFullDecode:
        pass
    try:
        # pypsrp did not understand part of the object: decode all of it with psrpcore.
        return psrpcore_conversion.to_neutral(psrpcore_conversion.decode_clixml_element(raw))
    except (KeyError, ValueError, TypeError, AttributeError, ElementTree.ParseError):
        return _Walker({}).convert(value, None, 0)


def error_info(record: Any) -> ErrorInfo:
    """Convert a pypsrp ``ErrorRecord`` (error stream or failed pipeline state) into an ``ErrorInfo``."""
    exception = getattr(record, "exception", None)
    exception_message = None
    exception_type = ""
    if isinstance(exception, GenericComplexObject):
        exception_message = exception.adapted_properties.get("Message") \
            or exception.extended_properties.get("Message")
        exception_type = exception.types[0] if exception.types else ""
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
        target_object=_target_object(record),
    )


def _target_object(record: Any) -> Any:
    """The record's TargetObject as a neutral value; None when absent or unreadable (it only
    tells which input an error belongs to, so it must never fail the whole result)."""
    target = getattr(record, "target_object", None)
    if target is None:
        return None
    try:
        return to_neutral(target)
    except (KeyError, ValueError, TypeError, AttributeError, ElementTree.ParseError):
        return None


class _NeedsFullDecode(Exception):
    """pypsrp kept part of the object as raw text (a collection of a type it does not know)."""


class _Walker:
    """Walks a pypsrp value and the CLIXML element it came from side by side."""

    def __init__(self, references: dict[str, ElementTree.Element]) -> None:
        self._references = references

    def convert(self, value: Any, element: ElementTree.Element | None, depth: int) -> Any:
        if element is not None and element.tag == "Ref":
            element = self._references.get(element.attrib.get("RefId", ""))
        if element is not None and element.tag in _TYPED_TEXT and isinstance(value, str):
            return psrpcore_conversion.to_neutral(
                psrpcore_conversion.decode_clixml_element(ElementTree.tostring(element)))
        if depth > _MAX_DEPTH:
            return str(value)
        if isinstance(value, GenericComplexObject):
            return self._record(value, element, depth)
        if isinstance(value, ComplexObject):
            return str(value)
        if isinstance(value, dict):
            entries = _children(element, "DCT")
            values = [_named(entry, "Value") for entry in entries]
            if len(values) != len(value):
                values = [None] * len(value)
            return {_key(self.convert(k, None, depth + 1)): self.convert(v, e, depth + 1)
                    for (k, v), e in zip(value.items(), values)}
        if isinstance(value, (list, tuple)):
            items = next((found for tag in _COLLECTIONS if (found := _children(element, tag))), [])
            if len(items) != len(value):
                items = [None] * len(value)
            return [self.convert(v, e, depth + 1) for v, e in zip(value, items)]
        if value is None or isinstance(value, (bool, int, float, str, bytes, uuid.UUID)):
            return value
        return str(value)

    def _record(self, value: GenericComplexObject, element: ElementTree.Element | None, depth: int) -> Record:
        type_names = tuple(value.types)  # pypsrp keeps the names as sent
        if "System.Enum" in type_names:
            number = value.property_sets[0] if value.property_sets else None
            return Record(type_names=type_names, to_string=value.to_string, value=number)
        if element is not None and any(element.find(tag) is not None for tag in _COLLECTIONS + ("DCT",)):
            # e.g. List`1[[Microsoft.HyperV.PowerShell.VMNetworkAdapter, ...]]: pypsrp only knows
            # generic lists of .NET primitives and leaves the items as XML text.
            raise _NeedsFullDecode()
        elements: dict[str, ElementTree.Element] = {}
        for section in ("Props", "MS"):
            for child in _children(element, section):
                elements[child.attrib.get("N", "")] = child
        properties = {name: self.convert(item, elements.get(name), depth + 1)
                      for name, item in list(value.adapted_properties.items())
                      + list(value.extended_properties.items())}
        wrapped = None
        if value.property_sets:
            inner = [child for child in (element if element is not None else ())
                     if child.tag not in ("TN", "TNRef", "ToString", "Props", "MS")]
            wrapped = self.convert(value.property_sets[0], inner[0] if inner else None, depth + 1)
        return Record(type_names=type_names, properties=MappingProxyType(properties),
                      to_string=value.to_string, value=wrapped)


def _children(element: ElementTree.Element | None, tag: str) -> list[ElementTree.Element]:
    if element is None:
        return []
    found = element.find(tag)
    return list(found) if found is not None else []


def _named(entry: ElementTree.Element, name: str) -> ElementTree.Element | None:
    return next((child for child in entry if child.attrib.get("N") == name), None)


def _category_name(value: Any) -> str:
    if value is None:
        return ""
    try:
        return ErrorCategory(int(value)).name
    except (ValueError, TypeError):
        return str(value)


def _key(key: Any) -> Any:
    return key if isinstance(key, (str, int, float, bool, uuid.UUID, type(None))) else str(key)
