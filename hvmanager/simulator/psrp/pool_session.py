"""One psrpcore ServerRunspacePool and its pipelines, shared by the WS-Man and stdio transports."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import defaultdict, deque
from typing import Any, Callable

from psrpcore import (
    CreatePipelineEvent,
    EndOfPipelineInputEvent,
    GetAvailableRunspacesEvent,
    GetCommandMetadataEvent,
    PipelineInputEvent,
    PSRPCoreError,
    PSRPPayload,
    ResetRunspaceStateEvent,
    SetMaxRunspacesEvent,
    SetMinRunspacesEvent,
    StreamType,
)
from psrpcore.types import PSInvocationState, PSRPMessageType, RunspacePoolState

from hvmanager.simulator.engine_api import CommandInvocation, PipelineRunner, SimError
from hvmanager.simulator.psrp.decoded_message_cache import DecodedMessageCache
from hvmanager.simulator.psrp.error_record_factory import ErrorRecordFactory
from hvmanager.simulator.psrp.errors import PoolClosedError, ProtocolViolationError, UnknownPipelineError
from hvmanager.simulator.psrp.opening_answers import OpeningAnswers
from hvmanager.simulator.psrp.pipeline_worker import PipelineOutcome, PipelineWorker
from hvmanager.simulator.psrp.receive_chunk import ReceiveChunk
from hvmanager.simulator.psrp.runner_threads import RunnerThreads
from hvmanager.simulator.psrp.sim_runspace_pool import SimRunspacePool, clixml_string
from hvmanager.simulator.psrp.sim_server_pipeline import SimServerPipeline

log = logging.getLogger(__name__)

# PowerShell's transports fragment outgoing PSRP messages at 32 KiB
# (BaseTransportManager.DefaultFragmentSize); WS-Man then packs several into one envelope.
DEFAULT_FRAGMENT_SIZE = 32 * 1024

_RUNNING = (PSInvocationState.Running, PSInvocationState.Stopping)
# What one payload costs besides its bytes in a reply (a WS-Man Stream element, in raw bytes).
_PER_PAYLOAD = 96
# Lines of text written under one hold of the lock at most (a long output still streams).
_BATCH = 64


class PoolSession:
    """Decodes a client's PSRP data, runs pipelines on threads, queues replies per target.

    Replies are kept per target (``None`` for the pool, else the pipeline id) because
    WS-Man receives pool and pipeline data with separate Receive requests.
    """

    def __init__(
        self,
        runner: PipelineRunner,
        *,
        fragment_size: int = DEFAULT_FRAGMENT_SIZE,
        stop_grace_s: float = 2.0,
        linger_s: float = 0.025,
        on_data: Callable[[], None] | None = None,
        message_cache: DecodedMessageCache | None = None,
        threads: RunnerThreads | None = None,
        answers: OpeningAnswers | None = None,
    ) -> None:
        self._runner = runner
        self._threads = threads
        self._fragment_size = fragment_size
        self._stop_grace_s = stop_grace_s
        self._linger_s = linger_s
        self._on_data = on_data
        if answers is None:
            answers = OpeningAnswers.windows()
        self._pool = SimRunspacePool(message_cache or DecodedMessageCache(), answers,
                                     application_private_data=answers.private_data)
        self._cond = threading.Condition()
        self._outbox: dict[uuid.UUID | None, deque[bytearray]] = defaultdict(deque)
        self._workers: dict[uuid.UUID, PipelineWorker] = {}
        self._ended: set[uuid.UUID] = set()
        # Bytes queued for a target from which a lingering Receive wants to be woken.
        self._wake_at: dict[uuid.UUID | None, int] = {}
        self._closed = False

    @property
    def state(self) -> RunspacePoolState:
        """The pool's PSRP state."""
        return self._pool.state

    @property
    def runspace_pool_id(self) -> uuid.UUID:
        """The id the client chose for the pool (known after its first message)."""
        return self._pool.runspace_pool_id

    def pipeline_ids(self) -> list[uuid.UUID]:
        """Pipelines not closed yet."""
        with self._cond:
            return list(self._workers)

    def has_pipeline(self, pipeline_id: uuid.UUID) -> bool:
        """True while the pipeline exists (created and not closed)."""
        with self._cond:
            return pipeline_id in self._workers

    # -- input from the client ------------------------------------------------------

    def create_pipeline(self, pipeline_id: uuid.UUID) -> None:
        """Register a pipeline before its CreatePipeline data is fed (psrpcore needs it first)."""
        with self._cond:
            self._check_open()
            if pipeline_id in self._workers:
                return
            SimServerPipeline(self._pool, pipeline_id)
            self._workers[pipeline_id] = self._new_worker(pipeline_id)

    def feed(self, data: bytes, pipeline_id: uuid.UUID | None = None, prompt_response: bool = False) -> None:
        """Process PSRP fragments from the client and queue whatever they produce."""
        stream = StreamType.prompt_response if prompt_response else StreamType.default
        to_start: list[PipelineWorker] = []
        with self._cond:
            self._check_open()
            try:
                self._pool.receive_data(PSRPPayload(data, stream, pipeline_id))
                while (event := self._pool.next_event()) is not None:
                    worker = self._handle(event)
                    if worker is not None:
                        to_start.append(worker)
            except (PSRPCoreError, ValueError, KeyError) as exc:
                raise ProtocolViolationError(str(exc)) from exc
            finally:
                self._drain()
        for worker in to_start:
            worker.start()

    def _handle(self, event: Any) -> PipelineWorker | None:
        if isinstance(event, (CreatePipelineEvent, GetCommandMetadataEvent)):
            return self._on_create(event)
        if isinstance(event, PipelineInputEvent):
            self._worker(event.pipeline_id).input_objects.append(event.data)
        elif isinstance(event, EndOfPipelineInputEvent):
            return self._begin(event.pipeline_id)
        elif isinstance(event, (SetMaxRunspacesEvent, SetMinRunspacesEvent, ResetRunspaceStateEvent)):
            self._pool.runspace_availability_response(event.ci, True)
        elif isinstance(event, GetAvailableRunspacesEvent):
            busy = sum(1 for w in self._workers.values() if w.started)
            self._pool.runspace_availability_response(event.ci, max(self._pool.max_runspaces - busy, 0))
        return None

    def _on_create(self, event: Any) -> PipelineWorker | None:
        worker = self._worker(event.pipeline_id)
        # What psrpcore decoded into the pipeline (event.pipeline would decode it again).
        metadata = self._pool.pipeline_table[event.pipeline_id].metadata
        commands = getattr(metadata, "commands", None) or []
        worker.commands = [
            CommandInvocation(name=c.command_text, parameters=tuple(c.parameters), is_script=bool(c.is_script))
            for c in commands
        ]
        if isinstance(event, GetCommandMetadataEvent):
            worker.commands = [CommandInvocation(name="Get-Command")]
        if getattr(metadata, "no_input", True) or isinstance(event, GetCommandMetadataEvent):
            return self._begin(event.pipeline_id)
        return None

    def _begin(self, pipeline_id: uuid.UUID) -> PipelineWorker:
        worker = self._worker(pipeline_id)
        pipeline = self._pool.pipeline_table[pipeline_id]
        if pipeline.state == PSInvocationState.NotStarted:
            pipeline.start()
        return worker

    def _worker(self, pipeline_id: uuid.UUID | None) -> PipelineWorker:
        if pipeline_id is None or pipeline_id not in self._workers:
            raise UnknownPipelineError(str(pipeline_id))
        return self._workers[pipeline_id]

    def _new_worker(self, pipeline_id: uuid.UUID) -> PipelineWorker:
        # The callbacks run on the worker's thread, after ``worker`` below is bound. Lines of
        # text (ConvertTo-Csv's) are serialised outside the lock and written a batch at a
        # time: before anything else is written, before the runner waits (a VM booting, a
        # slow cmdlet), when it ends, and every _BATCH lines. A refresh so takes the lock
        # twice, not 41 times, and its bytes are the same.
        lines: list[bytes] = []

        def flush() -> None:
            if lines:
                batch = lines[:]
                lines.clear()
                self._write_clixml(pipeline_id, batch)

        def output(value: Any) -> None:
            if type(value) is str:
                lines.append(clixml_string(value))
                if len(lines) >= _BATCH:
                    flush()
            else:
                flush()
                self._write(pipeline_id, lambda p: p.write_output(value))

        def error(sim_error: SimError) -> None:
            flush()
            length = len(worker.commands) or 1
            factory = ErrorRecordFactory(length)
            position = _position_of(worker.commands, sim_error.command_name)
            self._write(pipeline_id, lambda p: p.write_error(
                factory.exception(sim_error),
                category_info=factory.category(sim_error),
                target_object=sim_error.target_object,
                fully_qualified_error_id=sim_error.fully_qualified_error_id,
                invocation_info=factory.invocation_info(sim_error, position),
                pipeline_iteration_info=[0] * length,
            ))

        def finished(outcome: PipelineOutcome) -> None:
            flush()
            self._finish(pipeline_id, outcome, worker.commands)

        worker = PipelineWorker(self._runner, [], output, error, finished, name=f"pipeline-{pipeline_id}",
                                threads=self._threads, before_wait=flush)
        return worker

    # -- output from the runner -----------------------------------------------------

    def _write(self, pipeline_id: uuid.UUID, action: Callable[[SimServerPipeline], None]) -> None:
        with self._cond:
            pipeline = self._pool.pipeline_table.get(pipeline_id)
            if pipeline is None or pipeline.state != PSInvocationState.Running:
                return  # stopped or closed meanwhile: PowerShell drops late output too
            action(pipeline)
            self._drain()

    def _write_clixml(self, pipeline_id: uuid.UUID, batch: list[bytes]) -> None:
        """``write_output`` of values whose CLIXML is made (what psrpcore's would queue),
        each drained on its own as one write of psrpcore's would be."""
        with self._cond:
            pipeline = self._pool.pipeline_table.get(pipeline_id)
            if pipeline is None or pipeline.state != PSInvocationState.Running:
                return  # stopped or closed meanwhile: PowerShell drops late output too
            for data in batch:
                self._pool.queue_clixml(PSRPMessageType.PipelineOutput, data, pipeline_id)
                self._drain()

    def _finish(self, pipeline_id: uuid.UUID, outcome: PipelineOutcome, commands: list[CommandInvocation]) -> None:
        with self._cond:
            pipeline = self._pool.pipeline_table.get(pipeline_id)
            if pipeline is not None and pipeline.state in _RUNNING:
                if outcome.stopped:
                    pipeline.stop()
                elif outcome.error is not None:
                    factory = ErrorRecordFactory(len(commands) or 1)
                    pipeline.fail(factory.record(outcome.error, _position_of(commands, outcome.error.command_name)))
                else:
                    pipeline.complete()
            self._ended.add(pipeline_id)
            self._drain()
            self._cond.notify_all()  # a lingering Receive takes everything now

    def _drain(self) -> None:
        moved = wake = False
        while (payload := self._pool.data_to_send(self._fragment_size)) is not None:
            target = payload.pipeline_id
            box = self._outbox[target]
            # A waiting Receive wants the first data of its target, or (lingering) enough of it.
            wake = wake or not box
            # Fragments are self-delimiting: small runs are packed together (one WS-Man Stream
            # element each) up to the fragment size, as PowerShell's transport buffers them.
            if box and len(box[-1]) + len(payload.data) <= self._fragment_size:
                box[-1] += payload.data
            else:
                box.append(bytearray(payload.data))
            wake = wake or sum(map(len, box)) >= self._wake_at.get(target, 0)
            moved = True
        if moved:
            # Each wake-up costs the waiting thread a GIL hand-off: a refresh writes 41 lines.
            if wake:
                self._cond.notify_all()
            if self._on_data is not None:
                self._on_data()

    # -- replies to the client ------------------------------------------------------

    def take(self, pipeline_id: uuid.UUID | None, timeout: float, max_bytes: int) -> ReceiveChunk | None:
        """Wait up to ``timeout`` for data for one target; None when nothing came (WS-Man TimedOut)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if pipeline_id is not None and pipeline_id not in self._workers:
                    raise UnknownPipelineError(str(pipeline_id))
                box = self._outbox.get(pipeline_id)
                if box and pipeline_id is not None:
                    self._linger(pipeline_id, box, max_bytes)
                if box:
                    payloads = [box.popleft()]
                    size = len(payloads[0]) + _PER_PAYLOAD
                    while box and size + len(box[0]) + _PER_PAYLOAD <= max_bytes:
                        size += len(box[0]) + _PER_PAYLOAD
                        payloads.append(box.popleft())
                    done = pipeline_id is not None and pipeline_id in self._ended and not box
                    return ReceiveChunk(tuple(bytes(p) for p in payloads), done)
                if pipeline_id is not None and pipeline_id in self._ended:
                    return ReceiveChunk((), True)
                if self._closed:
                    raise PoolClosedError("the runspace pool was closed")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._cond.wait(remaining)

    def _linger(self, pipeline_id: uuid.UUID, box: deque[bytearray], max_bytes: int) -> None:
        # A pipeline that is still producing gets a moment to fill the envelope, so a slow
        # producer does not cost one Receive round trip per object. Called with the lock held.
        deadline = time.monotonic() + self._linger_s
        enough = max_bytes // 2
        self._wake_at[pipeline_id] = enough  # _drain wakes this thread only from there on
        try:
            while pipeline_id not in self._ended and sum(map(len, box)) < enough:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._closed:
                    return
                self._cond.wait(remaining)
        finally:
            self._wake_at.pop(pipeline_id, None)

    def take_any(self) -> list[tuple[uuid.UUID | None, bytes]]:
        """Everything queued for every target, oldest first per target (the stdio transport)."""
        with self._cond:
            ready: list[tuple[uuid.UUID | None, bytes]] = []
            for target, box in self._outbox.items():
                while box:
                    ready.append((target, bytes(box.popleft())))
            return ready

    # -- signals and close ----------------------------------------------------------

    def stop_pipeline(self, pipeline_id: uuid.UUID) -> None:
        """ctrl_c: cancel the runner, give it a moment to notice, end the pipeline Stopped."""
        with self._cond:
            worker = self._worker(pipeline_id)
            worker.cancel.set()
        if not worker.join(self._stop_grace_s):
            log.warning("pipeline %s did not notice the stop within %.1f s", pipeline_id, self._stop_grace_s)
        with self._cond:
            pipeline = self._pool.pipeline_table.get(pipeline_id)
            if pipeline is not None and pipeline.state in _RUNNING:
                pipeline.stop()
                self._ended.add(pipeline_id)
                self._drain()
                self._cond.notify_all()

    def close_pipeline(self, pipeline_id: uuid.UUID) -> None:
        """Terminate: stop the pipeline if it still runs, then forget it."""
        with self._cond:
            worker = self._workers.get(pipeline_id)
            running = worker is not None and self._pool.pipeline_table[pipeline_id].state in _RUNNING
        if worker is None:
            return
        if running:
            self.stop_pipeline(pipeline_id)
        with self._cond:
            pipeline = self._pool.pipeline_table.get(pipeline_id)
            if pipeline is not None:
                pipeline.close()
            self._workers.pop(pipeline_id, None)
            self._outbox.pop(pipeline_id, None)
            self._ended.discard(pipeline_id)
            self._cond.notify_all()

    def close(self) -> None:
        """Close every pipeline first (psrpcore refuses otherwise), then the pool."""
        for pipeline_id in self.pipeline_ids():
            self.close_pipeline(pipeline_id)
        with self._cond:
            if self._pool.state in (RunspacePoolState.Opened, RunspacePoolState.Closing):
                self._pool.close()
            self._closed = True
            self._cond.notify_all()

    def _check_open(self) -> None:
        if self._closed:
            raise PoolClosedError("the runspace pool was closed")


def _position_of(commands: list[CommandInvocation], command_name: str) -> int:
    for index, command in enumerate(commands):
        if command.name.lower() == command_name.lower():
            return index
    return 0
