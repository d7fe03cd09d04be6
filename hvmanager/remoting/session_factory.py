"""Build the right session for a connection description."""

from __future__ import annotations

import importlib

from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.network_loop import NetworkLoop
from hvmanager.remoting.powershell_session import PowerShellSession

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
    # The transports (psrpcore, pyspnego, cryptography: ~0.15 s) are imported by the first
    # server that needs one, not with the app: the window of a user without servers, or
    # the window a fan-out builds while its first connects wait on the wire, does not wait
    # for them.
    if info.transport == "local":
        from hvmanager.remoting.outofproc_session import OutOfProcSession  # noqa: PLC0415

        return OutOfProcSession(info)
    if info.auth in _OWN_TRANSPORT_AUTHS:
        from hvmanager.remoting.winrm_session import WinRMSession  # noqa: PLC0415

        return WinRMSession(info, network=network)
    # pypsrp (with requests) is imported here, for the first Kerberos or CredSSP server only:
    # ~0.1 s the window's start no longer pays for the servers most users have.
    from hvmanager.remoting.wsman_session import WSManSession  # noqa: PLC0415

    return WSManSession(info)


def import_transports() -> None:
    """Import the transports ``create_session`` builds for HTTP(S) and local hosts (for a
    worker thread: the first server added later then connects without the wait)."""
    for module in ("hvmanager.remoting.outofproc_session", "hvmanager.remoting.winrm_session"):
        importlib.import_module(module)
