"""Build the right session for a connection description."""

from __future__ import annotations

from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.network_loop import NetworkLoop
from hvmanager.remoting.outofproc_session import OutOfProcSession
from hvmanager.remoting.powershell_session import PowerShellSession
from hvmanager.remoting.winrm_session import WinRMSession

#: Authentications our own WinRM transport speaks; Kerberos and CredSSP stay on pypsrp.
_OWN_TRANSPORT_AUTHS = ("negotiate", "ntlm", "basic")


def create_session(info: ConnectionInfo, *, network: NetworkLoop | None = None) -> PowerShellSession:
    """An unopened session: ``local`` -> ``OutOfProcSession``; ``http``/``https`` with
    Negotiate, NTLM or Basic -> ``WinRMSession`` (our transport on psrpcore) on ``network``
    (shared with other hosts; None: a loop of its own); Kerberos and CredSSP ->
    ``WSManSession`` (pypsrp).

    Raises ``ConfigurationError`` for descriptions that must not go on the wire (Basic over
    HTTP, CredSSP without requests-credssp).
    """
    if info.transport == "local":
        return OutOfProcSession(info)
    if info.auth in _OWN_TRANSPORT_AUTHS:
        return WinRMSession(info, network=network)
    # pypsrp (with requests) is imported here, for the first Kerberos or CredSSP server only:
    # ~0.1 s the window's start no longer pays for the servers most users have.
    from hvmanager.remoting.wsman_session import WSManSession  # noqa: PLC0415

    return WSManSession(info)
