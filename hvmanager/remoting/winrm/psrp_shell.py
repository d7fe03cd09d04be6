"""A PowerShell runspace pool on a WinRM shell: psrpcore's client state over ``WSManChannel``.

Opening costs Create (with the pool's first PSRP data as ``creationXml``) and one
shell-level Receive that brings the pool's answer. A pipeline costs Command (its
CreatePipeline data as ``Arguments``) and, when the host answers at once, one Receive that
holds all its output and its final state; releasing it (Signal terminate) is left to the
caller, who can do it after handing the result back.
"""

from __future__ import annotations

import uuid
from typing import Any, Callable

from psrpcore import (
    ErrorRecordEvent,
    PipelineOutputEvent,
    PipelineStateEvent,
    PSRPPayload,
    RunspacePoolStateEvent,
    StreamType,
)
from psrpcore.types import PSInvocationState, RunspacePoolState

from hvmanager.remoting import psrpcore_conversion, transport_errors
from hvmanager.remoting.pipeline import Pipeline
from hvmanager.remoting.winrm import envelopes
from hvmanager.remoting.winrm.fragment_demux import FragmentDemux
from hvmanager.remoting.winrm.guarded_runspace_pool import GuardedRunspacePool
from hvmanager.remoting.winrm.pipeline_clixml import pipeline_clixml
from hvmanager.remoting.winrm.pipeline_run import PipelineRun
from hvmanager.remoting.winrm.ready_made_pipeline import ReadyMadePipeline
from hvmanager.remoting.winrm.reply_parser import MalformedReply, Reply
from hvmanager.remoting.winrm.wsman_channel import WSManChannel

#: PSRP bytes per envelope we send: its base64 stays well inside the host's MaxEnvelopeSize.
_PAYLOAD_BYTES = 64 * 1024
_POOL_DONE = (RunspacePoolState.Opened, RunspacePoolState.Broken, RunspacePoolState.Closed)


class PsrpShell:
    """One runspace pool on one host (coroutines, on the network loop)."""

    def __init__(self, channel: WSManChannel, host: str, poll_s: float) -> None:
        self._channel = channel
        self._host = host
        self._poll_s = poll_s
        self._pool = GuardedRunspacePool()
        self.shell_id: uuid.UUID = self._pool.runspace_pool_id
        self._runs: dict[uuid.UUID, PipelineRun] = {}
        self._runs_by_wire_id: dict[bytes, PipelineRun] = {}
        self._pool_demux = FragmentDemux()

    @property
    def is_open(self) -> bool:
        """True while psrpcore considers the pool opened."""
        return self._pool.state == RunspacePoolState.Opened

    async def open(self) -> None:
        """Create the shell and wait until the host reports the pool opened."""
        pool = self._pool
        pool.open()
        first = pool.data_to_send(_PAYLOAD_BYTES)
        assert first is not None  # open() always queues the capability and init messages
        await self._channel.create(self.shell_id, first.data)
        await self._send_pending()
        while pool.state not in _POOL_DONE:
            self._feed(await self._channel.receive(self.shell_id, None, self._poll_s), self._pool_demux)
        if pool.state != RunspacePoolState.Opened:
            raise transport_errors.runspace_not_opened(self._host)

    def prepare(self, pipeline: Pipeline) -> PipelineRun:
        """The pipeline's run, known to the pool (``start`` sends it)."""
        # The commands travel as ready-made CLIXML; psrpcore keeps only the pipeline's state.
        run = PipelineRun(ReadyMadePipeline(self._pool, pipeline_clixml(pipeline)))
        self._runs[run.pipeline_id] = run
        self._runs_by_wire_id[run.pipeline_id.bytes_le] = run
        return run

    async def start(self, run: PipelineRun) -> None:
        """Create the pipeline on the host (Command, then Send for what did not fit)."""
        run.shell.start()
        first = self._pool.data_to_send(_PAYLOAD_BYTES)
        assert first is not None  # start() always queues the CreatePipeline message
        await self._channel.command(self.shell_id, run.pipeline_id, first.data)
        await self._send_pending()

    async def collect(self, run: PipelineRun, before_poll: Callable[[], None]) -> None:
        """Receive until the pipeline finished (a cancellation leaves it running on the
        host: ``stop`` it)."""
        while not run.finished:
            before_poll()
            reply = await self._channel.receive(self.shell_id, run.pipeline_id, self._poll_s)
            self._feed(reply, run.demux)
            if reply is not None and reply.done and not run.finished:
                raise MalformedReply("the command ended without a final pipeline state")

    async def stop(self, run: PipelineRun) -> None:
        """Ask the host to stop the pipeline (ctrl_c), then release it."""
        if not run.finished:
            run.shell.begin_stop()
            await self._channel.signal(self.shell_id, run.pipeline_id, envelopes.SIGNAL_STOP)
        self.forget(run)
        await self.terminate(run.pipeline_id)

    def forget(self, run: PipelineRun) -> None:
        """Drop the pipeline from psrpcore's table (the host's copy goes with ``terminate``)."""
        self._runs.pop(run.pipeline_id, None)
        self._runs_by_wire_id.pop(run.pipeline_id.bytes_le, None)
        self._pool.pipeline_table.pop(run.pipeline_id, None)

    async def terminate(self, pipeline_id: uuid.UUID) -> None:
        """Release a finished or stopped pipeline on the host (Signal terminate)."""
        await self._channel.signal(self.shell_id, pipeline_id, envelopes.SIGNAL_TERMINATE)

    async def delete(self) -> None:
        """Close the pool on the host (Delete closes its pipelines too)."""
        await self._channel.delete(self.shell_id)

    async def _send_pending(self) -> None:
        while (payload := self._pool.data_to_send(_PAYLOAD_BYTES)) is not None:
            await self._channel.send(self.shell_id, payload.pipeline_id, payload.data)

    def _feed(self, reply: Reply | None, demux: FragmentDemux) -> None:
        """Hand a Receive's data to psrpcore (plain-string output taken out first); each
        target's streams have a demultiplexer of their own, as each is its own byte stream."""
        if reply is None:
            return
        pool = self._pool
        runs = self._runs_by_wire_id
        for _command_id, data in reply.streams:
            for piece in demux.split(data):
                if isinstance(piece, bytes):
                    pool.receive_data(PSRPPayload(piece, StreamType.default, None))
                    while (event := pool.next_event()) is not None:
                        self._on_event(event)
                    continue
                wire_id, records = piece
                run = runs.get(wire_id)
                if run is None:
                    continue
                if records is None:
                    run.shell.state = PSInvocationState.Completed  # what psrpcore would set
                else:
                    run.records.extend(records)

    def _on_event(self, event: Any) -> None:
        run = self._runs.get(event.pipeline_id) if event.pipeline_id is not None else None
        if isinstance(event, PipelineOutputEvent):
            if run is not None:
                run.records.append(psrpcore_conversion.to_record(event.data))
        elif isinstance(event, ErrorRecordEvent):
            if run is not None:
                run.errors.append(psrpcore_conversion.error_info(event.record))
        elif isinstance(event, PipelineStateEvent):
            if run is not None and event.reason is not None:
                run.reason = event.reason
        elif isinstance(event, RunspacePoolStateEvent) and event.state == RunspacePoolState.Broken:
            raise transport_errors.runspace_broken(self._host, event.reason)
