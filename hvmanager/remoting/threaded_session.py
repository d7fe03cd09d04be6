"""The asyncio side of the blocking transports (local PowerShell, pypsrp's WSMan): one worker
thread per session, timeouts, cancellation, close. Our WinRM transport runs on a shared
network loop instead (``NetworkSession``), with the same promises."""

from __future__ import annotations

import abc
import asyncio
import time
from typing import Any, Callable

from hvmanager.remoting.call import Call, CallCancelled
from hvmanager.remoting.follow_up_session import FollowUp, FollowUpSession
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.result import Result
from hvmanager.remoting.transport_errors import session_closed, stopped_after_timeout, timed_out
from hvmanager.remoting.worker_thread import WorkerThread

class ThreadedSession(FollowUpSession, abc.ABC):
    """Runs a transport's blocking methods on its own worker thread, behind ``async`` methods.

    Subclasses implement ``_open_blocking``, ``_run_blocking`` and ``_close_blocking``; they
    run on the worker thread only, one at a time. A call that times out or is cancelled sets
    ``Call.cancel``; the subclass then stops the pipeline on the host. ``_abort`` runs on the
    event loop when ``close`` gives up waiting, to unstick a blocked worker if it can.
    """

    def __init__(self, host: str, default_timeout_s: float, close_timeout_s: float = 3.0,
                 stop_grace_s: float = 3.0) -> None:
        super().__init__(host, default_timeout_s)
        self._close_timeout_s = close_timeout_s
        self._stop_grace_s = stop_grace_s
        self._worker = WorkerThread(name=f"hvmanager-session-{host}")
        self._closed = False
        self._calls: set[Call] = set()

    async def open(self) -> None:
        """Connect and open the runspace pool (idempotent)."""
        await self._call(self._open_blocking, self._default_timeout_s)

    async def _run_then(self, pipeline: Pipeline, then: FollowUp | None,
                        timeout_s: float | None) -> tuple[Result, Any]:
        return await self._call(lambda call: self.follow_up(then, self._run_blocking(pipeline, call)), timeout_s)

    async def close(self) -> None:
        """Close the pool and stop the worker thread within a bounded time; never raises."""
        if self._closed:
            return
        self._closed = True
        deadline = time.monotonic() + self._close_timeout_s
        for call in list(self._calls):
            call.cancel.set()  # a running pipeline is stopped on the host, queued ones never start
        try:
            future = asyncio.wrap_future(self._worker.submit(self._close_quietly))
            _consume(future)
            await asyncio.wait_for(asyncio.shield(future), self._close_timeout_s)
        except asyncio.TimeoutError:
            self._abort()  # the worker is stuck in I/O with a dead host: unstick it if we can
        except RuntimeError:
            pass  # the worker was already stopped
        finally:
            self._worker.stop(0)
        # A worker blocked in a socket read ends on its own (it is a daemon); do not wait past the bound.
        while self._worker.is_alive and time.monotonic() < deadline:
            await asyncio.sleep(0.02)

    @property
    def is_closed(self) -> bool:
        """True once ``close`` was called."""
        return self._closed

    async def _call(self, job: Callable[[Call], Any], timeout_s: float | None) -> Any:
        """Run ``job`` on the worker and await it at the cost of two event-loop callbacks.

        The worker hands its outcome over with one ``call_soon_threadsafe`` that completes a
        plain loop future (which wakes this task); the timeout is one ``call_later`` handle,
        cancelled on completion. ``wait_for``/``shield``/``wrap_future`` cost ~6 callbacks,
        each a GIL hand-off with hundreds of worker threads, and Python 3.11's ``wait_for``
        lost a cancellation that arrived in the turn the job finished. A plain ``await`` of a
        future never loses one: a task cancelled after its future completed but before it
        resumed gets ``CancelledError`` at the ``await``.
        """
        if self._closed:
            raise session_closed(self.host)
        loop = asyncio.get_running_loop()
        call = Call(timeout_s)
        pending = _Pending(loop)
        try:
            self._worker.post(lambda: pending.run_on_worker(self._guarded, job, call))
        except RuntimeError:  # the worker was stopped: the session is closing
            raise session_closed(self.host) from None
        self._calls.add(call)
        try:
            outcome = await pending.wait(timeout_s)
            if outcome is _TIMED_OUT and pending.outcome is not None:
                outcome = pending.outcome  # the answer came in the very turn the timer fired
            if outcome is _TIMED_OUT:
                phase = call.phase
                call.cancel.set()
                if phase == "running":
                    # The host runs our pipeline: give the worker a moment to stop it there.
                    await pending.wait(self._stop_grace_s)
                    raise stopped_after_timeout(self.host, timeout_s) from None
                raise timed_out(self.host, timeout_s) from None
            ok, value = outcome
            if ok:
                return value
            if isinstance(value, CallCancelled):
                # Only ``close`` cancels a call whose caller still waits.
                raise session_closed(self.host, while_running=True) from None
            try:
                raise value
            finally:
                value = None  # no reference cycle through the traceback
        except asyncio.CancelledError:
            call.cancel.set()
            raise
        finally:
            self._calls.discard(call)

    def _guarded(self, job: Callable[[Call], Any], call: Call) -> Any:
        call.check()
        try:
            return job(call)
        finally:
            call.phase = "done"

    def _close_quietly(self) -> None:
        try:
            self._close_blocking()
        except Exception:  # close never raises
            pass

    @abc.abstractmethod
    def _open_blocking(self, call: Call) -> None:
        """Open the connection and the runspace pool if needed (worker thread)."""

    @abc.abstractmethod
    def _run_blocking(self, pipeline: Pipeline, call: Call) -> Result:
        """Run one pipeline; honour ``call.cancel`` by stopping it on the host (worker thread)."""

    @abc.abstractmethod
    def _close_blocking(self) -> None:
        """Close the pool and release the connection (worker thread)."""

    def _abort(self) -> None:
        """Unstick a worker blocked in I/O, from the event loop (optional)."""


