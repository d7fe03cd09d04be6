"""Start/Stop/Save/Suspend/Resume/Restart/Remove-VMSavedState/Checkpoint/Rename/Remove-VM."""

from __future__ import annotations

import pytest

from hvmanager.simulator.hyperv.localisation import SHUTDOWN
from hvmanager.simulator.hyperv.sim_host import SimHost

from unit.simulator.sim_engine_harness import cmd, run, wire

_HV = "Microsoft.HyperV.PowerShell.Commands."
_GB = 1024 ** 3


@pytest.fixture
def host() -> SimHost:
    return SimHost("HV01", time_scale=0.01)


def _state(host: SimHost, vm) -> str:
    return host.vm_state(vm).name


def _by_id(vm) -> object:
    return cmd("Get-VM", Id=vm.vm_id)


@pytest.mark.parametrize(("cmdlet", "switches", "start", "end"), [
    ("Start-VM", {}, "Off", "Running"),
    ("Start-VM", {}, "Saved", "Running"),
    ("Start-VM", {}, "Paused", "Running"),  # the module's Start also resumes
    ("Stop-VM", {"TurnOff": True}, "Running", "Off"),
    ("Stop-VM", {"TurnOff": True}, "Paused", "Off"),
    ("Stop-VM", {"TurnOff": True}, "Saved", "Off"),
    ("Stop-VM", {"Save": True}, "Running", "Saved"),
    ("Stop-VM", {}, "Running", "Off"),  # shut down through the guest
    ("Stop-VM", {"Force": True}, "Running", "Off"),
    ("Save-VM", {}, "Running", "Saved"),
    ("Save-VM", {}, "Paused", "Saved"),
    ("Suspend-VM", {}, "Running", "Paused"),
    ("Resume-VM", {}, "Paused", "Running"),
    ("Restart-VM", {"Force": True}, "Running", "Running"),
    ("Remove-VMSavedState", {}, "Saved", "Off"),
])
def test_allowed_transitions(host: SimHost, cmdlet: str, switches: dict, start: str, end: str) -> None:
    vm = host.add_vm("vm", state=start, boot_seconds=0.0)
    outcome = run(host, _by_id(vm), cmd(cmdlet, **switches))
    assert outcome.errors == [] and outcome.failure is None
    assert _state(host, vm) == end  # the cmdlet waited for the transition


@pytest.mark.parametrize(("cmdlet", "switches", "start"), [
    ("Suspend-VM", {}, "Off"), ("Suspend-VM", {}, "Saved"), ("Resume-VM", {}, "Off"),
    ("Resume-VM", {}, "Saved"), ("Save-VM", {}, "Off"), ("Restart-VM", {"Force": True}, "Off"),
    ("Restart-VM", {"Force": True}, "Paused"), ("Restart-VM", {"Force": True}, "Saved"),
    ("Remove-VMSavedState", {}, "Running"), ("Stop-VM", {"Save": True}, "Off"),
    ("Stop-VM", {}, "Paused"),
])
def test_forbidden_transitions_are_invalid_state(host: SimHost, cmdlet: str, switches: dict, start: str) -> None:
    vm = host.add_vm("vm", state=start, boot_seconds=0.0)
    outcome = run(host, _by_id(vm), cmd(cmdlet, **switches))
    [error] = outcome.errors
    assert error.fully_qualified_error_id == "InvalidState," + _HV + cmdlet.replace("-", "")
    assert error.category == "InvalidOperation"
    assert error.message == "The operation cannot be performed while the object is in its current state."
    assert error.target_name == "vm"
    assert wire(error.target_object).adapted_properties["Id"] == vm.vm_id
    assert _state(host, vm) == start


@pytest.mark.parametrize(("cmdlet", "switches", "state"), [
    ("Start-VM", {}, "Running"), ("Stop-VM", {"TurnOff": True}, "Off"), ("Stop-VM", {}, "Off"),
    ("Suspend-VM", {}, "Paused"), ("Resume-VM", {}, "Running"), ("Save-VM", {}, "Saved"),
    ("Remove-VMSavedState", {}, "Off"),
])
def test_already_in_desired_state_is_no_error(host: SimHost, cmdlet: str, switches: dict, state: str) -> None:
    vm = host.add_vm("vm", state=state)
    outcome = run(host, _by_id(vm), cmd(cmdlet, **switches))
    assert outcome.errors == [] and _state(host, vm) == state


def test_transitional_state_refuses_a_second_action() -> None:
    host = SimHost("HV01", time_scale=50)
    vm = host.add_vm("vm")
    host.request(vm.vm_id, "start")
    outcome = run(host, _by_id(vm), cmd("Stop-VM", TurnOff=True))
    assert outcome.error_ids == ["InvalidState," + _HV + "StopVM"]
    assert _state(host, vm) == "Starting"
    assert wire(run(host, _by_id(vm)).output[0]).adapted_properties["State"].to_string == "Starting"


