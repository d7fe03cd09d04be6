"""The fault matrix: one affected host among healthy ones, the app's models fed by core.

Every test adds a row (fault x outcome) to a table printed in the terminal summary.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

import pytest

from hvmanager.simulator.lab import Lab
from hvmanager_testing.loop_fixture import event_loop  # noqa: F401 (fixture)

_ROWS = pytest.StashKey[list]()
COLUMNS = ("fault", "host shows", "message (start)", "others' worst gap", "UI worst gap",
           "left behind", "recovered")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_ROWS] = []


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    rows = config.stash.get(_ROWS, [])
    if not rows:
        return
    table = [COLUMNS] + [tuple(str(row.get(column, "")) for column in COLUMNS) for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    terminalreporter.section("fault matrix (fault x outcome)")
    for number, line in enumerate(table):
        terminalreporter.write_line(" | ".join(cell.ljust(width) for cell, width in zip(line, widths)))
        if number == 0:
            terminalreporter.write_line("-+-".join("-" * width for width in widths))


@pytest.fixture
def matrix_row(request: pytest.FixtureRequest) -> dict:
    """This test's row of the matrix; added to the table when the test passed its checks."""
    row: dict = {}
    yield row
    if row:
        request.config.stash[_ROWS].append(row)


@pytest.fixture
def excepthook_calls(monkeypatch) -> list:
    """Every call of ``sys.excepthook`` during the test (there must be none)."""
    calls: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: calls.append(args))
    return calls


@pytest.fixture
def make_lab() -> Callable[..., Lab]:
    """Small fast labs, stopped after the test."""
    labs: list[Lab] = []

    def make(**kwargs: Any) -> Lab:
        lab = Lab(**{"hosts": 3, "vms_per_host": 3, "time_scale": 0.01, **kwargs})
        lab.start()
        labs.append(lab)
        return lab

    yield make
    for lab in labs:
        lab.stop(timeout=3.0)
