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
        header = root.find("s:Header", NS)
        if header is None:
            raise MalformedRequestError("no SOAP header")

        def text(path: str, default: str = "") -> str:
            element = header.find(path, NS)
            return (element.text or default).strip() if element is not None else default

        selectors = {s.attrib.get("Name", ""): (s.text or "") for s in header.findall("wsman:SelectorSet/wsman:Selector", NS)}
        options = {o.attrib.get("Name", ""): (o.text or "") for o in header.findall("wsman:OptionSet/wsman:Option", NS)}
        locale_element = header.find("wsman:Locale", NS)
        locale = locale_element.attrib.get("{http://www.w3.org/XML/1998/namespace}lang", "en-US") if locale_element is not None else "en-US"
        body = root.find("s:Body", NS)
        first = next(iter(body), None) if body is not None else None
        try:
            max_envelope = int(text("wsman:MaxEnvelopeSize", "153600"))
        except ValueError:
            max_envelope = 153600
        return cls(
            action=text("wsa:Action"),
            message_id=text("wsa:MessageID"),
            resource_uri=text("wsman:ResourceURI"),
            selectors=selectors,
            options=options,
            operation_timeout_s=parse_duration(text("wsman:OperationTimeout", "PT60S")),
            max_envelope_size=max_envelope,
            locale=locale,
            body=first,
        )


def parse_duration(value: str) -> float:
    """An xs:duration such as ``PT20S`` or ``PT1M30.5S`` in seconds (60 when unreadable)."""
    match = _DURATION.match(value.strip())
    if not match:
        return 60.0
    days, hours, minutes, seconds = match.groups()
    return int(days or 0) * 86400 + int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds or 0)