def test_shutdown_needs_the_shutdown_service_or_the_host_would_prompt(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running")
    host.set_integration_service(vm.vm_id, SHUTDOWN, False)
    outcome = run(host, _by_id(vm), cmd("Stop-VM"))
    [error] = outcome.errors
    assert error.fully_qualified_error_id == "HostFunctionNotImplemented," + _HV + "StopVM"
    assert "Hyper-V cannot shut down virtual machine vm because the Shutdown integration service " \
           "is unavailable" in error.message
    assert _state(host, vm) == "Running"
    # -Force answers the prompt: the module turns the VM off instead.
    assert run(host, _by_id(vm), cmd("Stop-VM", Force=True)).errors == []
    assert _state(host, vm) == "Off"


def test_shutdown_while_the_guest_still_boots_prompts(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running", uptime_s=0.1, boot_seconds=60)
    assert run(host, _by_id(vm), cmd("Stop-VM")).error_ids == ["HostFunctionNotImplemented," + _HV + "StopVM"]


def test_guest_without_integration_components_cannot_shut_down(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running", guest_has_ics=False)
    assert run(host, _by_id(vm), cmd("Stop-VM")).error_ids == ["HostFunctionNotImplemented," + _HV + "StopVM"]


def test_save_and_turn_off_together_fail(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running")
    outcome = run(host, _by_id(vm), cmd("Stop-VM", Save=True, TurnOff=True))
    assert outcome.failure.fully_qualified_error_id == "InvalidParameter," + _HV + "StopVM"


def test_restart_without_force_would_prompt(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running")
    assert run(host, _by_id(vm), cmd("Restart-VM")).error_ids == ["HostFunctionNotImplemented," + _HV + "RestartVM"]


def test_restart_resets_uptime(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running", uptime_s=7200)
    run(host, _by_id(vm), cmd("Restart-VM", Force=True))
    with host.lock:
        assert vm.uptime_seconds(host.now()) < 60


def test_out_of_memory(host: SimHost) -> None:
    host.info.memory_capacity = 8 * _GB
    vm = host.add_vm("huge", memory_startup=16 * _GB)
    [error] = run(host, _by_id(vm), cmd("Start-VM")).errors
    assert error.fully_qualified_error_id == "OutOfMemory," + _HV + "StartVM"
    assert error.category == "FromStdErr"  # the module maps WMI 32778 so
    assert error.message.startswith("'huge' failed to start.")
    assert "Not enough memory in the system to start the virtual machine huge" in error.message
    assert "16384 megabytes" in error.message and str(vm.vm_id).upper() in error.message
    assert _state(host, vm) == "Off"


def test_per_vm_errors_do_not_stop_the_pipeline(host: SimHost) -> None:
    a = host.add_vm("a", state="Running")
    b = host.add_vm("b")
    c = host.add_vm("c", state="Running")
    outcome = run(host, cmd("Get-VM"), cmd("Suspend-VM", Passthru=True))
    assert outcome.error_ids == ["InvalidState," + _HV + "SuspendVM"]
    assert [wire(o).adapted_properties["Name"] for o in outcome.output] == ["a", "c"]
    assert (_state(host, a), _state(host, b), _state(host, c)) == ("Paused", "Off", "Paused")


def test_by_name_with_wildcards_and_a_missing_name(host: SimHost) -> None:
    host.add_vm("web1")
    host.add_vm("web2")
    outcome = run(host, cmd("Start-VM", Name=["web*", "ghost"]))
    # Only Get-VM writes InvalidParameter; other cmdlets resolve names with ObjectNotFound.
    assert outcome.error_ids == ["ObjectNotFound," + _HV + "StartVM"]
    assert outcome.errors[0].category == "ObjectNotFound"
    assert outcome.errors[0].message == 'Hyper-V was unable to find a virtual machine with name "ghost".'
    assert {_state(host, vm) for vm in host.vms} == {"Running"}


def test_passthru_returns_the_vm(host: SimHost) -> None:
    vm = host.add_vm("vm")
    [out] = run(host, cmd("Start-VM", VM=[run(host, _by_id(vm)).output[0]], Passthru=True)).output
    assert wire(out).adapted_properties["State"].to_string == "Running"


@pytest.mark.parametrize("switch", ["Passthru", "AsJob"])
def test_remove_saved_state_has_no_passthru_or_asjob(host: SimHost, switch: str) -> None:
    vm = host.add_vm("vm", state="Saved")
    outcome = run(host, _by_id(vm), cmd("Remove-VMSavedState", **{switch: True}))
    assert outcome.failure.fully_qualified_error_id == "NamedParameterNotFound," + _HV + "RemoveVMSavedState"
    assert _state(host, vm) == "Saved"


def test_whatif_changes_nothing(host: SimHost) -> None:
    vm = host.add_vm("vm")
    run(host, _by_id(vm), cmd("Start-VM", WhatIf=True))
    assert _state(host, vm) == "Off"


def test_vm_deleted_between_get_and_action_is_object_not_found(host: SimHost) -> None:
    vm = host.add_vm("vm")
    [obj] = run(host, _by_id(vm)).output
    host.remove_vm(vm.vm_id)
    assert run(host, cmd("Start-VM", VM=obj)).error_ids == ["ObjectNotFound," + _HV + "StartVM"]


def test_checkpoint_vm_builds_the_tree(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running")
    run(host, _by_id(vm), cmd("Checkpoint-VM", SnapshotName="first"))
    [second] = run(host, _by_id(vm), cmd("Checkpoint-VM", SnapshotName="second", Passthru=True)).output
    second = wire(second)
    assert second.adapted_properties["ParentSnapshotName"] == "first"
    got = wire(run(host, _by_id(vm)).output[0])
    assert got.adapted_properties["ParentSnapshotName"] == "second"
    assert got.adapted_properties["ParentSnapshotId"] == second.adapted_properties["Id"]


def test_checkpoint_default_name_and_german_name() -> None:
    for locale, pattern in (("en-US", r"vm - \(\d+/\d+/\d{4} - \d+:\d\d:\d\d [AP]M\)"),
                            ("de-DE", r"vm - \(\d\d\.\d\d\.\d{4} - \d\d:\d\d:\d\d\)")):
        host = SimHost("HV01", locale=locale, time_scale=0.01)
        vm = host.add_vm("vm")
        run(host, _by_id(vm), cmd("Checkpoint-VM"))
        import re
        assert re.fullmatch(pattern, vm.checkpoints[0].name)


def test_checkpoint_refused_during_a_transition() -> None:
    host = SimHost("HV01", time_scale=50)
    vm = host.add_vm("vm")
    host.request(vm.vm_id, "start")
    assert run(host, _by_id(vm), cmd("Checkpoint-VM")).error_ids == ["InvalidState," + _HV + "CheckpointVM"]


def test_rename_keeps_the_id(host: SimHost) -> None:
    vm = host.add_vm("old")
    [out] = run(host, _by_id(vm), cmd("Rename-VM", NewName="new name; $(x)", Passthru=True)).output
    assert wire(out).adapted_properties["Name"] == "new name; $(x)"
    assert wire(out).adapted_properties["Id"] == vm.vm_id


def test_remove_vm_needs_force_and_an_off_vm(host: SimHost) -> None:
    off = host.add_vm("off")
    running = host.add_vm("running", state="Running")
    assert run(host, _by_id(off), cmd("Remove-VM")).error_ids == ["HostFunctionNotImplemented," + _HV + "RemoveVM"]
    assert run(host, _by_id(running), cmd("Remove-VM", Force=True)).error_ids == ["InvalidState," + _HV + "RemoveVM"]
    assert run(host, _by_id(off), cmd("Remove-VM", Force=True)).errors == []
    assert host.vm(off.vm_id) is None


def test_restore_and_remove_checkpoints(host: SimHost) -> None:
    vm = host.add_vm("vm")
    run(host, _by_id(vm), cmd("Checkpoint-VM", SnapshotName="a"))
    run(host, _by_id(vm), cmd("Checkpoint-VM", SnapshotName="b"))
    run(host, _by_id(vm), cmd("Checkpoint-VM", SnapshotName="c"))
    a_id = vm.checkpoints[0].checkpoint_id
    refused = run(host, _by_id(vm), cmd("Get-VMSnapshot"), cmd("Where-Object", Property="Id", EQ=True, Value=a_id),
                  cmd("Restore-VMSnapshot"))
    assert refused.error_ids == ["HostFunctionNotImplemented," + _HV + "RestoreVMSnapshot"]
    run(host, _by_id(vm), cmd("Get-VMSnapshot"), cmd("Where-Object", Property="Id", EQ=True, Value=a_id),
        cmd("Restore-VMSnapshot", Confirm=False))
    assert vm.parent_checkpoint_id == a_id
    b_id = vm.checkpoints[1].checkpoint_id
    run(host, _by_id(vm), cmd("Get-VMSnapshot"), cmd("Where-Object", Property="Id", EQ=True, Value=b_id),
        cmd("Remove-VMSnapshot", Confirm=False))
    assert [c.name for c in vm.checkpoints] == ["a", "c"] and vm.checkpoints[1].parent_id == a_id
    run(host, _by_id(vm), cmd("Get-VMSnapshot"), cmd("Where-Object", Property="Id", EQ=True, Value=a_id),
        cmd("Remove-VMSnapshot", IncludeAllChildSnapshots=True, Confirm=False))
    assert vm.checkpoints == [] and vm.parent_checkpoint_id is None


def test_restart_type_reboot_goes_through_the_guest(host: SimHost) -> None:
    vm = host.add_vm("vm", state="Running", uptime_s=7200, boot_seconds=1)
    outcome = run(host, _by_id(vm), cmd("Restart-VM", Type="Reboot", Wait=True, For="Heartbeat"))
    assert outcome.errors == [] and _state(host, vm) == "Running"
    with host.lock:
        assert vm.guest_up(host.now()) and vm.uptime_seconds(host.now()) < 60
    host.set_integration_service(vm.vm_id, SHUTDOWN, False)
    failed = run(host, _by_id(vm), cmd("Restart-VM", Type="Reboot"))
    assert failed.error_ids == ["OperationFailed," + _HV + "RestartVM"]
    assert failed.errors[0].category == "InvalidOperation"
