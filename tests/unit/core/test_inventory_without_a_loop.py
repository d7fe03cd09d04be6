"""Inventory refuses work outside a running event loop without keeping half-made sessions."""

import pytest

from hvmanager.core.inventory import Inventory
from hvmanager.domain.server_config import ServerConfig
from hvmanager_testing.recording_listener import RecordingListener


def test_add_outside_the_event_loop_raises_and_keeps_nothing():
    inventory = Inventory(RecordingListener())
    with pytest.raises(RuntimeError):
        inventory.add(ServerConfig("hv01"))
    assert len(inventory) == 0 and "http://hv01:5985" not in inventory


def test_limits_are_validated():
    with pytest.raises(ValueError):
        Inventory(RecordingListener(), connect_limit=0)
