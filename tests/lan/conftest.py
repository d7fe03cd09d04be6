"""LAN tests: simulator hosts in network namespaces, reached by IP (marker ``lan``)."""

from __future__ import annotations

import pytest
from lan_lab import LanLab, unavailable_reason

from hvmanager_testing.loop_fixture import event_loop  # noqa: F401 (fixture)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = unavailable_reason()
    for item in items:
        if "tests/lan/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.lan)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def make_lan():
    """Start LAN labs; every process, namespace, veth and bridge is removed after the test."""
    labs: list[LanLab] = []

    def make(specs: list[dict]) -> LanLab:
        lab = LanLab(specs)
        labs.append(lab)
        return lab.__enter__()

    yield make
    for lab in labs:
        lab.close()
        assert not lab.leftovers(), f"left behind: {lab.leftovers()}"
