"""Ready-made CLIXML: a pipeline's CreatePipeline data and a pool's opening messages,
serialised by psrpcore once per distinct pipeline (and once for the pool).

psrpcore builds a pipeline's CreatePipeline message from dozens of PSObjects and serialises
them through ElementTree: about as much client CPU as the rest of a refresh. A refresh
sends the same pipeline again and again, and the CLIXML depends on nothing but the
commands and their typed parameter values (the pool and pipeline ids are in the PSRP
message header, not in the CLIXML), so it is serialised once and reused.

Opening a pool sends SessionCapability and InitRunspacePool, the same for every pool we
open (default settings); they are serialised once too.

The memos are bounded ``lru_cache``s of pure functions of immutable keys: they hold no
state anyone can observe, only spare the work.
"""

from __future__ import annotations

import enum
import functools
import struct
from typing import Any, Hashable

from psrpcore import ClientPowerShell, ClientRunspacePool

from hvmanager.remoting import wire_values
from hvmanager.remoting.pipeline import Pipeline

# The fragment header psrpcore puts before a message, and the message header before its data.
_FRAGMENT_HEADER = 21
_MESSAGE_HEADER = 40
_SCALARS = (str, int, float, bool, type(None), enum.Enum)
_FRAGMENT = struct.Struct(">QQBI")


def pool_open_clixml(message_type_name: str) -> bytes:
    """The CLIXML psrpcore sends for a default pool's ``SessionCapability`` or ``InitRunspacePool``."""
    return _pool_open_messages()[message_type_name]


@functools.lru_cache(maxsize=1)
def _pool_open_messages() -> dict[str, bytes]:
    pool = ClientRunspacePool()
    pool.open()
    payload = pool.data_to_send()
    assert payload is not None
    data = payload.data
    messages: dict[str, bytes] = {}
    position = 0
    for name in ("SessionCapability", "InitRunspacePool"):  # the order open() queues them in
        _object_id, _fragment_id, _flags, length = _FRAGMENT.unpack_from(data, position)
        start = position + _FRAGMENT_HEADER
        messages[name] = data[start + _MESSAGE_HEADER:start + length]
        position = start + length
    return messages


def pipeline_clixml(pipeline: Pipeline) -> bytes:
    """The CLIXML psrpcore sends in ``pipeline``'s CreatePipeline message."""
    key = _key(pipeline)
    return _serialised(key) if key is not None else _serialise(_commands(pipeline))


def _key(pipeline: Pipeline) -> tuple | None:
    """A hashable image of the pipeline in which values of different types differ (1, 1.0
    and True serialise differently); None when a value has no stable image (sets, dicts)."""
    commands = []
    for command in pipeline.commands:
        parameters = []
        for name, value in command.parameters:
            frozen = _frozen(value)
            if frozen is None:
                return None
            parameters.append((name, frozen))
        commands.append((command.name, tuple(parameters)))
    return tuple(commands)


def _frozen(value: Any) -> Hashable | None:
    if isinstance(value, (list, tuple)):
        items = [_frozen(item) for item in value]
        return None if any(item is None for item in items) else ("list", tuple(items))
    if isinstance(value, _SCALARS) or _is_hashable_value(value):
        return (type(value), value)
    return None


def _is_hashable_value(value: Any) -> bool:
    # uuid.UUID, datetime, Decimal...: immutable values whose equality means equal CLIXML.
    return getattr(type(value), "__hash__", None) is not None and not isinstance(value, (set, frozenset, dict))


@functools.lru_cache(maxsize=256)
def _serialised(key: tuple) -> bytes:
    return _serialise(_commands_of_key(key))


def _commands_of_key(key: tuple) -> list[tuple[str, list[tuple[str, Any]]]]:
    return [(name, [(parameter, _thawed(value)) for parameter, value in parameters]) for name, parameters in key]


def _thawed(frozen: Any) -> Any:
    kind, value = frozen
    if kind == "list":
        return [_thawed(item) for item in value]
    return value


def _commands(pipeline: Pipeline) -> list[tuple[str, list[tuple[str, Any]]]]:
    return [(command.name, list(command.parameters)) for command in pipeline.commands]


def _serialise(commands: list[tuple[str, list[tuple[str, Any]]]]) -> bytes:
    """psrpcore's own serialisation, on a throwaway pool, cut out of the message it queued."""
    pool = ClientRunspacePool()
    shell = ClientPowerShell(pool)
    for name, parameters in commands:
        shell.add_command(name)
        for parameter, value in parameters:
            shell.add_parameter(parameter, wire_values.to_psrpcore(value))
    shell.start()
    payload = pool.data_to_send()
    assert payload is not None
    return payload.data[_FRAGMENT_HEADER + _MESSAGE_HEADER:]
