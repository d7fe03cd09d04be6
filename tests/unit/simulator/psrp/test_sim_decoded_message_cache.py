"""The lab-wide cache of decoded client messages: bounded, least recently used out."""

from __future__ import annotations

from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessage, DecodedMessageCache


def _decoded(tag: str) -> DecodedMessage:
    return DecodedMessage(ps_object=tag, metadata=tag)


def test_hits_and_misses_are_counted() -> None:
    cache = DecodedMessageCache()
    assert cache.get(b"refresh") is None
    cache.put(b"refresh", _decoded("r"))
    assert cache.get(b"refresh") == _decoded("r")
    assert (cache.misses, cache.hits) == (1, 1)


def test_the_least_recently_used_message_goes_first() -> None:
    cache = DecodedMessageCache(capacity=2)
    cache.put(b"refresh", _decoded("r"))
    cache.put(b"start vm 1", _decoded("1"))
    assert cache.get(b"refresh") is not None  # the refresh is used again: it stays
    cache.put(b"start vm 2", _decoded("2"))
    assert cache.get(b"start vm 1") is None
    assert cache.get(b"refresh") == _decoded("r") and cache.get(b"start vm 2") == _decoded("2")
