import pytest

from hvmanager.domain.vm_state import VMState

REFERENCE = {
    "Other": 1, "Running": 2, "Off": 3, "Stopping": 4, "Saved": 6, "Paused": 9, "Starting": 10,
    "Reset": 11, "Saving": 32773, "Pausing": 32776, "Resuming": 32777, "FastSaved": 32779,
    "FastSaving": 32780, "ForceShutdown": 32781, "ForceReboot": 32782, "Hibernated": 32783,
    "ComponentServicing": 32784, "RunningCritical": 32785, "OffCritical": 32786,
    "StoppingCritical": 32787, "SavedCritical": 32788, "PausedCritical": 32789,
    "StartingCritical": 32790, "ResetCritical": 32791, "SavingCritical": 32792,
    "PausingCritical": 32793, "ResumingCritical": 32794, "FastSavedCritical": 32795,
    "FastSavingCritical": 32796,
}


@pytest.mark.parametrize("name,number", sorted(REFERENCE.items()))
def test_every_reference_name_and_number_maps(name, number):
    assert VMState.from_name(name).value == name
    assert VMState.from_number(number).value == name
    assert VMState.from_name(name).number == number


def test_name_wins_over_a_shifted_number():
    # Numbers from ForceShutdown up shift between Windows versions: trust the name.
    assert VMState.parse("Hibernated", 32781) is VMState.HIBERNATED
    assert VMState.parse(None, 3) is VMState.OFF
    assert VMState.parse("  running ", None) is VMState.RUNNING


def test_unrecognised_names_and_numbers_are_unknown():
    assert VMState.from_name("Teleporting") is VMState.UNKNOWN
    assert VMState.parse("Teleporting", 99999) is VMState.UNKNOWN
    assert VMState.from_number("2") is VMState.UNKNOWN
    assert not VMState.UNKNOWN.is_known


def test_groups():
    assert VMState.RUNNING.is_running_like and VMState.RUNNING_CRITICAL.is_running_like
    assert VMState.OFF.is_off_like and VMState.OFF_CRITICAL.is_off_like
    assert VMState.FAST_SAVED.is_saved_like and VMState.SAVED_CRITICAL.is_saved_like
    assert VMState.PAUSED_CRITICAL.is_paused_like
    transitional = {s for s in VMState if s.is_transitional}
    assert VMState.STARTING in transitional and VMState.SAVING_CRITICAL in transitional
    assert VMState.RUNNING not in transitional and VMState.OFF not in transitional
    critical = {s for s in VMState if s.is_critical}
    assert len(critical) == 12 and VMState.OFF_CRITICAL in critical
    # Every known state falls in exactly one group.
    for state in VMState:
        groups = [state.is_running_like, state.is_off_like, state.is_saved_like,
                  state.is_paused_like, state.is_transitional]
        assert sum(groups) == (1 if state.is_known else 0), state
