import uuid
from datetime import timedelta

from hvmanager.domain.checkpoint_type import CheckpointType
from hvmanager.domain.heartbeat_status import HeartbeatStatus
from hvmanager.domain.vm_state import VMState
from hvmanager.hyperv.vm_parser import parse_vm, parse_vms
from hvmanager.hyperv.vm_property import ALL, VmProperty, selection
from hvmanager.remoting.record import Record

from hyperv_host_records import SELECTED_VM_TYPES, off_vm, running_vm, selected_vm, vm_state


def test_a_real_select_object_record_parses_completely():
    vm = parse_vm(running_vm(), "hv01", ALL)
    assert vm.vm_id == uuid.UUID("3f2504e0-4f89-11d3-9a0c-0305e82c3301")
    assert (vm.host, vm.name, vm.state) == ("hv01", "web-01", VMState.RUNNING)
    assert vm.cpu_usage == 3 and vm.memory_assigned == 2 * 1024 ** 3
    assert vm.memory_status == "OK" and vm.dynamic_memory_enabled is True
    assert vm.uptime == timedelta(hours=1, minutes=7, seconds=3.5)
    assert vm.generation == 2 and vm.version == "9.0"
    assert vm.heartbeat is HeartbeatStatus.OK_APPLICATIONS_HEALTHY
    assert vm.integration_services_version == "10.0.19041.1"
    assert vm.replication_state == "Disabled" and vm.replication_health == "NotApplicable"
    assert vm.checkpoint_type is CheckpointType.PRODUCTION
    assert vm.is_clustered is False and vm.notes == ""
    assert vm.creation_time.year == 2026
    assert vm.fetched == {p.field for p in ALL} - {"vm_id", "name", "state"}


def test_off_vm_null_heartbeat_is_fetched_but_empty():
    vm = parse_vm(off_vm(), "hv01", selection(["Heartbeat", "Uptime", "Generation"]))
    assert vm.state is VMState.OFF
    assert vm.is_fetched("heartbeat") and vm.heartbeat is None
    assert not vm.is_fetched("notes")
    assert vm.generation == 1 and vm.uptime == timedelta(0)


def test_without_a_selection_present_properties_count_as_fetched():
    vm = parse_vm(off_vm(), "hv01")
    assert vm.is_fetched("cpu_usage") and not vm.is_fetched("notes")


def test_deserialized_prefix_vmname_iso_duration_and_number_fallback():
    record = Record(
        type_names=("Deserialized.Microsoft.HyperV.PowerShell.VirtualMachine",
                    "Deserialized.System.Object"),
        properties={"VMId": str(uuid.UUID(int=5)), "VMName": "legacy",
                    "State": Record(to_string=None, value=9), "Uptime": "PT1H7M3.5S",
                    "Heartbeat": 2, "CheckpointType": "5", "Generation": "2"})
    vm = parse_vm(record, "hv02", selection(["uptime", "heartbeat", "checkpoint_type",
                                             "generation"]))
    assert vm.vm_id == uuid.UUID(int=5) and vm.name == "legacy"
    assert vm.state is VMState.PAUSED
    assert vm.uptime == timedelta(hours=1, minutes=7, seconds=3.5)
    assert vm.heartbeat is HeartbeatStatus.NO_CONTACT
    assert vm.checkpoint_type is CheckpointType.STANDARD
    assert vm.generation == 2


def test_wrong_types_become_none_not_a_crash():
    record = selected_vm(uuid.UUID(int=1), "odd", vm_state("Running", 2), CPUUsage="lots",
                         MemoryAssigned=True, Uptime=12, Generation=[2], DynamicMemoryEnabled="yes",
                         CreationTime="27.11.2026 08:24", IsClustered=0, Notes=3.5)
    vm = parse_vm(record, "hv01", ALL)
    assert vm.cpu_usage is None and vm.memory_assigned is None and vm.uptime is None
    assert vm.generation is None and vm.dynamic_memory_enabled is None
    assert vm.creation_time is None and vm.is_clustered is None and vm.notes == "3.5"
    assert vm.heartbeat is None  # absent from the record


def test_unknown_state_name_and_missing_id():
    unknown = selected_vm(uuid.UUID(int=2), "future", vm_state("Teleporting", 2))
    # The name wins even over a number that would map: it is not a state we know.
    assert parse_vm(unknown, "h").state is VMState.UNKNOWN
    assert parse_vm(Record(type_names=SELECTED_VM_TYPES, properties={"Name": "x"}), "h") is None
    assert parse_vm(Record(properties={"Id": "not-a-guid", "Name": "x"}), "h") is None


def test_parse_vms_drops_unkeyable_records_and_keeps_order():
    records = [running_vm(), Record(properties={"Name": "ghost"}), off_vm()]
    assert [vm.name for vm in parse_vms(records, "hv01")] == ["web-01", "dc-01"]


def test_state_shifted_number_with_name():
    record = selected_vm(uuid.UUID(int=3), "hib", vm_state("Hibernated", 32781))
    assert parse_vm(record, "h").state is VMState.HIBERNATED


def test_selection_always_has_the_key_and_rejects_unknown_properties():
    import pytest
    assert selection([]) == (VmProperty.ID, VmProperty.NAME, VmProperty.STATE)
    assert selection(["generation", "Generation", VmProperty.GENERATION])[-1] is VmProperty.GENERATION
    with pytest.raises(KeyError):
        selection(["HardDrives"])
