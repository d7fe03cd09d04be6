"""Reading one bulk action pipeline's result back per VM."""

import uuid

from hvmanager.hyperv.bulk_action_outcome import BulkActionOutcome, target_vm_id
from hvmanager.remoting.error_info import ErrorInfo
from hvmanager.remoting.record import Record
from hvmanager.remoting.result import Result

A, B, C, D = (uuid.UUID(int=n) for n in range(1, 5))
OTHER = uuid.UUID(int=99)
VM_TYPE = ("Deserialized.Microsoft.HyperV.PowerShell.VirtualMachine", "Deserialized.System.Object")


def _vm(vm_id):
    return Record(type_names=VM_TYPE, properties={"Name": "same name", "Id": vm_id, "VMId": vm_id})


def _passed(vm_id):
    return Record(type_names=("Selected.Microsoft.HyperV.PowerShell.VirtualMachine",),
                  properties={"VMId": vm_id})


def _error(kind, target=None, message="failed"):
    return ErrorInfo(message, f"{kind},Microsoft.HyperV.PowerShell.Commands.StartVM",
                     target_object=target)


def test_passed_through_vms_succeed_and_targeted_errors_go_to_their_vm():
    invalid, memory = _error("InvalidState", _vm(B)), _error("OutOfMemory", _vm(C))
    outcome = BulkActionOutcome.of(Result(records=(_passed(A), _passed(D)),
                                          errors=(invalid, memory)), [A, B, C, D])
    assert outcome.succeeded == {A, D}
    assert [outcome.errors_for(vm_id) for vm_id in (A, B, C, D)] == [(), (invalid,), (memory,), ()]
    assert outcome.untargeted == ()


def test_a_vm_nobody_mentions_was_deleted_meanwhile():
    outcome = BulkActionOutcome.of(Result(records=(_passed(A),)), [A, B])
    [missing] = outcome.errors_for(B)
    assert missing.error_kind == "ObjectNotFound"
    assert missing.fully_qualified_error_id.endswith("Commands.GetVM")
    assert str(B) in missing.message and missing.target_object == B


def test_untargeted_records_belong_to_every_unresolved_vm():
    gone = _error("ObjectNotFound")
    stray = _error("InvalidState", _vm(OTHER))  # names a VM this call did not ask for
    outcome = BulkActionOutcome.of(Result(records=(_passed(A),), errors=(gone, stray)), [A, B, C])
    assert outcome.errors_for(A) == ()
    assert outcome.errors_for(B) == outcome.errors_for(C) == (gone, stray)


def test_own_errors_win_over_a_pass_through_and_passes_of_others_are_ignored():
    failed = _error("OperationFailed", B)
    outcome = BulkActionOutcome.of(Result(records=(_passed(B), _passed(OTHER)), errors=(failed,)),
                                   [A, B])
    assert outcome.succeeded == {B}
    assert outcome.errors_for(B) == (failed,)
    assert outcome.errors_for(A)[0].error_kind == "ObjectNotFound"


def test_target_vm_id_reads_vms_checkpoints_and_guids_only():
    checkpoint = Record(properties={"Id": OTHER, "VMId": A, "Name": "cp"})
    assert target_vm_id(_vm(B)) == B
    assert target_vm_id(checkpoint) == A
    assert target_vm_id(C) == C
    assert target_vm_id(str(C)) is None  # a name or text is never taken for an id
    assert target_vm_id(Record(properties={"Id": "not a guid"})) is None
    assert target_vm_id(None) is None
