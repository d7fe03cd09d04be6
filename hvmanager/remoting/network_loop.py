"""One daemon thread running a plain asyncio event loop: the network I/O of many WinRM hosts.

A thread per host made hundreds of transport threads contend for the GIL with the window's
(Qt) thread; one selector loop serves every host's socket instead, and the Qt thread
competes with one thread. Callers on another loop (qasync's) hand callbacks over with
``call_soon``; the sessions built on it (``NetworkSession``) keep their timers here.
"""

from __future__ import annotations

import _thread
import asyncio
import concurrent.futures
import threading
import time
from typing import Any, Callable

#: How long the thread lets cancelled tasks finish (stop a pipeline, close a socket) at close.
_DRAIN_S = 1.0
#: Threads for name lookups (``getaddrinfo`` blocks; it must never block the loop).
_RESOLVERS = 4


class NetworkLoop:
    """An asyncio loop on a daemon thread of its own, started on first use, stopped by ``close``.

    Not a singleton: whoever creates one owns it (``Inventory`` for the window's hosts, a
    session built without one for itself). The thread is a daemon so that a host that
    never answers can never keep the process alive, and it is started from a short-lived
    helper thread: ``Thread.start`` waits until the new thread got the GIL, which must not
    be the caller's (the window's) thread's wait.
    """

    def __init__(self, name: str = "hvmanager-network") -> None:
        self.name = name
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._ended = threading.Event()  # set when the thread has finished (or could not start)
        self._on_end: list[Callable[[], None]] = []
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._handed: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []
        self._wake_pending = False
        # Outcomes going back, per caller loop (network thread only).
        self._outgoing: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future, Any]]] = {}

    # --- from any thread ----------------------------------------------------------------

    def call_soon(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run ``callback(*args)`` on the network thread, after everything handed over before.

        Starts the thread on first use; raises RuntimeError once ``close`` was called.
        Hand-overs queue here and the loop is woken once per batch: waking it writes to a
        socket, which releases the GIL, and the caller (the Qt thread) may then wait for the
        busy network thread to give it back. A burst of calls (a fan-out's connects, a
        refresh tick of every host) so costs one wake-up, not one each.
        """
        with self._lock:
            if self._closed:
                raise RuntimeError("the network loop is closed")
            loop = self._loop if self._loop is not None else self._start()
            self._handed.append((callback, args))
            if self._wake_pending:
                return
            self._wake_pending = True
            loop.call_soon_threadsafe(self._run_handed)

    def call_soon_quietly(self, callback: Callable[..., Any], *args: Any) -> None:
        """``call_soon``, doing nothing once the loop is closed (for best-effort clean-up)."""
        try:
            self.call_soon(callback, *args)
        except RuntimeError:
            pass

    def is_current(self) -> bool:
        """True when called on the network thread."""
        return self._thread is not None and threading.current_thread() is self._thread

    @property
    def is_alive(self) -> bool:
        """True from the first ``call_soon`` until the thread has ended."""
        return self._loop is not None and not self._ended.is_set()

    @property
    def thread(self) -> threading.Thread | None:
        """The network thread (None before first use)."""
        return self._thread

    def close(self, timeout: float) -> bool:
        """Stop the loop (cancelling what still runs on it) and wait up to ``timeout`` seconds
        for the thread to end; True if it did. Never raises."""
        if not self._request_close():
            return True
        if self.is_current():
            return False
        return self._ended.wait(max(0.0, timeout))

    async def aclose(self, timeout: float) -> bool:
        """``close`` for a caller on an event loop: waits without blocking it."""
        if not self._request_close():
            return True
        if self._ended.is_set():
            return True
        caller = asyncio.get_running_loop()
        ended = caller.create_future()

        def wake() -> None:
            try:
                caller.call_soon_threadsafe(resolve_future, ended, True)
            except RuntimeError:
                pass  # the caller's loop is closed: nobody waits

        with self._lock:
            if self._ended.is_set():
                return True
            self._on_end.append(wake)
        timer = caller.call_later(max(0.0, timeout), resolve_future, ended, False)
        try:
            return await ended
        finally:
            timer.cancel()

    # --- on the network thread -----------------------------------------------------------

    def hand_back(self, caller: asyncio.AbstractEventLoop, waiter: asyncio.Future, value: Any) -> None:
        """Complete ``waiter`` (a future of the ``caller`` loop) with ``value``, on its loop.

        The values handed back in one turn of the network loop go over together, with one
        ``call_soon_threadsafe`` per caller loop: each one wakes the caller's thread, which
        then has to win the GIL back from the network thread.
        """
        batch = self._outgoing.get(caller)
        if batch is None:
            if not self._outgoing:
                asyncio.get_running_loop().call_soon(self._send_outgoing)
            batch = self._outgoing[caller] = []
        batch.append((waiter, value))

    # --- internals ---------------------------------------------------------------------

    def _send_outgoing(self) -> None:
        outgoing, self._outgoing = self._outgoing, {}
        for caller, batch in outgoing.items():
            try:
                caller.call_soon_threadsafe(_complete_all, batch)
            except RuntimeError:
                pass  # the caller's loop is closed: nobody waits any more

    def _start(self) -> asyncio.AbstractEventLoop:
        """Create the loop and launch its thread (called with the lock held)."""
        loop = asyncio.new_event_loop()
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=_RESOLVERS, thread_name_prefix=f"{self.name}-resolver")
        loop.set_default_executor(self._executor)
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        _thread.start_new_thread(self._launch, ())
        return loop

    def _launch(self) -> None:
        """On a helper thread: start the network thread (waiting for it here)."""
        assert self._thread is not None
        try:
            self._thread.start()
        except BaseException:  # e.g. no more threads: handed-over callbacks never run
            self._finish()

    def _request_close(self) -> bool:
        """Mark closed and ask the thread to stop; False when there is no thread to wait for."""
        with self._lock:
            first = not self._closed
            self._closed = True
            loop = self._loop
        if loop is None:
            self._ended.set()
            return False
        if first:
            try:
                loop.call_soon_threadsafe(self._shut_down)
            except RuntimeError:
                pass  # the loop is already closed
        return True

    def _run(self) -> None:
        loop = self._loop
        assert loop is not None
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
        finally:
            self._send_outgoing()  # what the last turn handed back (stop ends the loop before)
            executor = self._executor
            loop.close()
            if executor is not None:
                # A lookup stuck on a dead DNS server must not hold the close up.
                executor.shutdown(wait=False, cancel_futures=True)
            self._finish()

    def _run_handed(self) -> None:
        """On the network thread: run every callback handed over so far, in order."""
        with self._lock:
            handed, self._handed = self._handed, []
            self._wake_pending = False
        loop = self._loop
        assert loop is not None
        for callback, args in handed:
            try:
                callback(*args)
            except Exception as error:  # as asyncio does for a failing callback: report, go on
                loop.call_exception_handler({"message": f"Exception in callback {callback!r}",
                                             "exception": error})

    def _shut_down(self) -> None:
        """On the network thread: run what was handed over before ``close``, cancel what
        still runs, let it finish briefly, then stop."""
        loop = self._loop
        assert loop is not None
        self._run_handed()
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        if not pending:
            loop.stop()
            return
        deadline = time.monotonic() + _DRAIN_S
        for task in pending:
            task.cancel()

        def check(_task: asyncio.Task | None = None) -> None:
            if time.monotonic() >= deadline or all(task.done() for task in pending):
                loop.stop()

        for task in pending:
            task.add_done_callback(check)
        loop.call_later(_DRAIN_S, check)

    def _finish(self) -> None:
        with self._lock:
            self._ended.set()
            callbacks, self._on_end = self._on_end, []
        for callback in callbacks:
            callback()


def _complete_all(batch: list[tuple[asyncio.Future, Any]]) -> None:
    """On the caller's loop: complete each waiter still waiting."""
    for waiter, value in batch:
        if not waiter.done():
            waiter.set_result(value)


def resolve_future(future: asyncio.Future, value: Any) -> None:
    """Complete ``future`` with ``value`` unless it is already done (a timer and an answer race)."""
    if not future.done():
        future.set_result(value)
