"""The TLS context of an HTTPS session, from its certificate policy.

The system's trusted roots by default, the server's own CA file when one was chosen, and
no validation only when the user explicitly chose that for this server. Host names are
checked whenever certificates are. Built at every new pool, so a CA file that was moved
or deleted is reported when it is needed, as a configuration problem that names it.
"""

from __future__ import annotations

import ssl

from hvmanager.remoting import transport_errors
from hvmanager.remoting.connection_info import CertificatePolicy, ConnectionInfo


def tls_context(info: ConnectionInfo) -> ssl.SSLContext | None:
    """The context for ``info`` (None for plain HTTP); raises ``ConfigurationError`` when
    the chosen CA file cannot be read."""
    if info.transport != "https":
        return None
    if info.certificate_policy is CertificatePolicy.NO_VALIDATION:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if info.certificate_policy is CertificatePolicy.CA_FILE:
        path = str(info.ca_file)
        try:
            return ssl.create_default_context(cafile=path)
        except ssl.SSLError as error:  # before OSError: it is one
            raise transport_errors.ca_file_unreadable(info.address, path, error.reason or str(error)) from None
        except OSError as error:
            raise transport_errors.ca_file_unreadable(info.address, path, error.strerror or str(error)) from None
    return ssl.create_default_context()
