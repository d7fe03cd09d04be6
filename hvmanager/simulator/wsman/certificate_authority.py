"""A throw-away CA and server certificates for the HTTPS listeners (generated at start)."""

from __future__ import annotations

import datetime
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass(frozen=True)
class ServerCertificate:
    """PEM files of one server certificate and its key."""

    cert_file: Path
    key_file: Path
    names: tuple[str, ...]
    expired: bool = False


class CertificateAuthority:
    """Self-signed CA; its PEM file is what clients pass as ``cert_validation``."""

    def __init__(self, directory: Path, common_name: str = "hvmanager simulator CA") -> None:
        self._directory = Path(directory)
        self._key = ec.generate_private_key(ec.SECP256R1())
        now = _now()
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
        self._name = name
        self._certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self._key.public_key()), critical=False)
            .sign(self._key, hashes.SHA256())
        )
        self.ca_file = self._directory / "simulator-ca.pem"
        self.ca_file.write_bytes(self._certificate.public_bytes(serialization.Encoding.PEM))
        self._issued = 0

    def issue(self, names: list[str], *, expired: bool = False) -> ServerCertificate:
        """A server certificate whose SAN lists ``names`` (DNS names and IP addresses)."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = _now()
        if expired:
            before, after = now - datetime.timedelta(days=400), now - datetime.timedelta(days=35)
        else:
            before, after = now - datetime.timedelta(hours=1), now + datetime.timedelta(days=365)
        alternatives: list[x509.GeneralName] = []
        for entry in names:
            try:
                alternatives.append(x509.IPAddress(ipaddress.ip_address(entry)))
            except ValueError:
                alternatives.append(x509.DNSName(entry))
        certificate = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
            .issuer_name(self._name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(before)
            .not_valid_after(after)
            .add_extension(x509.SubjectAlternativeName(alternatives), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self._key.public_key()), critical=False)
            .sign(self._key, hashes.SHA256())
        )
        self._issued += 1
        stem = f"server-{names[0].replace(':', '_')}-{self._issued}"
        cert_file = self._directory / f"{stem}.pem"
        key_file = self._directory / f"{stem}.key"
        cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        key_file.chmod(0o600)
        return ServerCertificate(cert_file, key_file, tuple(names), expired)


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)
