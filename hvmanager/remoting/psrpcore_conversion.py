"""Turn objects deserialised by psrpcore into neutral values, ``Record``s and ``ErrorInfo``s.

Both transports end here: the out-of-process session gets psrpcore objects directly, the
WinRM session decodes pypsrp's raw CLIXML with psrpcore first, so a property has the same
Python type whichever way it came (``TS`` is a ``timedelta``, ``DT`` a ``datetime``...).
"""

from __future__ import annotations

import datetime
import decimal
import enum
import uuid
from types import MappingProxyType
from typing import Any
from xml.etree import ElementTree

from psrpcore.types import (
    PSCryptoProvider,
    PSDateTime,
    PSDuration,
    PSGuid,
    PSObject,
    PSSecureString,
    PSVersion,
    deserialize,
)

from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.record import Record

_DESERIALIZED = "Deserialized."
# Records nest at most this deep; PowerShell itself serialises only one level by default.
_MAX_DEPTH = 16


class _NoSecrets(PSCryptoProvider):
    """We never exchange a session key, so a SecureString stays opaque."""

    def decrypt(self, value: str) -> str:
        raise ValueError("SecureString values cannot be read without a session key")

    def encrypt(self, value: str) -> str:
        raise ValueError("SecureString values cannot be sent without a session key")


def opaque_cipher() -> PSCryptoProvider:
    """A crypto provider for (de)serialising without a session key."""
    return _NoSecrets()


def decode_clixml_element(xml_text: str) -> Any:
    """Deserialise one CLIXML element (``<Obj>...</Obj>``, ``<S>..</S>``) with psrpcore."""
    return deserialize(ElementTree.fromstring(xml_text), _NoSecrets())


def wire_type_names(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The type names as the host sent them: psrpcore prefixes unknown types with ``Deserialized.``."""
    return tuple(name[len(_DESERIALIZED):] if name.startswith(_DESERIALIZED) else name for name in names)


def to_neutral(value: Any, depth: int = 0) -> Any:
    """Convert one psrpcore value into a Python primitive, list, dict or ``Record``."""
    if value is None or isinstance(value, bool):
        return value
    if depth > _MAX_DEPTH:
        return str(value)
    meta = getattr(value, "PSObject", None)
    type_names = wire_type_names(list(meta.type_names)) if meta is not None else ()
    if "System.Enum" in type_names or isinstance(value, enum.Enum):
        return _enum_record(value, type_names)
    primitive = _primitive(value)
    if primitive is not _NOT_PRIMITIVE:
        return primitive
    if isinstance(value, dict):
        return {_key(k): to_neutral(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_neutral(item, depth + 1) for item in value]
    if meta is not None:
        return _object_record(value, meta, type_names, depth)
    return str(value)


def to_record(value: Any) -> Record:
    """Convert one output object into a ``Record`` (a bare primitive becomes ``Record(value=...)``)."""
    neutral = to_neutral(value)
    if isinstance(neutral, Record):
        return neutral
    meta = getattr(value, "PSObject", None)
    type_names = wire_type_names(list(meta.type_names)) if meta is not None else ()
    return Record(type_names=type_names, to_string=None if neutral is None else str(neutral), value=neutral)


def error_info(record: Any) -> ErrorInfo:
    """Convert a psrpcore ``ErrorRecord`` into an ``ErrorInfo``."""
    exception = getattr(record, "Exception", None)
    category = getattr(record, "CategoryInfo", None)
    details = getattr(record, "ErrorDetails", None)
    message = (getattr(details, "Message", None) if details is not None else None) \
        or (getattr(exception, "Message", None) if exception is not None else None) \
        or str(getattr(category, "PSObject", None) and category.PSObject.to_string or "")
    exception_types = wire_type_names(list(exception.PSObject.type_names)) if exception is not None else ()
    category_name = ""
    if category is not None and getattr(category, "Category", None) is not None:
        category_name = getattr(category.Category, "name", str(category.Category))
    return ErrorInfo(
        message=str(message or "The command failed."),
        fully_qualified_error_id=str(getattr(record, "FullyQualifiedErrorId", "") or ""),
        category=category_name,
        reason=str(getattr(category, "Reason", "") or "") if category is not None else "",
        target_name=str(getattr(category, "TargetName", "") or "") if category is not None else "",
        exception_type=exception_types[0] if exception_types else "",
        target_object=_target_object(record),
    )


def _target_object(record: Any) -> Any:
    """The record's TargetObject as a neutral value; None when absent or unreadable (it only
    tells which input an error belongs to, so it must never fail the whole result)."""
    target = getattr(record, "TargetObject", None)
    if target is None:
        return None
    try:
        return to_neutral(target)
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


class _NotPrimitive:
    pass


_NOT_PRIMITIVE = _NotPrimitive()


def _primitive(value: Any) -> Any:
    """The plain Python value of a psrpcore primitive, or ``_NOT_PRIMITIVE``."""
    if isinstance(value, PSDateTime):
        return datetime.datetime(value.year, value.month, value.day, value.hour, value.minute,
                                 value.second, value.microsecond, tzinfo=value.tzinfo)
    if isinstance(value, PSDuration):
        return datetime.timedelta(days=value.days, seconds=value.seconds, microseconds=value.microseconds)
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.timedelta):
        return value
    if isinstance(value, PSGuid):
        return uuid.UUID(str(value))
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, PSVersion):
        return str(value)
    if isinstance(value, PSSecureString):
        return None
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, int):
        if type(value).__name__ == "PSChar":
            return chr(int(value))
        return int(value)
    return _NOT_PRIMITIVE


def _key(key: Any) -> Any:
    neutral = to_neutral(key)
    return neutral if isinstance(neutral, (str, int, float, bool, uuid.UUID, type(None))) else str(neutral)


def _enum_record(value: Any, type_names: tuple[str, ...]) -> Record:
    meta = getattr(value, "PSObject", None)
    to_string = meta.to_string if meta is not None and meta.to_string is not None else None
    if to_string is None and isinstance(value, enum.Enum):
        to_string = value.name
    number = value.value if isinstance(value, enum.Enum) else value
    try:
        number = int(number)
    except (TypeError, ValueError):
        pass
    return Record(type_names=type_names, to_string=str(to_string) if to_string is not None else str(number),
                  value=number)


def _object_record(value: Any, meta: Any, type_names: tuple[str, ...], depth: int) -> Record:
    properties: dict[str, Any] = {}
    # Adapted properties first, then note properties (Select-Object output has only the latter).
    for prop in list(meta.adapted_properties) + list(meta.extended_properties):
        try:
            raw = prop.get_value(value)
        except Exception:  # a script/alias property psrpcore cannot evaluate: skip it
            continue
        properties[prop.name] = to_neutral(raw, depth + 1)
    to_string = meta.to_string
    if to_string is None and not isinstance(value, PSObject):
        to_string = str(value)
    return Record(type_names=type_names, properties=MappingProxyType(properties),
                  to_string=None if to_string is None else str(to_string))
