"""Parameter binding and pipeline rules of the engine, as PowerShell applies them."""

from __future__ import annotations

import threading

from hvmanager.simulator.engine_api import CommandInvocation
from hvmanager.simulator.hyperv.sim_host import SimHost

from unit.simulator.sim_engine_harness import cmd, fast_host, run, wire


def test_unknown_command_is_a_terminating_command_not_found() -> None:
    outcome = run(fast_host(), cmd("Get-VMs"))
    failure = outcome.failure
    assert failure.fully_qualified_error_id == "CommandNotFoundException"
    assert failure.category == "ObjectNotFound" and failure.target_object == "Get-VMs"
    assert failure.message.startswith("The term 'Get-VMs' is not recognized as the name of a cmdlet")
    assert failure.exception_types[0] == "System.Management.Automation.CommandNotFoundException"


def test_unknown_command_later_in_the_pipeline_fails_before_anything_runs() -> None:
    host = fast_host()
    vm = host.add_vm("x")
    outcome = run(host, cmd("Get-VM", "x"), cmd("Start-VM"), cmd("Nope-Nope"))
    assert outcome.failure.fully_qualified_error_id == "CommandNotFoundException"
    assert host.vm_state(vm).name == "Off"


def test_scripts_are_refused() -> None:
    outcome = run(fast_host(), CommandInvocation("Get-VM | Stop-VM", is_script=True))
    assert outcome.failure.fully_qualified_error_id == "ScriptsNotAllowed"
    assert "no-language mode" in outcome.failure.message


def test_parameter_a_cmdlet_lacks_is_named_parameter_not_found() -> None:
    outcome = run(fast_host(), cmd("Start-VM", Id="5c1b2e0c-0000-0000-0000-000000000000"))
    assert outcome.failure.fully_qualified_error_id == \
        "NamedParameterNotFound,Microsoft.HyperV.PowerShell.Commands.StartVM"
    assert outcome.failure.message == "A parameter cannot be found that matches parameter name 'Id'."
    assert outcome.failure.category == "InvalidArgument"


def test_names_are_case_insensitive_and_unambiguous_prefixes_bind() -> None:
    host = fast_host()
    host.add_vm("Pref-Test")
    assert len(run(host, cmd("get-vm", nam="pref-test")).output) == 1
    assert len(run(host, cmd("Get-VM", VMName="PREF-TEST")).output) == 1  # alias


def test_ambiguous_prefix_fails() -> None:
    outcome = run(fast_host(), cmd("Stop-VM", "x", C="HV01"))
    assert outcome.failure.fully_qualified_error_id == "AmbiguousParameter,Microsoft.HyperV.PowerShell.Commands.StopVM"
    assert "-ComputerName" in outcome.failure.message and "-Confirm" in outcome.failure.message


def test_parameters_of_two_sets_fail() -> None:
    outcome = run(fast_host(), cmd("Get-VM", Name="a", Id="5c1b2e0c-0000-0000-0000-000000000000"))
    assert outcome.failure.fully_qualified_error_id == "AmbiguousParameterSet,Microsoft.HyperV.PowerShell.Commands.GetVM"


def test_extra_positional_argument_fails() -> None:
    outcome = run(fast_host(), cmd("Get-VMHost", "extra"))
    assert outcome.failure.fully_qualified_error_id == \
        "PositionalParameterNotFound,Microsoft.HyperV.PowerShell.Commands.GetVMHost"


def test_missing_mandatory_parameter_without_pipeline_input() -> None:
    outcome = run(fast_host(), cmd("Start-VM"))
    assert outcome.failure.fully_qualified_error_id == \
        "MissingMandatoryParameter,Microsoft.HyperV.PowerShell.Commands.StartVM"
    outcome = run(fast_host(), cmd("Rename-VM", "x"))
    assert outcome.failure.fully_qualified_error_id == \
        "MissingMandatoryParameter,Microsoft.HyperV.PowerShell.Commands.RenameVM"


def test_common_parameters_are_accepted() -> None:
    host = fast_host()
    outcome = run(host, cmd("Get-VM", Verbose=True, ErrorAction="SilentlyContinue", Name="nothing-here"))
    assert outcome.failure is None and outcome.errors == []


def test_error_action_stop_makes_an_error_terminating() -> None:
    outcome = run(fast_host(), cmd("Get-VM", Name="nothing-here", ErrorAction="Stop"))
    assert outcome.failure.fully_qualified_error_id == "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM"


def test_input_objects_feed_the_first_command() -> None:
    host = fast_host()
    host.add_vm("fed")
    outcome = run(host, cmd("Get-VM"), inputs=["fed"])
    assert [wire(o).adapted_properties["Name"] for o in outcome.output] == ["fed"]


def test_object_that_binds_nowhere_is_input_object_not_bound() -> None:
    host = fast_host()
    outcome = run(host, cmd("Get-Service", "WinRM"), cmd("Get-VMHardDiskDrive"))
    assert outcome.error_ids == ["InputObjectNotBound,Microsoft.HyperV.PowerShell.Commands.GetVMHardDiskDrive"]


def test_selected_object_coerces_to_a_name_string_as_in_powershell() -> None:
    host = fast_host()
    host.add_vm("coerce")
    outcome = run(host, cmd("Get-VM", "coerce"), cmd("Select-Object", Property=["Name"]), cmd("Start-VM"))
    # Start-VM -Name takes pipeline input by value only: the object becomes "@{Name=coerce}".
    assert outcome.error_ids == ["ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.StartVM"]
    assert '"@{Name=coerce}"' in outcome.errors[0].message


def test_module_qualified_names_resolve() -> None:
    assert run(fast_host(), cmd("Hyper-V\\Get-VMHost")).output
    assert run(fast_host(), cmd("Nope\\Get-VMHost")).failure.fully_qualified_error_id == "CommandNotFoundException"


def test_cancel_stops_a_waiting_cmdlet() -> None:
    host = SimHost("HV01", time_scale=100.0)
    vm = host.add_vm("slow")
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    outcome = run(host, cmd("Start-VM", "slow"), cancel=cancel)
    timer.join()
    assert outcome.failure is None and outcome.output == []
    assert host.vm_state(vm).name == "Starting"


def test_slow_cmdlet_fault_delays_hyperv_cmdlets_only() -> None:
    import time
    host = fast_host(3)
    host.cmdlet_delay_s = 1.0
    started = time.perf_counter()
    run(host, cmd("Get-Service", "vmms"))
    assert time.perf_counter() - started < 0.9
    started = time.perf_counter()
    run(host, cmd("Get-VM"))
    assert time.perf_counter() - started >= 1.0


def test_concurrent_pipelines_share_one_host() -> None:
    host = fast_host(20)
    results: list[int] = []

    def worker() -> None:
        results.append(len(run(host, cmd("Get-VM")).output))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [20] * 8


def test_arguments_that_do_not_convert_fail_binding() -> None:
    outcome = run(fast_host(), cmd("Get-VM", Id="not-a-guid"))
    assert outcome.failure.fully_qualified_error_id == \
        "CannotConvertArgumentNoMessage,Microsoft.HyperV.PowerShell.Commands.GetVM"
    assert outcome.failure.message.startswith("Cannot bind parameter 'Id'. Cannot convert value \"not-a-guid\"")
    outcome = run(fast_host(), cmd("Get-VM"), cmd("Select-Object", First="many"))
    assert outcome.failure.fully_qualified_error_id == \
        "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SelectObjectCommand"
    assert len(run(fast_host(), cmd("Get-VM"), cmd("Select-Object", First="2")).output) == 2
