"""Errors the PSRP glue raises to its transports (WS-Man maps them to faults)."""


class PsrpSessionError(Exception):
    """Base class of the glue's errors."""


class UnknownPipelineError(PsrpSessionError):
    """A request named a pipeline (WS-Man CommandId) this pool does not have."""


class PoolClosedError(PsrpSessionError):
    """The runspace pool was closed (shell deleted) while a request waited on it."""


class ProtocolViolationError(PsrpSessionError):
    """The client sent PSRP data psrpcore could not accept."""