_TIMED_OUT = object()


class _Pending:
    """One call's hand-over from the worker thread to the awaiting task.

    The worker's outcome is ``(True, result)`` or ``(False, exception)``, delivered as a future
    *result* so that an abandoned call (timed out, cancelled) never logs "exception was never
    retrieved"; a late outcome is simply dropped.
    """

    __slots__ = ("_loop", "_future", "outcome")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._future: asyncio.Future | None = None
        self.outcome: Any = None

    def run_on_worker(self, guarded: Callable[..., Any], job: Callable[[Call], Any], call: Call) -> None:
        """On the worker thread: run the job and hand its outcome to the loop (never raises)."""
        try:
            outcome: tuple[bool, Any] = (True, guarded(job, call))
        except BaseException as error:  # handed to the awaiting coroutine, never lost
            outcome = (False, error)
        try:
            self._loop.call_soon_threadsafe(self._deliver, outcome)
        except RuntimeError:
            pass  # the loop is closed: nobody waits any more

    def _deliver(self, outcome: tuple[bool, Any]) -> None:
        self.outcome = outcome
        future = self._future
        if future is not None and not future.done():
            future.set_result(outcome)

    async def wait(self, timeout_s: float | None) -> Any:
        """The outcome, or ``_TIMED_OUT`` after ``timeout_s`` (None: no limit)."""
        if self.outcome is not None:
            return self.outcome
        future = self._future = self._loop.create_future()
        timer = None if timeout_s is None else self._loop.call_later(timeout_s, _expire, future)
        try:
            return await future
        finally:
            self._future = None
            if timer is not None:
                timer.cancel()


def _expire(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(_TIMED_OUT)


def _consume(future: asyncio.Future) -> None:
    """Retrieve a late result so an abandoned call never logs 'exception was never retrieved'."""
    future.add_done_callback(lambda done: done.cancelled() or done.exception())
