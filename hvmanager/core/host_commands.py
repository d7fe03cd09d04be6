"""Runs pipelines on one host's transport: typed errors, one log entry per pipeline."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timezone
from typing import Any, Callable

from hvmanager.core.command_log_entry import CommandLogEntry
from hvmanager.core.connection_info_builder import connection_info_for
from hvmanager.domain.message import QT_TRANSLATE_NOOP, Message
from hvmanager.domain.server_config import ServerConfig
from hvmanager.hyperv.error_classifier import error_for_result, reclassify
from hvmanager.hyperv.powershell_text import render_pipeline
from hvmanager.remoting.connection_info import ConnectionInfo
from hvmanager.remoting.errors import RemotingError
from hvmanager.remoting.follow_up_session import FollowUpSession
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.powershell_session import PowerShellSession
from hvmanager.remoting.result import Result
from hvmanager.remoting.session_factory import create_session
from hvmanager.remoting.transport_errors import session_closed, unexpected_failure

log = logging.getLogger(__name__)

_CANCELLED = QT_TRANSLATE_NOOP("CoreMessages", "Cancelled.")
_ONE_OBJECT = QT_TRANSLATE_NOOP("CoreMessages", "{count} object")
_OBJECTS = QT_TRANSLATE_NOOP("CoreMessages", "{count} objects")
_ONE_LINE = QT_TRANSLATE_NOOP("CoreMessages", "{count} line")
_LINES = QT_TRANSLATE_NOOP("CoreMessages", "{count} lines")
_ONE_ERROR = QT_TRANSLATE_NOOP("CoreMessages", "{summary}, {count} error: {first}")
_ERRORS = QT_TRANSLATE_NOOP("CoreMessages", "{summary}, {count} errors: {first}")

SessionFactory = Callable[[ConnectionInfo], PowerShellSession]


def default_session_factory(info: ConnectionInfo) -> PowerShellSession:
    """``remoting.session_factory.create_session``, which imports a transport when it first
    builds one (the app imports them on a thread after showing a window without servers,
    so the first server the user adds does not freeze the window for it)."""
    return create_session(info)


class HostCommands:
    """The transport of one host, created on first use, and the one way pipelines run on it.

    ``run`` returns the result with its classified error (non-terminating errors) and raises
    typed ``RemotingError``s for transport failures; either way ``log`` receives one
    ``CommandLogEntry``. ``vmms_running`` (when known) makes "vmms stopped" certain in
    the classification instead of read from the English message.
    """

    def __init__(self, config: ServerConfig, password: str | None,
                 log_entry: Callable[[CommandLogEntry], None], *,
                 session_factory: SessionFactory | None = None, call_timeout_s: float = 30.0) -> None:
        self.config = config
        self.call_timeout_s = call_timeout_s
        self.vmms_running: bool | None = None
        self._password = password
        self._log_entry = log_entry
        self._factory = session_factory or default_session_factory
        self._transport: PowerShellSession | None = None
        self._closed = False

    @property
    def title(self) -> str:
        """The host as users name it (messages, log lines)."""
        return self.config.title

    def transport(self) -> PowerShellSession:
        """The transport, created on first use (raises ``RemotingError`` for unusable configs)."""
        if self._closed:
            raise session_closed(self.title)
        if self._transport is None:
            info = connection_info_for(self.config, self._password, self.call_timeout_s)
            self._transport = self._factory(info)
        return self._transport

    async def open(self) -> None:
        """Connect and open the runspace (idempotent); raises typed errors."""
        try:
            await self.transport().open()
        except RemotingError as error:
            raise reclassify(error, self.title, self.vmms_running) from None

    async def run(self, pipeline: Pipeline, *, text: str | None = None,
                  timeout_s: float | None = None) -> tuple[Result, RemotingError | None]:
        """Run and log ``pipeline``; ``text`` is its cached rendering (the refresh reuses one)."""
        result, error, _ = await self.run_then(pipeline, None, text=text, timeout_s=timeout_s)
        return result, error

    async def run_then(self, pipeline: Pipeline, then: Callable[[Result], Any] | None, *,
                       text: str | None = None, timeout_s: float | None = None,
                       ) -> tuple[Result, RemotingError | None, Any]:
        """Like ``run``, plus ``then(result)`` run on the transport's thread right after the
        pipeline (see ``FollowUpSession.run_then``); its value is the third item, None when
        the transport cannot run it there (the caller does it itself)."""
        started = datetime.now(timezone.utc)
        began = time.monotonic()
        powershell = text if text is not None else render_pipeline(pipeline)
        after = None
        try:
            transport = self.transport()
            timeout = timeout_s or self.call_timeout_s
            if then is not None and isinstance(transport, FollowUpSession):
                result, after = await transport.run_then(pipeline, then, timeout)
            else:
                result = await transport.run(pipeline, timeout=timeout)
        except RemotingError as error:
            typed = reclassify(error, self.title, self.vmms_running)
            self._log(powershell, started, began, False, typed.text)
            raise typed from None
        except asyncio.CancelledError:
            self._log(powershell, started, began, False, _CANCELLED)
            raise
        except Exception as error:  # a transport bug must not kill the session's loop
            log.exception("running a pipeline on %s failed unexpectedly", self.title)
            typed = unexpected_failure(self.title, error)
            self._log(powershell, started, began, False, typed.text)
            raise typed from None
        error = error_for_result(result, self.title, self.vmms_running)
        self._log(powershell, started, began, error is None, _summary(result))
        return result, error, after

    async def run_checked(self, pipeline: Pipeline, *, timeout_s: float | None = None) -> Result:
        """Like ``run``, but raise the classified error of any error record."""
        result, error = await self.run(pipeline, timeout_s=timeout_s)
        if error is not None:
            raise error
        return result

    async def close(self) -> None:
        """Close the transport (bounded by the transport itself; never raises)."""
        self._closed = True
        transport, self._transport = self._transport, None
        if transport is not None:
            try:
                await transport.close()
            except Exception:  # close never raises
                log.exception("closing the session to %s failed", self.title)

    def _log(self, powershell: str, started: datetime, began: float, ok: bool, summary: Message) -> None:
        self._log_entry(CommandLogEntry(
            server_key=self.config.key, host=self.title, powershell=powershell, started=started,
            duration_s=time.monotonic() - began, ok=ok, summary=str(summary), summary_text=summary))


def _summary(result: Result) -> Message:
    count = len(result.records)
    # Text output (ConvertTo-Csv, Out-String) counts as lines, as a console shows it: the CSV
    # refresh of 10 VMs is 11 lines (the header), not "11 objects". English and Dutch both
    # have one form for 1 and one for every other count, so the singular is chosen here.
    if count and all(isinstance(r.value, str) for r in result.records):
        text = _ONE_LINE if count == 1 else _LINES
    else:
        text = _ONE_OBJECT if count == 1 else _OBJECTS
    text = text.format(count=count)
    if result.errors:
        errors = len(result.errors)
        first = " ".join(result.errors[0].message.split())
        text = (_ONE_ERROR if errors == 1 else _ERRORS).format(summary=text, count=errors, first=first)
    return text
