"""A parsed WS-Management request envelope."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "wsa": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "wsman": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
    "wsmv": "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd",
    "rsp": "http://schemas.microsoft.com/wbem/wsman/1/windows/shell",
    "wst": "http://schemas.xmlsoap.org/ws/2004/09/transfer",
    "wsmanfault": "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault",
    "cfg": "http://schemas.microsoft.com/wbem/wsman/1/config",
    "pwsh": "http://schemas.microsoft.com/powershell",
}

_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$")


class MalformedRequestError(ValueError):
    """The body is not a WS-Management envelope we can read."""


@dataclass(frozen=True)
class SoapRequest:
    """The header fields the shell operations need, and the body's first element."""

    action: str
    message_id: str
    resource_uri: str = ""
    selectors: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    operation_timeout_s: float = 60.0
    max_envelope_size: int = 153600
    locale: str = "en-US"
    body: ElementTree.Element | None = None

    @classmethod
    def parse(cls, data: bytes) -> "SoapRequest":
        """Parse an envelope; raises ``MalformedRequestError``."""
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            raise MalformedRequestError(str(exc)) from exc
        # The envelope's children and the header's fields by their full names, in one pass
        # each (ElementTree's find() compiles a path for every look-up): the first of each.
        parts: dict[str, ElementTree.Element] = {}
        for child in root:
            parts.setdefault(child.tag, child)
        header = parts.get(_HEADER)
        if header is None:
            raise MalformedRequestError("no SOAP header")
        fields: dict[str, ElementTree.Element] = {}
        for child in header:
            fields.setdefault(child.tag, child)

        def text(tag: str, default: str = "") -> str:
            element = fields.get(tag)
            return (element.text or default).strip() if element is not None else default

        selectors = _named(header, _SELECTOR_SET, _SELECTOR)
        options = _named(header, _OPTION_SET, _OPTION)
        locale_element = fields.get(_LOCALE)
        locale = locale_element.attrib.get(_XML_LANG, "en-US") if locale_element is not None else "en-US"
        body = parts.get(_BODY)
        first = next(iter(body), None) if body is not None else None
        try:
            max_envelope = int(text(_MAX_ENVELOPE, "153600"))
        except ValueError:
            max_envelope = 153600
        return cls(
            action=text(_ACTION),
            message_id=text(_MESSAGE_ID),
            resource_uri=text(_RESOURCE_URI),
            selectors=selectors,
            options=options,
            operation_timeout_s=parse_duration(text(_OPERATION_TIMEOUT, "PT60S")),
            max_envelope_size=max_envelope,
            locale=locale,
            body=first,
        )


def _named(header: ElementTree.Element, set_tag: str, tag: str) -> dict[str, str]:
    """``Name`` attribute -> text of every ``tag`` in every ``set_tag`` of the header
    (selectors, options); the last of a name wins."""
    return {item.attrib.get("Name", ""): (item.text or "")
            for group in header if group.tag == set_tag for item in group if item.tag == tag}


def _full(prefix: str, name: str) -> str:
    return "{" + NS[prefix] + "}" + name


_HEADER, _BODY = _full("s", "Header"), _full("s", "Body")
_ACTION, _MESSAGE_ID = _full("wsa", "Action"), _full("wsa", "MessageID")
_RESOURCE_URI, _MAX_ENVELOPE = _full("wsman", "ResourceURI"), _full("wsman", "MaxEnvelopeSize")
_OPERATION_TIMEOUT, _LOCALE = _full("wsman", "OperationTimeout"), _full("wsman", "Locale")
_SELECTOR_SET, _SELECTOR = _full("wsman", "SelectorSet"), _full("wsman", "Selector")
_OPTION_SET, _OPTION = _full("wsman", "OptionSet"), _full("wsman", "Option")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_duration(value: str) -> float:
    """An xs:duration such as ``PT20S`` or ``PT1M30.5S`` in seconds (60 when unreadable)."""
    match = _DURATION.match(value.strip())
    if not match:
        return 60.0
    days, hours, minutes, seconds = match.groups()
    return int(days or 0) * 86400 + int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds or 0)
