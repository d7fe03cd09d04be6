"""The refresh's parse runs on the transport's thread right after the pipeline, and a parse
whose result was never shown does not make the next refresh skip rows as unchanged."""

from __future__ import annotations

import threading
import time

from integration.core.lab_helpers import config_for, run

from hvmanager.core.host_session import HostSession
from hvmanager.core.host_state import HostState
from hvmanager_testing.recording_listener import RecordingListener


def _spy_on_parse(session: HostSession, delay_s: list[float], threads: list[str]) -> None:
    """Record the thread of each parse; sleep ``delay_s[0]`` in it first (to outlast a timeout)."""
    parse = session._parser.parse

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread().name)
        time.sleep(delay_s[0])
        return parse(*args, **kwargs)

    session._parser.parse = recorded


def test_the_parse_runs_on_the_transport_thread_and_a_discarded_parse_is_not_taken_as_shown(make_lab):
    lab = make_lab(hosts=1, vms_per_host=0)
    host = lab.hosts[0]
    vm = host.model.add_vm("before", state="Off")
    listener = RecordingListener()
    delay_s, threads = [0.0], []

    async def scenario():
        session = HostSession(config_for(host), listener, password=host.password,
                              refresh_interval_s=0, call_timeout_s=2.0)
        _spy_on_parse(session, delay_s, threads)
        try:
            await session.refresh()
            assert [v.name for v in session.vms.values()] == ["before"]
            # The session's network loop (its own: HostSession got no factory), not the event loop's thread.
            assert threads and all(name.startswith("hvmanager-network") for name in threads)

            # The parse sees the renamed row but outlasts the call's timeout: nothing is shown.
            host.model.rename_vm(vm.vm_id, "after")
            delay_s[0] = 3.0
            status = await session.refresh()
            assert status.state is HostState.ERROR
            assert [v.name for v in session.vms.values()] == ["before"]

            # The next refresh gets the same rows; they must not count as already shown.
            delay_s[0] = 0.0
            status = await session.refresh()
            assert status.state is HostState.CONNECTED
            assert [v.name for v in session.vms.values()] == ["after"]
            assert listener.tables[session.key] == dict(session.vms)
        finally:
            await session.close()

    run(scenario())
