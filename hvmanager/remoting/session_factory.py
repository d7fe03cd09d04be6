"""Build the right session for a connection description."""

from __future__ import annotations

from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.outofproc_session import OutOfProcSession
from hvmanager.remoting.powershell_session import PowerShellSession
from hvmanager.remoting.wsman_session import WSManSession


def create_session(info: ConnectionInfo) -> PowerShellSession:
    """An unopened session: ``local`` -> ``OutOfProcSession``, ``http``/``https`` -> ``WSManSession``.

    Raises ``ConfigurationError`` for descriptions that must not go on the wire (Basic over
    HTTP, CredSSP without requests-credssp).
    """
    if info.transport == "local":
        return OutOfProcSession(info)
    return WSManSession(info)
