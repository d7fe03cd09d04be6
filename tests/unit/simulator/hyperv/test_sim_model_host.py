"""SimHost: seeded generation, timed transitions, memory, services, reboot."""

from __future__ import annotations

import time

import pytest

from hvmanager.simulator.hyperv.enums import VMState
from hvmanager.simulator.hyperv.host_generator import HOSTILE_NAMES
from hvmanager.simulator.hyperv.sim_host import SimHost

_GB = 1024 ** 3


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _snapshot(host: SimHost) -> list[tuple]:
    return [(vm.vm_id, vm.name, vm.generation, vm.version, vm.memory_startup, host.vm_state(vm).name,
             [d.path for d in vm.disks], [a.mac_address for a in vm.adapters], vm.creation_time,
             [(c.name, c.creation_time, c.parent_id) for c in vm.checkpoints], dict(vm.ic_enabled))
            for vm in host.vms]


def test_same_seed_same_data_other_seed_other_data() -> None:
    assert _snapshot(SimHost.generate("HV01", 30, 5)) == _snapshot(SimHost.generate("HV01", 30, 5))
    assert _snapshot(SimHost.generate("HV01", 30, 5)) != _snapshot(SimHost.generate("HV01", 30, 6))


def test_hostile_names_and_a_duplicate_from_eight_vms() -> None:
    names = [vm.name for vm in SimHost.generate("HV01", 20, 3).vms]
    assert set(HOSTILE_NAMES) <= set(names)
    assert any(len(n) >= 1000 for n in names)
    assert len(set(names)) < len(names)  # two VMs share a name
    small = [vm.name for vm in SimHost.generate("HV01", 5, 3).vms]
    assert not set(HOSTILE_NAMES) & set(small)


def test_standard_profile_is_mostly_generation_2_with_varied_states() -> None:
    host = SimHost.generate("HV01", 60, 11)
    generations = [vm.generation for vm in host.vms]
    assert generations.count(2) > 45
    states = {host.vm_state(vm) for vm in host.vms}
    assert {VMState.Running, VMState.Off, VMState.Saved} <= states
    assert any(vm.dynamic_memory for vm in host.vms) and any(vm.notes for vm in host.vms)
    assert {vm.version for vm in host.vms} <= {"5.0", "8.0", "9.0", "9.3", "10.0", "11.0", "12.0"}


def test_legacy_profile_has_ide_generation_1_vms_and_checkpoint_trees() -> None:
    host = SimHost.generate("HV03", 12, 2, profile="legacy")
    gen1 = [vm for vm in host.vms if vm.generation == 1]
    assert len(gen1) >= 3
    for vm in gen1:
        assert vm.disks[0].controller_type == "IDE" and vm.disks[0].controller_location == 0
    for vm in host.vms:
        if vm.generation == 2:
            assert all(d.controller_type == "SCSI" for d in vm.disks)
    trees = [vm for vm in host.vms if len(vm.checkpoints) >= 2]
    assert trees
    for vm in trees:
        ids = {c.checkpoint_id for c in vm.checkpoints}
        assert vm.checkpoints[0].parent_id is None
        assert all(c.parent_id in ids for c in vm.checkpoints[1:])
        assert vm.parent_checkpoint_id in ids


def test_start_goes_through_starting_and_uptime_grows() -> None:
    clock = FakeClock()
    host = SimHost("HV01", clock=clock)
    vm = host.add_vm("a", boot_seconds=5)
    outcome = host.request(vm.vm_id, "start")
    assert outcome.kind == "ok" and 1.0 <= outcome.ends_at - clock.now <= 3.0
    assert host.vm_state(vm) == VMState.Starting
    clock.now = outcome.ends_at
    assert host.vm_state(vm) == VMState.Running
    with host.lock:
        assert vm.heartbeat(clock.now).name == "NoContact"  # the guest still boots
        clock.now += 6
        assert vm.heartbeat(clock.now).name == "OkApplicationsHealthy"
        assert vm.uptime_seconds(clock.now) == pytest.approx(6)
        assert vm.cpu_usage(clock.now) > 0 and vm.memory_assigned(clock.now) == 2 * _GB


