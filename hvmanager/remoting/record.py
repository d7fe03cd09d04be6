"""A neutral view of one PowerShell object, whichever library deserialised it."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping


@dataclass(frozen=True)
class Record:
    """One object from the output stream.

    ``type_names`` is the .NET type-name chain as sent (it may or may not carry a
    ``Deserialized.`` or ``Selected.`` prefix). ``properties`` hold adapted and note
    properties; their values are Python primitives (str, int, bool, float, datetime,
    timedelta, uuid.UUID, bytes, None), lists, dicts, or nested ``Record``s for complex
    values such as enums. ``to_string`` is the object's ToString; ``value`` is the
    primitive an object wraps (an enum's integer), else None.
    """

    type_names: tuple[str, ...] = ()
    properties: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    to_string: str | None = None
    value: Any = None

    def is_type(self, suffix: str) -> bool:
        """True when a type name ends with ``suffix`` (prefixes ignored)."""
        return any(name == suffix or name.endswith("." + suffix) or name.endswith(suffix)
                   for name in self.type_names)

    def get(self, *names: str, default: Any = None) -> Any:
        """Return the first present property among ``names`` (case-insensitive)."""
        for name in names:
            if name in self.properties:
                return self.properties[name]
        lowered = {key.lower(): value for key, value in self.properties.items()}
        for name in names:
            if name.lower() in lowered:
                return lowered[name.lower()]
        return default
