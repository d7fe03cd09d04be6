"""What the Connect to Server dialog produces."""

from __future__ import annotations

from dataclasses import dataclass, field

from hvmanager.domain.server_config import ServerConfig


@dataclass(frozen=True)
class ConnectRequest:
    """A server to add, the password typed for it (memory only) and whether to remember it.

    ``password`` is None when the user connects with their own Windows credentials or
    the local computer. ``remember_password`` is True only when a usable keyring exists,
    a user and a password were given and the user asked for it: the caller then calls
    ``CredentialStore.save(config.key, config.user_name, password)``.
    """

    config: ServerConfig
    password: str | None = field(default=None, repr=False)
    remember_password: bool = False