def test_forbidden_and_already_done_transitions() -> None:
    host = SimHost("HV01", time_scale=0.001)
    off = host.add_vm("off")
    assert host.request(off.vm_id, "suspend").kind == "invalid_state"
    assert host.request(off.vm_id, "turn_off").kind == "already"
    assert host.request(off.vm_id, "delete_saved_state").kind == "already"
    saved = host.add_vm("saved", state="Saved")
    assert host.request(saved.vm_id, "resume").kind == "invalid_state"
    assert host.request(saved.vm_id, "delete_saved_state").kind == "ok"
    assert host.vm_state(saved) == VMState.Off


def test_transitional_state_refuses_other_actions() -> None:
    clock = FakeClock()
    host = SimHost("HV01", clock=clock)
    vm = host.add_vm("a", state="Running")
    assert host.request(vm.vm_id, "save").kind == "ok"
    assert host.vm_state(vm) == VMState.Saving
    assert host.request(vm.vm_id, "turn_off").kind == "invalid_state"
    assert host.request(vm.vm_id, "start").kind == "invalid_state"
    clock.now += 10
    assert host.vm_state(vm) == VMState.Saved


def test_start_needs_free_host_memory() -> None:
    host = SimHost("HV01", time_scale=0.001)
    host.info.memory_capacity = 16 * _GB
    big = host.add_vm("big", memory_startup=20 * _GB)
    assert host.request(big.vm_id, "start").kind == "out_of_memory"
    small = host.add_vm("small", memory_startup=2 * _GB)
    assert host.request(small.vm_id, "start").kind == "ok"


def test_generated_running_vms_fit_in_host_memory() -> None:
    host = SimHost.generate("HV01", 200, 4)
    assert host.free_memory() >= 0


def test_removed_vm_is_gone() -> None:
    host = SimHost("HV01")
    vm = host.add_vm("a")
    host.remove_vm(vm.vm_id)
    assert host.request(vm.vm_id, "start").kind == "gone" and host.vm(vm.vm_id) is None


def test_services_stop_and_start_with_a_pending_phase() -> None:
    clock = FakeClock()
    host = SimHost("HV01", clock=clock)
    assert host.service_status("vmms") == "Running" and host.vmms_running()
    done = host.set_service_running("vmms", False)
    assert host.service_status("vmms") == "StopPending"
    clock.now = done
    assert host.service_status("vmms") == "Stopped" and not host.vmms_running()
    clock.now = host.set_service_running("vmms", True)
    assert host.service_status("VMMS") == "Running"
    with pytest.raises(KeyError):
        host.service_status("nope")


def test_restart_applies_stop_and_start_actions() -> None:
    clock = FakeClock()
    host = SimHost("HV01", clock=clock)
    keeps = host.add_vm("keeps", state="Running")  # StartIfRunning, stop action Save
    stays = host.add_vm("stays", state="Running")
    stays.automatic_start_action, stays.automatic_stop_action = "Nothing", "TurnOff"
    host.set_service_running("vmms", False)
    clock.now += 1
    host.restart()
    assert host.vm_state(keeps) == VMState.Starting and host.vm_state(stays) == VMState.Off
    assert host.vmms_running()
    clock.now += 5
    assert host.vm_state(keeps) == VMState.Running
    with host.lock:
        assert keeps.uptime_seconds(clock.now) < 5


def test_vms_view_is_thread_safe_snapshot() -> None:
    host = SimHost.generate("HV01", 5, 1)
    view = host.vms
    host.add_vm("extra")
    assert len(view) == 5 and len(host.vms) == 6


def test_wall_clock_carries_the_locale_offset() -> None:
    assert SimHost("HV01", locale="de-DE").wall_now().utcoffset().total_seconds() == 3600
    assert abs(SimHost("HV01").wall_now().timestamp() - time.time()) < 5


def test_starting_a_paused_vm_resumes_it() -> None:
    clock = FakeClock()
    host = SimHost("HV01", clock=clock)
    vm = host.add_vm("a", state="Paused")
    outcome = host.request(vm.vm_id, "start")
    assert host.vm_state(vm) == VMState.Resuming and outcome.ends_at - clock.now <= 0.5
    clock.now = outcome.ends_at
    assert host.vm_state(vm) == VMState.Running
