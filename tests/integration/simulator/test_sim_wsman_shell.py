"""WS-Man shell operations and PSRP pipelines, through the unmodified pypsrp client."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from pypsrp.complex_objects import PSInvocationState, RunspacePoolState
from pypsrp.exceptions import WSManFaultError
from pypsrp.powershell import PowerShell, RunspacePool

from hvmanager.simulator.lab import Lab

from integration.simulator.wsman_client import client_for


def _prop(obj: object, name: str) -> object:
    return obj.adapted_properties.get(name, obj.extended_properties.get(name))  # type: ignore[attr-defined]


def test_output_objects_keep_their_dotnet_type_names(pool: RunspacePool) -> None:
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-Toy").add_parameter("Count", 3)
    output = ps.invoke()
    assert [_prop(o, "Name") for o in output] == ["HV01-vm000", "HV01-vm001", "HV01-vm002"]
    assert output[0].types[0] == "Microsoft.HyperV.PowerShell.VirtualMachine"
    assert ps.state == PSInvocationState.COMPLETED and not ps.had_errors


def test_non_terminating_error_record_fields(pool: RunspacePool) -> None:
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-Toy").add_parameter("Count", 1).add_parameter("Fail", True)
    output = ps.invoke()
    assert len(output) == 1 and not ps.had_errors and ps.state == PSInvocationState.COMPLETED
    [error] = ps.streams.error
    assert error.fq_error == "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM"
    assert error.category == 5  # InvalidArgument
    assert error.reason == "VirtualizationException"
    assert error.target_object == "nope" and error.target_name == "nope"
    assert error.invocation_name == "Get-VM"
    assert error.exception.types[0] == "Microsoft.HyperV.PowerShell.VirtualizationException"
    assert error.exception.adapted_properties["Message"] == 'Hyper-V was unable to find a virtual machine with name "nope".'
    assert error.message == "InvalidArgument: (nope:String) [Get-VM], VirtualizationException"


def test_terminating_error_fails_the_pipeline(pool: RunspacePool) -> None:
    ps = PowerShell(pool)
    ps.add_cmdlet("Throw")
    ps.invoke()
    assert ps.state == PSInvocationState.FAILED and ps.had_errors
    [error] = ps.streams.error
    assert error.fq_error.startswith("InvalidState,")
    assert error.invocation_name == "Start-VM"


def test_unknown_command_and_scripts(pool: RunspacePool) -> None:
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-Nothing")
    ps.invoke()
    assert ps.state == PSInvocationState.FAILED
    assert ps.streams.error[0].fq_error == "CommandNotFoundException"
    script = PowerShell(pool)
    script.add_script("Get-Process")
    script.invoke()
    assert script.streams.error[0].fq_error == "ScriptsNotSupported"


def test_pipeline_input_reaches_the_runner(pool: RunspacePool) -> None:
    ps = PowerShell(pool)
    ps.add_cmdlet("Echo")
    assert ps.invoke(input=["a", "b", 3]) == ["a", "b", 3]


def test_large_output_spans_many_fragments_and_receives(toy_lab: Lab, pool: RunspacePool) -> None:
    ps = PowerShell(pool)
    ps.add_cmdlet("Get-Toy").add_parameter("Count", 1500)
    output = ps.invoke()
    assert len(output) == 1500 and _prop(output[-1], "Index") == 1499
    big = PowerShell(pool)
    big.add_cmdlet("Write-Toy").add_parameter("Size", 700_000)
    assert len(big.invoke()[0]) == 700_000
    # pypsrp raised its MaxEnvelopeSize to 512000 after the capability exchange; no reply may exceed it.
    assert 300_000 < toy_lab.hosts[0].server.largest_reply <= 512_000


def test_receive_long_polls_then_times_out(toy_lab: Lab, pool: RunspacePool) -> None:
    ps = PowerShell(pool)
    ps.add_cmdlet("Wait-Forever")
    ps.begin_invoke()
    started = time.monotonic()
    with pytest.raises(WSManFaultError) as fault:
        pool.shell.receive("stdout", command_id=ps._command_id, timeout=1)
    assert fault.value.code == 2150858793
    assert time.monotonic() - started >= 0.9
    ps.poll_invoke(timeout=1)  # pypsrp swallows the TimedOut and polls again
    assert ps.state == PSInvocationState.RUNNING
    ps.stop()


def test_ctrl_c_stops_a_long_pipeline_cooperatively(toy_lab: Lab, pool: RunspacePool) -> None:
    model = toy_lab.hosts[0].model
    ps = PowerShell(pool)
    ps.add_cmdlet("Wait-Forever")
    ps.begin_invoke()
    time.sleep(0.2)
    ps.stop()
    assert model.cancelled.wait(2)
    after = PowerShell(pool)
    after.add_cmdlet("Get-Toy").add_parameter("Count", 1)
    assert len(after.invoke()) == 1


def test_stopped_state_reaches_a_client_that_keeps_receiving(toy_lab: Lab, pool: RunspacePool) -> None:
    ps = PowerShell(pool)
    ps.add_cmdlet("Wait-Forever")
    ps.begin_invoke()
    pool.shell.signal("powershell/signal/ctrl_c", ps._command_id)
    ps.end_invoke()
    assert ps.state == PSInvocationState.STOPPED
    assert ps.streams.error[-1].fq_error == "PipelineStopped"


def test_delete_closes_running_pipelines_then_the_pool(toy_lab: Lab) -> None:
    host = toy_lab.hosts[0]
    pool = RunspacePool(client_for(host))
    pool.open()
    ps = PowerShell(pool)
    ps.add_cmdlet("Wait-Forever")
    ps.begin_invoke()
    assert host.server.shells.shell_count() == 1
    pool.close()
    assert host.model.cancelled.wait(3)
    assert host.server.shells.shell_count() == 0


def test_requests_for_a_deleted_shell_fault(toy_lab: Lab) -> None:
    pool = RunspacePool(client_for(toy_lab.hosts[0]))
    pool.open()
    pool.shell.close()
    pool.shell.opened = True
    with pytest.raises(WSManFaultError) as fault:
        pool.shell.receive("stdout", timeout=1)
    assert fault.value.code == 2150858843


def test_many_shells_and_pipelines_concurrently(toy_lab: Lab) -> None:
    host = toy_lab.hosts[0]
    slow_pool = RunspacePool(client_for(host))
    slow_pool.open()
    slow = PowerShell(slow_pool)
    slow.add_cmdlet("Wait-Forever")
    slow.begin_invoke()  # one pipeline that never ends must not hold the others back
    results: dict[int, int] = {}
    failures: list[BaseException] = []

    def client(number: int) -> None:
        try:
            with RunspacePool(client_for(host, auth="negotiate")) as pool:
                pipelines = []
                for _ in range(2):
                    ps = PowerShell(pool)
                    ps.add_cmdlet("Get-Toy").add_parameter("Count", 20)
                    ps.begin_invoke()
                    pipelines.append(ps)
                results[number] = sum(len(ps.end_invoke()) for ps in pipelines)
        except BaseException as exc:  # collected and asserted below
            failures.append(exc)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(20)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failures, failures
    assert results == {n: 40 for n in range(20)}
    assert time.monotonic() - started < 30
    slow.stop()
    slow_pool.close()


def test_one_keep_alive_connection_per_client_session(toy_lab: Lab) -> None:
    server = toy_lab.hosts[0].server
    before = server.connections
    with RunspacePool(client_for(toy_lab.hosts[0])) as pool:
        for _ in range(3):
            ps = PowerShell(pool)
            ps.add_cmdlet("Get-Toy")
            ps.invoke()
    # NTLM contexts and message encryption live on the connection: it must be reused.
    assert server.connections - before == 1
    assert server.requests >= 8  # create, receive, 3 x (command, receive), delete


def test_stop_leaves_no_simulator_threads() -> None:
    from hvmanager.simulator.lab import Lab as LabClass
    from integration.simulator.toy_backend import toy_backend

    lab = LabClass(hosts=2, backend=toy_backend)
    lab.start()
    pool = RunspacePool(client_for(lab.hosts[0]))
    pool.open()
    ps = PowerShell(pool)
    ps.add_cmdlet("Wait-Forever")
    ps.begin_invoke()
    lab.stop()
    deadline = time.monotonic() + 5
    names = ("wsman-", "pipeline-")
    while time.monotonic() < deadline:
        alive = [t.name for t in threading.enumerate() if t.name.startswith(names) and t.is_alive()]
        if not alive:
            break
        time.sleep(0.05)
    assert not alive


def test_closing_wakes_the_sleeping_accept_loops_at_once() -> None:
    # The accept loops sleep until a connection comes (they look at their stop flag once a
    # second at most): closing must wake each one, or forty hosts would take ~40 s.
    from hvmanager.simulator.lab import Lab as LabClass
    from integration.simulator.toy_backend import toy_backend

    with LabClass(hosts=40, backend=toy_backend) as lab:
        time.sleep(0.3)
        started = time.monotonic()
        for host in lab.hosts:
            host.set_fault("refused")  # closes the listener
        closed_in = time.monotonic() - started
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((lab.hosts[0].address, lab.hosts[0].port), timeout=2).close()
        lab.hosts[0].clear_faults()
        with RunspacePool(client_for(lab.hosts[0])) as pool:
            assert pool.state == RunspacePoolState.OPENED
    assert closed_in < 1.5


def test_server_config_reports_the_windows_envelope_size(toy_lab: Lab) -> None:
    connection = client_for(toy_lab.hosts[0])
    connection.update_max_payload_size()  # WS-Man Get of winrm/config, as pypsrp offers
    assert connection.max_envelope_size == 500 * 1024
