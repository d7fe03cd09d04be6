"""The embedded lab of ``--demo``: simulated hosts in this process, connected like real ones."""

from __future__ import annotations

from hvmanager.domain.auth_method import AuthMethod
from hvmanager.domain.certificate_validation import CertificateValidation
from hvmanager.domain.server_config import ServerConfig
from hvmanager.domain.transport import Transport
from hvmanager.simulator.host_spec import DEMO_SPECS, HostSpec
from hvmanager.simulator.lab import Lab


class DemoLab:
    """Starts a ``Lab`` (English, German and legacy hosts by default) and describes its hosts.

    The app is the composition root: it may import the simulator, the client layers may
    not. The servers it returns are connected for the session only, never saved.

    The hosts listen on HTTPS with a certificate from the lab's own CA, which the app
    validates, and take Basic authentication: TLS is Python's own on every platform, while
    NTLM goes through the operating system's SSPI on Windows, which Wine (where the MSI is
    tested) cannot run. The demo thereby also shows a validated HTTPS connection.
    """

    def __init__(self, specs: tuple[HostSpec, ...] = DEMO_SPECS, *, time_scale: float = 1.0,
                 seed: int = 7) -> None:
        self._lab = Lab(list(specs), time_scale=time_scale, seed=seed, transport="https")

    def start(self) -> list[tuple[ServerConfig, str]]:
        """Start every host; return ``(config, password)`` per host, in spec order."""
        self._lab.start()
        servers = []
        for host in self._lab.hosts:
            config = ServerConfig(address=host.address, transport=Transport.HTTPS, port=host.port,
                                  auth=AuthMethod.BASIC, user_name=host.user,
                                  certificate_validation=CertificateValidation.CA_FILE,
                                  ca_file=host.ca_file or "", display_name=host.name)
            servers.append((config, host.password))
        return servers

    def stop(self) -> None:
        """Stop every host (bounded)."""
        self._lab.stop(timeout=3.0)
