"""The background import of the transports (a window started without servers) logs a failure."""

from __future__ import annotations

import logging

import pytest

from hvmanager.app import app_runner


def test_a_failed_background_import_is_logged_with_its_traceback(monkeypatch: pytest.MonkeyPatch,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    def broken_import() -> None:
        raise ImportError("No module named 'psrpcore' (a broken bundle)")

    monkeypatch.setattr(app_runner, "import_transports", broken_import)
    with caplog.at_level(logging.ERROR, logger=app_runner.__name__):
        app_runner._import_transports_logged()  # must not raise: it runs on a thread of its own

    [record] = [r for r in caplog.records if r.name == app_runner.__name__]
    assert "importing the transports in the background failed" in record.getMessage()
    assert record.exc_info is not None and "a broken bundle" in str(record.exc_info[1])


def test_the_background_import_loads_the_transports(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(app_runner, "import_transports", lambda: calls.append("imported"))
    app_runner._import_transports_logged()
    assert calls == ["imported"]
