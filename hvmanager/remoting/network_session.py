"""The asyncio side of a transport that runs as coroutines on a shared ``NetworkLoop``."""

from __future__ import annotations

import abc
import asyncio
import logging
import time
from typing import Any, Awaitable, Callable

from hvmanager.remoting.follow_up_session import FollowUp, FollowUpSession
from hvmanager.remoting.network_call import NetworkCall, Outcome
from hvmanager.remoting.network_loop import NetworkLoop, resolve_future
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.result import Result
from hvmanager.remoting.transport_errors import session_closed, stopped_after_timeout, timed_out

log = logging.getLogger(__name__)

Job = Callable[[NetworkCall], Awaitable[Any]]


class NetworkSession(FollowUpSession, abc.ABC):
    """Runs a transport's coroutines on a network loop, behind ``async`` methods on the caller's.

    The same promises as ``ThreadedSession``: calls of one session run one at a time in
    order; a timeout while the host runs the pipeline stops it there (within a grace) and
    says so, any other timeout is ``timed_out``; a cancelled caller cancels the network-side
    coroutine, which stops the pipeline on the host; ``close`` cancels running calls, never
    raises and is bounded. A call costs at most one ``call_soon_threadsafe`` each way (the
    network loop batches both directions); its timers live on the network loop, never on
    the caller's.

    Subclasses implement ``_open``, ``_run`` and ``_close`` (coroutines on the network loop,
    one at a time) and may override ``_after_call`` (work after the result was handed back)
    and ``_abort`` (drop the connection when ``close`` gives up waiting).
    """

    def __init__(self, host: str, default_timeout_s: float, *, network: NetworkLoop | None = None,
                 close_timeout_s: float = 3.0, stop_grace_s: float = 3.0) -> None:
        super().__init__(host, default_timeout_s)
        self._owns_network = network is None
        self._network = network if network is not None else NetworkLoop(f"hvmanager-network-{host}")
        self._close_timeout_s = close_timeout_s
        self._stop_grace_s = stop_grace_s
        self._closed = False  # the caller's side
        self._used = False  # a call was handed to the network loop (there is something to close)
        # The network side's own state (touched on the network thread only).
        self._closing = False
        self._serial = asyncio.Lock()  # binds to the network loop on first use
        self._calls: set[NetworkCall] = set()
        self._tasks: set[asyncio.Task] = set()  # background work (releases), kept referenced

    @property
    def network(self) -> NetworkLoop:
        """The loop this session's I/O runs on."""
        return self._network

    @property
    def is_closed(self) -> bool:
        """True once ``close`` was called."""
        return self._closed

    async def open(self) -> None:
        """Connect and open the runspace pool (idempotent)."""
        await self._call(self._open, self._default_timeout_s)

    async def _run_then(self, pipeline: Pipeline, then: FollowUp | None,
                        timeout_s: float | None) -> tuple[Result, Any]:
        async def job(call: NetworkCall) -> tuple[Result, Any]:
            return self.follow_up(then, await self._run(pipeline, call))

        return await self._call(job, timeout_s)

    async def close(self) -> None:
        """Close the pool within ``close_timeout_s``: running calls are cancelled (their
        pipelines stopped on the host), then the pool; never raises."""
        if self._closed:
            return
        self._closed = True
        if not self._used:
            return  # nothing ever ran: no connection to close, no thread to stop
        deadline = time.monotonic() + self._close_timeout_s
        loop = asyncio.get_running_loop()
        closed = loop.create_future()
        try:
            self._network.call_soon(self._begin_close, loop, closed)
        except RuntimeError:
            closed.set_result(True)  # the network loop is gone, and with it every connection
        timer = loop.call_later(self._close_timeout_s, resolve_future, closed, False)
        try:
            if not await closed:
                self._network.call_soon_quietly(self._abort)
        finally:
            timer.cancel()
        if self._owns_network:
            await self._network.aclose(max(0.0, deadline - time.monotonic()))

    # --- the caller's side ----------------------------------------------------------------

    async def _call(self, job: Job, timeout_s: float | None) -> Any:
        if self._closed:
            raise session_closed(self.host)
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        call = NetworkCall(timeout_s, self._network, loop, waiter)
        self._used = True
        try:
            self._network.call_soon(self._start, job, call)
        except RuntimeError:  # the network loop was closed under us
            raise session_closed(self.host) from None
        try:
            ok, value = await waiter
        except asyncio.CancelledError:
            # A plain ``await`` of a future never loses a cancellation: also when the outcome
            # arrived in this very turn, the call ends here (and the network side notices).
            self._network.call_soon_quietly(self._cancel, call)
            raise
        if ok:
            return value
        try:
            raise value
        finally:
            value = None  # no reference cycle through the traceback

    # --- the network side -------------------------------------------------------------------

    def _start(self, job: Job, call: NetworkCall) -> None:
        if self._closing:
            call.deliver((False, session_closed(self.host)))
            return
        loop = asyncio.get_running_loop()
        call.task = loop.create_task(self._serve(job, call))
        self._calls.add(call)
        if call.timeout_s is not None:
            call.timer = loop.call_later(call.timeout_s, self._expire, call)

    async def _serve(self, job: Job, call: NetworkCall) -> None:
        outcome: Outcome
        try:
            async with self._serial:
                value = await job(call)
            outcome = (True, value)
            if call.expired_in is None and call.overdue():
                # The loop was busy past the deadline (a slow follow-up): too late all the same.
                call.expired_in = call.phase
                outcome = (False, self._timeout_error(call))
        except asyncio.CancelledError:
            outcome = (False, self._cancelled_error(call))
        except BaseException as error:  # handed to the awaiting coroutine, never lost
            outcome = (False, error)
        finally:
            call.phase = "done"
            if call.timer is not None:
                call.timer.cancel()
            self._calls.discard(call)
        call.deliver(outcome)
        outcome = None  # type: ignore[assignment]  # no cycle through an exception's traceback
        if not self._closing:
            self._after_call()

    def _cancelled_error(self, call: NetworkCall) -> Exception:
        if call.expired_in is not None:
            return self._timeout_error(call)
        return session_closed(self.host, while_running=True)  # only ``close`` cancels a waited-for call

    def _timeout_error(self, call: NetworkCall) -> Exception:
        """What a caller whose call outlasted its timeout hears: its pipeline was stopped on
        the host if the host was running it, else a plain timeout."""
        if call.expired_in == "running":
            return stopped_after_timeout(self.host, call.timeout_s)
        return timed_out(self.host, call.timeout_s)

    def _expire(self, call: NetworkCall) -> None:
        """The call's timeout passed (on the network loop)."""
        task = call.task
        if call.phase == "done" or task is None or task.done():
            return
        call.expired_in = call.phase
        if call.phase == "running":
            # The host runs our pipeline: the cancellation stops it there; the caller hears
            # when that is done, or after the grace at the latest.
            loop = asyncio.get_running_loop()
            loop.call_later(self._stop_grace_s, self._give_up, call)
        else:
            call.deliver((False, self._timeout_error(call)))
        task.cancel()

    def _give_up(self, call: NetworkCall) -> None:
        call.deliver((False, self._timeout_error(call)))

    def _cancel(self, call: NetworkCall) -> None:
        """The caller was cancelled: stop the call (on the host too, if it runs there)."""
        call.abandoned = True
        if call.task is not None and not call.task.done():
            call.task.cancel()

    def _begin_close(self, caller: asyncio.AbstractEventLoop, closed: asyncio.Future) -> None:
        self._closing = True
        running = []
        for call in list(self._calls):
            if call.task is not None and not call.task.done():
                call.task.cancel()  # a running pipeline is stopped on the host, queued ones never start
                running.append(call.task)
        task = asyncio.get_running_loop().create_task(self._close_after(running))
        self._tasks.add(task)

        def done(_: asyncio.Task) -> None:
            self._tasks.discard(task)
            try:
                caller.call_soon_threadsafe(resolve_future, closed, True)
            except RuntimeError:
                pass  # the caller's loop is closed

        task.add_done_callback(done)

    async def _close_after(self, running: list[asyncio.Task]) -> None:
        if running:
            await asyncio.wait(running)
        async with self._serial:
            try:
                await self._close()
            except Exception as error:  # close never raises
                log.info("closing the session to %s failed: %s", self.host, error)

    def _spawn(self, work: Callable[[], Awaitable[None]]) -> None:
        """Run ``work()`` on the network loop after the calls queued so far (one at a time with them)."""
        async def serially() -> None:
            async with self._serial:
                if not self._closing:
                    await work()

        task = asyncio.get_running_loop().create_task(serially())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @abc.abstractmethod
    async def _open(self, call: NetworkCall) -> None:
        """Open the connection and the runspace pool if needed (network loop)."""

    @abc.abstractmethod
    async def _run(self, pipeline: Pipeline, call: NetworkCall) -> Result:
        """Run one pipeline; a cancellation stops it on the host (network loop)."""

    @abc.abstractmethod
    async def _close(self) -> None:
        """Close the pool and release the connection (network loop)."""

    def _after_call(self) -> None:
        """After a call's outcome was handed back, on the network loop (optional)."""

    def _abort(self) -> None:
        """Drop the connection at once, when ``close`` gave up waiting (network loop; optional)."""

