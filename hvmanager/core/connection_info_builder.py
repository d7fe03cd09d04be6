"""Turn a saved server (no secrets) plus a password held in memory into a transport description."""

from __future__ import annotations

from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.remoting.connection_info import CertificatePolicy, ConnectionInfo

_POLICIES = {
    CertificateValidation.SYSTEM_STORE: CertificatePolicy.SYSTEM_STORE,
    CertificateValidation.CA_FILE: CertificatePolicy.CA_FILE,
    CertificateValidation.SKIP: CertificatePolicy.NO_VALIDATION,
}
#: TCP and TLS set-up never needs the full call timeout; a dead address fails sooner.
_MAX_CONNECT_TIMEOUT_S = 10.0


def connection_info_for(config: ServerConfig, password: str | None = None,
                        call_timeout_s: float = 30.0) -> ConnectionInfo:
    """The ``ConnectionInfo`` for ``config``; ``call_timeout_s`` bounds every call.

    An empty user name means "my Windows credentials" (Negotiate/SSPI, or Kerberos).
    """
    return ConnectionInfo(
        address=config.address.strip() or "localhost",
        transport=config.transport.value,
        port=config.port,
        auth=config.auth.value,
        user=config.user_name or None,
        password=password,
        certificate_policy=_POLICIES[config.certificate_validation],
        ca_file=config.ca_file or None,
        connect_timeout_s=min(_MAX_CONNECT_TIMEOUT_S, call_timeout_s),
        operation_timeout_s=call_timeout_s,
    )
