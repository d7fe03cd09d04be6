"""The NTLM acceptor's credential file, made safe for several hosts in one process.

pyspnego's NTLM acceptor finds its users through the process-wide ``NTLM_USER_FILE``
environment variable, read when a context is created and when the client's
AUTHENTICATE message is checked. Each host writes its own file; every acceptor call
runs under one process-wide lock with the variable pointing at that host's file, so
hosts in one process can have different passwords.

The variable is only ever given a new value, never removed: removing or adding a key
while another thread iterates ``os.environ`` (requests does, for proxy settings) raises
"dictionary keys changed during iteration" there. So once a host has been created the
variable stays set, pointing at the last host's file.

The file holds the password's LM and NT hashes (pyspnego's smbpasswd form), not the
password: pyspnego reads the file twice per connection, and derived the hashes from a
password each time with its pure-Python DES and MD4 (~0.7 ms a time).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from spnego._ntlm_raw.crypto import lmowfv1, ntowfv1

from hvmanager.simulator.wsman.host_credentials import HostCredentials

_VARIABLE = "NTLM_USER_FILE"
# os.environ is process-wide, so its guard is too: the only module-level state here.
_ENVIRONMENT_LOCK = threading.RLock()


class NtlmUserFile:
    """A user file for one host (``DOMAIN\\USER:UID:LM:NT:FLAGS:LCT``), and the scope in which it is active."""

    def __init__(self, directory: Path, credentials: HostCredentials) -> None:
        self.path = Path(directory) / f"ntlm-users-{credentials.host_name}.txt"
        hashes = f"{lmowfv1(credentials.password).hex().upper()}:{ntowfv1(credentials.password).hex().upper()}"
        # A bare name, HOST\user and .\user: the domains a workgroup host's local account answers to.
        lines = [f"{domain}\\{credentials.user}:1000:{hashes}:[U]:LCT-00000000" if domain else
                 f"{credentials.user}:1000:{hashes}:[U]:LCT-00000000" for domain in credentials.domains()]
        self.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.path.chmod(0o600)
        with _ENVIRONMENT_LOCK:
            # Add the key now, once, so that every later switch only changes its value.
            os.environ.setdefault(_VARIABLE, str(self.path))

    @contextmanager
    def active(self) -> Iterator[None]:
        """Point ``NTLM_USER_FILE`` at this file for the duration of one acceptor call."""
        with _ENVIRONMENT_LOCK:
            previous = os.environ.get(_VARIABLE)
            os.environ[_VARIABLE] = str(self.path)
            try:
                yield
            finally:
                if previous is not None:
                    os.environ[_VARIABLE] = previous
