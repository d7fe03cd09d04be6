"""A child process for the durability test: saves two large server lists in turn, forever.

    python server_store_writer.py DIRECTORY

Prints ``ready`` once imported, then alternates ``generation(0)`` and ``generation(1)``
through ``ServerStore`` into DIRECTORY/servers.json until it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.settings.server_store import ServerStore

SERVERS = 1000


def generation(number: int) -> tuple[ServerConfig, ...]:
    """A list big enough (about 300 KB) that a kill often lands inside a write."""
    return tuple(
        ServerConfig(f"hv{index:04d}.gen{number}.corp", Transport.HTTPS, auth=AuthMethod.NTLM,
                     user_name=f"CORP\\admin{number}",
                     certificate_validation=CertificateValidation.CA_FILE,
                     ca_file=f"/etc/pki/corp-{number}.pem",
                     display_name=f"Host {index} of generation {number} " + "x" * 120)
        for index in range(SERVERS))


def main() -> None:
    """Save the two generations in turn until killed."""
    store = ServerStore(Path(sys.argv[1]) / "servers.json")
    lists = (generation(0), generation(1))
    print("ready", flush=True)
    turn = 1
    while True:
        store.save(lists[turn])
        turn = 1 - turn


if __name__ == "__main__":
    main()
