"""The error raised when a connection description asks for something unsafe or unavailable."""

from __future__ import annotations

from hvmanager.remoting.errors import RemotingError


class ConfigurationError(RemotingError, ValueError):
    """The session cannot be built as described (Basic over HTTP, CredSSP without its package...).

    It is raised before anything goes on the wire. It is also a ``ValueError`` because the
    caller passed a bad argument; as a ``RemotingError`` it takes the one reporting path.
    """

    kind = "configuration"
