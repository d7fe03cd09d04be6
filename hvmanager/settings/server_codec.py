"""``ServerConfig`` to and from the JSON objects of the saved-servers file."""

from __future__ import annotations

from typing import Any, Mapping

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.message import QT_TRANSLATE_NOOP
from hvmanager.domain.server_config import InvalidServerConfig, ServerConfig
from hvmanager.domain.transport import Transport


def server_to_dict(server: ServerConfig) -> dict[str, Any]:
    """Exactly the fields of ``ServerConfig`` (schema 2): there is nowhere for a secret to go.

    The certificate choice is grouped under ``certificate``, written for HTTPS servers
    and whenever it is not the default (see ``schema_migrations``).
    """
    entry: dict[str, Any] = {
        "address": server.address,
        "transport": server.transport.value,
        "port": server.port,
        "auth": server.auth.value,
        "user_name": server.user_name,
        "display_name": server.display_name,
    }
    default = (server.certificate_validation is CertificateValidation.SYSTEM_STORE
               and not server.ca_file)
    if server.transport is Transport.HTTPS or not default:
        entry["certificate"] = {"validation": server.certificate_validation.value,
                                "ca_file": server.ca_file}
    return entry


def _text(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidServerConfig(QT_TRANSLATE_NOOP("SettingsMessages", "{key} must be text").format(key=key))
    return value


def server_from_dict(entry: Any) -> ServerConfig:
    """Validate one entry; raise ``InvalidServerConfig`` saying what is wrong.

    Unknown keys are ignored (a newer minor version may add some) — including any key
    a hand-edit might add for a password: it is never read.
    """
    if not isinstance(entry, Mapping):
        raise InvalidServerConfig(QT_TRANSLATE_NOOP("SettingsMessages", "an entry is not an object"))
    certificate = entry.get("certificate")
    if certificate is None:
        certificate = {}
    if not isinstance(certificate, Mapping):
        raise InvalidServerConfig(QT_TRANSLATE_NOOP("SettingsMessages", "certificate must be an object"))
    port = entry.get("port")
    if port is not None and (isinstance(port, bool) or not isinstance(port, int)):
        raise InvalidServerConfig(QT_TRANSLATE_NOOP("SettingsMessages", "port must be a number"))
    try:
        transport = Transport(entry.get("transport", Transport.HTTP.value))
        auth = AuthMethod(entry.get("auth", AuthMethod.NEGOTIATE.value))
        validation = CertificateValidation(
            certificate.get("validation", CertificateValidation.SYSTEM_STORE.value))
    except ValueError as error:
        raise InvalidServerConfig(str(error)) from None
    return ServerConfig(address=_text(entry, "address"), transport=transport, port=port,
                        auth=auth, user_name=_text(entry, "user_name"),
                        certificate_validation=validation, ca_file=_text(certificate, "ca_file"),
                        display_name=_text(entry, "display_name"))
