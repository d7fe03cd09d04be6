"""Is this text a computer name, FQDN or IP address we can connect to? Said in words."""

from __future__ import annotations

import ipaddress
import string
import unicodedata

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

_NAME_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_.")
_MAX_NAME_LENGTH = 253
_MAX_LABEL_LENGTH = 63


def normalized_address(text: str) -> str:
    """The address as it will be saved: trimmed, IPv6 brackets removed."""
    address = text.strip()
    if address.startswith("[") and address.endswith("]"):
        address = address[1:-1]
    return address


def _character_name(character: str) -> str:
    if character.isprintable() and not character.isspace() \
            and not unicodedata.category(character).startswith("M"):
        return f"'{character}'"
    # Invisible characters (zero-width space, bidi override, control codes) and combining
    # marks (they would sit on the quote) would be unreadable: name them by code point.
    return f"U+{ord(character):04X} {unicodedata.name(character, '')}".strip()


def _ipv4_problem(address: str) -> str:
    try:
        ipaddress.IPv4Address(address)
    except ValueError:
        return translate("HostAddressCheck",
                         "'%1' is not a valid IPv4 address (four numbers from 0 to 255, "
                         "separated by dots).").replace("%1", address)
    return ""


def _name_problem(address: str) -> str:
    if len(address) > _MAX_NAME_LENGTH:
        return translate("HostAddressCheck", "The name is longer than 253 characters.")
    if address.startswith(".") or address.endswith(".") or ".." in address:
        return translate("HostAddressCheck",
                         "A name cannot start or end with a dot, or contain two dots in a row.")
    for label in address.split("."):
        if len(label) > _MAX_LABEL_LENGTH:
            return translate("HostAddressCheck",
                             "Each part of a name between dots can have at most 63 characters.")
        if label.startswith("-") or label.endswith("-"):
            return translate("HostAddressCheck",
                             "A part of a name cannot start or end with a hyphen.")
    return ""


def address_problem(text: str) -> str:
    """What is wrong with ``text`` as a host address, for the user; "" when it is fine.

    Accepts a computer name (``hv01``), an FQDN (``hv01.corp.example``), an IPv4
    address or an IPv6 address (with or without brackets). Surrounding spaces are
    ignored. Anything else is refused with a message that names the problem: spaces,
    a port, a URL, a user name, or the first character that cannot be in a name.
    """
    address = normalized_address(text)
    if not address:
        return translate("HostAddressCheck", "Enter the computer's name, FQDN or IP address.")
    if "://" in address:
        return translate("HostAddressCheck", "Enter only the computer's name or address; "
                         "choose HTTP or HTTPS below.")
    if "@" in address:
        return translate("HostAddressCheck", "Enter the user name under 'Connect as another "
                         "user', not in the address.")
    if any(character.isspace() for character in address):
        return translate("HostAddressCheck", "A computer name cannot contain spaces.")
    if ":" in address:
        try:
            ipaddress.IPv6Address(address.split("%", 1)[0])
        except ValueError:
            return translate("HostAddressCheck",
                             "Enter the port in the Port field, not after the name.")
        return ""
    for character in address:
        if character not in _NAME_CHARACTERS:
            return translate("HostAddressCheck",
                             "%1 cannot be part of a computer name. Use letters, digits, "
                             "hyphens and dots.").replace("%1", _character_name(character))
    if address[0].isdigit() and all(part.isdigit() for part in address.split(".") if part):
        return _ipv4_problem(address)
    return _name_problem(address)
