"""Test-only helper of wine-e2e.sh, run by the Windows CPython inside the throwaway prefix.

Saves the hosts of a simulator lab (the JSON lines ``python -m hvmanager.simulator --https``
prints) as the Windows user's saved servers, with the app's own ``ServerStore``, and their
passwords in Windows Credential Manager with the app's own ``CredentialStore``: exactly what
a user's earlier session leaves behind. The installed app, started from its Start-menu
shortcut, then connects to them like a user's app would. HTTPS with Basic and the lab's CA
file: Wine 8's SSPI cannot do NTLM (shared/packaging.md), TLS is Python's own.

    python wine_saved_servers.py LAB_LINES_FILE CA_FILE_WINDOWS_PATH
"""

from __future__ import annotations

import json
import sys
from urllib.parse import urlsplit

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.settings.credential_store import CredentialStore
from hvmanager.settings.server_store import ServerStore


def main() -> int:
    """Save every host of the lab; print the config file and the keyring in use."""
    lines_file, ca_file = sys.argv[1], sys.argv[2]
    with open(lines_file, encoding="utf-8") as handle:
        hosts = [json.loads(line) for line in handle if '"url"' in line]
    store, credentials = ServerStore(), CredentialStore()
    if not credentials.available():
        print(f"no usable keyring: {credentials.unavailable_reason()}")
        return 1
    for host in hosts:
        url = urlsplit(host["url"])
        config = ServerConfig(address=url.hostname, transport=Transport.HTTPS, port=url.port,
                              auth=AuthMethod.BASIC, user_name=host["user"],
                              certificate_validation=CertificateValidation.CA_FILE,
                              ca_file=ca_file, display_name=host["name"])
        store.add(config)
        credentials.save(config.key, config.user_name, host["password"])
        if credentials.get(config.key, config.user_name) != host["password"]:
            print(f"Credential Manager did not keep the password of {host['name']}")
            return 1
    print(f"saved {len(hosts)} servers in {store.path}; passwords in Credential Manager")
    return 0


if __name__ == "__main__":
    sys.exit(main())
