"""How an HTTPS host's certificate is checked."""

from __future__ import annotations

import enum


class CertificateValidation(enum.Enum):
    """System store (default), a CA file, or an explicit per-server opt-out."""

    SYSTEM_STORE = "system"
    CA_FILE = "ca_file"
    SKIP = "skip"
